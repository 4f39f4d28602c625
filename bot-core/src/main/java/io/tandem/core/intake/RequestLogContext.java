package io.tandem.core.intake;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.command.CommandParser;
import io.tandem.core.kernel.LogText;
import io.tandem.core.port.in.InboundRequest;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Tags every log line written while one request runs, on the thread running it, with the request's
 * workspace, verb and id (SLF4J's MDC), so an operator can find all lines of one request and all
 * requests of one workspace. Only values Tandem or the platform chose go in: ids and a known verb,
 * never what the person typed. Closing puts back the tags the thread had before.
 */
final class RequestLogContext implements AutoCloseable {

  static final String WORKSPACE = "workspace";
  static final String VERB = "verb";
  static final String REQUEST_ID = "request_id";
  static final String PLATFORM = "platform";

  private final Map<String, String> previous;

  private RequestLogContext(Map<String, String> previous) {
    this.previous = previous;
  }

  static RequestLogContext open(InboundRequest request) {
    RequestLogContext context = new RequestLogContext(MDC.getCopyOfContextMap());
    MDC.put(PLATFORM, request.platform().name().toLowerCase(Locale.ROOT));
    MDC.put(WORKSPACE, LogText.of(request.workspaceId()));
    MDC.put(VERB, verb(request));
    MDC.put(REQUEST_ID, LogText.of(request.deliveryKey()));
    return context;
  }

  /**
   * The command's verb ({@code join}, {@code log}; {@code unknown} for anything else typed), also
   * for a button that runs a command; otherwise what kind of request it is ({@code click}, {@code
   * form}, {@code home_opened}...).
   */
  static String verb(InboundRequest request) {
    return switch (request.kind()) {
      case COMMAND -> CommandParser.verbOf(request.name());
      case CLICK ->
          CommandDispatcher.COMMAND_ACTION.equals(request.name())
              ? CommandParser.verbOf(request.value())
              : "click";
      default -> request.kind().name().toLowerCase(Locale.ROOT);
    };
  }

  @Override
  public void close() {
    if (previous == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(previous);
    }
  }
}
