package io.tandem.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration, set in code: every line to standard output, readable, Tandem's
 * own messages at info (until {@link Logging} applies the {@code logging} settings), libraries only
 * when something is wrong. A request's lines show its MDC fields ({@code workspace}, {@code verb},
 * {@code request_id}) in braces. Written in code rather than in a {@code logback.xml} because
 * reading one loads an XML parser and Logback's configuration model, a fifth of a second of every
 * command's start (measured on {@code tandem match --dry-run}).
 *
 * <p>A {@code logback-test.xml} on the class path (the tests') or a file named with {@code
 * -Dlogback.configurationFile} still wins: Logback reads it as usual, unless {@code
 * -Dtandem.logging.production=true} asks for this configuration regardless (the crash tests read
 * what the program logs in production).
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36}%replace( {%mdc}){' \\{\\}',"
          + " ''} - %msg%n";

  static final String PRODUCTION = "tandem.logging.production";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (!Boolean.getBoolean(PRODUCTION)
        && (System.getProperty("logback.configurationFile") != null
            || ConsoleLogging.class.getClassLoader().getResource("logback-test.xml") != null)) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName(Logging.APPENDER);
    appender.setEncoder(encoder);
    appender.start();
    context.getLogger("io.tandem").setLevel(Level.INFO);
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
