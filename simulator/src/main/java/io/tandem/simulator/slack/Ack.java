package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.time.Duration;

/**
 * How the app acknowledged what a person did, the same shape for both transports.
 *
 * <p>Over HTTP: the status and body of the app's answer. Over Socket Mode: status 200 and the ack's
 * {@code payload} (empty body for a bare ack).
 *
 * @param status the HTTP status (always 200 for a Socket Mode ack)
 * @param body the raw body, or the payload as JSON text, or empty
 * @param json the body parsed as a JSON object, or {@code null} when it is empty or not an object
 * @param latency from sending to receiving the ack
 */
public record Ack(int status, String body, JsonObject json, Duration latency) {

  /** True for status 200. */
  public boolean isOk() {
    return status == 200;
  }

  /** The acknowledgement's {@code text} member, or the raw body when it is not JSON. */
  public String text() {
    if (json == null) {
      return body;
    }
    String text = BlockText.string(json, "text");
    return text == null ? "" : text;
  }

  /** The text of the ack's message and blocks, as a person would read it. */
  public String readableText() {
    return json == null ? body : BlockText.readable(text(), json.get("blocks"));
  }
}
