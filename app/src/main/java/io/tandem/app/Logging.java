package io.tandem.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.tandem.config.LoggingConfig;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code logging} settings to Logback, which {@link ConsoleLogging} sets to write
 * readable lines to standard output until the configuration is loaded. {@code json} switches that
 * appender to one JSON object a line: level, time, thread, logger, the formatted message, the
 * request's MDC fields ({@code workspace}, {@code verb}, {@code request_id}, {@code platform}) and
 * any exception.
 *
 * <p>Does nothing when SLF4J is bound to something other than Logback (the benchmarks keep
 * slf4j-simple).
 */
public final class Logging {

  /** The appender {@link ConsoleLogging} (and the tests' {@code logback-test.xml}) defines. */
  static final String APPENDER = "STDOUT";

  private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

  private Logging() {}

  /** Sets the levels and the line format; call once the configuration is loaded. */
  public static void configure(LoggingConfig config) {
    if (!LOGBACK.equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(config.level() == LoggingConfig.Level.ERROR ? Level.ERROR : Level.WARN);
    context.getLogger("io.tandem").setLevel(Level.toLevel(config.level().name()));
    if (config.format() == LoggingConfig.Format.JSON
        && root.getAppender(APPENDER) instanceof OutputStreamAppender<ILoggingEvent> appender
        && !(appender.getEncoder() instanceof JsonEncoder)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      // the message as people read it, not the pattern and its arguments apart
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.start();
      appender.stop();
      appender.setEncoder(json);
      appender.start();
    }
  }

  /** Only Tandem's messages from {@code level} up, in the current format. */
  public static void tandemLevel(LoggingConfig.Level level) {
    if (LOGBACK.equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
      ((LoggerContext) LoggerFactory.getILoggerFactory())
          .getLogger("io.tandem")
          .setLevel(Level.toLevel(level.name()));
    }
  }
}
