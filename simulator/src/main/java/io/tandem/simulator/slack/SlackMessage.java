package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * A message the app put in a channel: through {@code chat.postMessage}, {@code chat.postEphemeral},
 * {@code chat.update} or a {@code response_url}.
 *
 * @param channel the channel id ({@code D…} for a DM)
 * @param ts the message timestamp ({@code message_ts} for ephemerals)
 * @param text the {@code text} argument, or empty
 * @param blocks the parsed blocks, or an empty array
 * @param ephemeral true when only {@code visibleTo} sees it
 * @param visibleTo the user id an ephemeral message is shown to, or {@code null}
 * @param source the method that produced it, or {@code response_url}
 * @param time when the simulator received it
 */
public record SlackMessage(
    String channel,
    String ts,
    String text,
    JsonArray blocks,
    boolean ephemeral,
    String visibleTo,
    String source,
    Instant time) {

  /** The message as a person would read it: the blocks' text, or the fallback text. */
  public String readableText() {
    return BlockText.readable(text, blocks);
  }

  JsonObject toMessageJson(SlackSimulator sim) {
    JsonObject message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("user", sim.botUserId());
    message.addProperty("bot_id", sim.botId());
    message.addProperty("app_id", sim.appId());
    message.addProperty("team", sim.teamId());
    message.addProperty("text", text);
    message.addProperty("ts", ts);
    message.add("blocks", blocks);
    return message;
  }
}
