package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * What the app posted to a {@code response_url} (e.g. through Bolt's {@code ctx.respond()}).
 *
 * @param responseUrlId the id at the end of {@code /response/{id}}
 * @param json the posted JSON body ({@code text}, {@code blocks}, {@code response_type}, …)
 * @param responseType {@code ephemeral} (Slack's default) or {@code in_channel}
 * @param time when it arrived, by the simulator's clock
 */
public record ResponseMessage(
    String responseUrlId, JsonObject json, String responseType, Instant time) {

  /** The {@code text} member, or {@code null}. */
  public String text() {
    return json.has("text") && json.get("text").isJsonPrimitive()
        ? json.get("text").getAsString()
        : null;
  }

  /** The text of the message and of its blocks, as a person would read it. */
  public String readableText() {
    return BlockText.readable(text(), json.get("blocks"));
  }

  /** True for {@code response_type: ephemeral}. */
  public boolean isEphemeral() {
    return "ephemeral".equals(responseType);
  }
}
