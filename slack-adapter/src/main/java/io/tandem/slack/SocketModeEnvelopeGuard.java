package io.tandem.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import com.slack.api.socket_mode.response.AckResponse;
import io.tandem.core.kernel.LogText;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges the Socket Mode envelopes Bolt cannot read (a payload of the wrong types, say),
 * which Bolt would neither answer nor acknowledge, so Slack would send them again. Bolt handles and
 * acknowledges every envelope it can read, and this listener leaves those alone: both read each
 * envelope with the same parser.
 */
final class SocketModeEnvelopeGuard implements WebSocketMessageListener {

  private static final Logger LOG = LoggerFactory.getLogger(SocketModeEnvelopeGuard.class);
  private static final Set<String> ENVELOPE_TYPES =
      Set.of("events_api", "interactive", "slash_commands");

  private final SocketModeRequestParser parser;
  private final SocketModeClient client;

  /** Listens on {@code client} ahead of every listener already there (Bolt's). */
  static void addFirst(AppConfig config, SocketModeClient client) {
    client.getWebSocketMessageListeners().add(0, new SocketModeEnvelopeGuard(config, client));
  }

  private SocketModeEnvelopeGuard(AppConfig config, SocketModeClient client) {
    this.parser = new SocketModeRequestParser(config);
    this.client = client;
  }

  @Override
  public void handle(String message) {
    String envelopeId = envelopeId(message);
    if (envelopeId == null) {
      return;
    }
    boolean readable;
    try {
      SocketModeRequest request = parser.parse(message);
      readable = request != null && request.getBoltRequest() != null;
    } catch (RuntimeException | StackOverflowError e) {
      readable = false;
    }
    if (!readable) {
      LOG.info(
          "Acknowledged a Socket Mode envelope Tandem cannot read: {}", LogText.of(envelopeId));
      client.sendSocketModeResponse(new AckResponse(envelopeId));
    }
  }

  /** The id of an envelope Slack expects an acknowledgement for, or {@code null}. */
  private static String envelopeId(String message) {
    try {
      JsonElement parsed = JsonParser.parseString(message);
      if (!parsed.isJsonObject()) {
        return null;
      }
      JsonObject envelope = parsed.getAsJsonObject();
      JsonElement id = envelope.get("envelope_id");
      JsonElement type = envelope.get("type");
      boolean expectsAck =
          type != null
              && type.isJsonPrimitive()
              && ENVELOPE_TYPES.contains(type.getAsString())
              && id != null
              && id.isJsonPrimitive();
      return expectsAck ? id.getAsString() : null;
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }
}
