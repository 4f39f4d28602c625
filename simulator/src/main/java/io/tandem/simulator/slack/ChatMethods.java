package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** {@code chat.*}: the app's messages, shown in the channel and in the conversation history. */
final class ChatMethods {
  private final SlackSimulator sim;

  ChatMethods(SlackSimulator sim) {
    this.sim = sim;
  }

  JsonObject postMessage(ApiCall call) {
    Optional<String> channel = WebApiAnswers.resolveChannel(sim, call.channel());
    if (channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    if (WebApiAnswers.isBlank(call.text())
        && call.payload() == null
        && WebApiAnswers.isBlank(call.param("attachments"))) {
      return WebApiHandler.error("no_text");
    }
    String ts = sim.ids().ts();
    JsonObject answer = WebApiAnswers.ok();
    answer.addProperty("channel", channel.get());
    answer.addProperty("ts", ts);
    JsonObject message = message(call, ts);
    JsonElement metadata = WebApiHandler.parseJson(call.param("metadata"));
    if (metadata != null && metadata.isJsonObject()) {
      message.add("metadata", metadata);
    }
    answer.add("message", message);
    sim.history().append(channel.get(), message);
    sim.recordMessage(posted(call, channel.get(), ts, null));
    sim.traffic().publishFromApp(call, channel.get());
    return answer;
  }

  JsonObject postEphemeral(ApiCall call) {
    Optional<String> channel = WebApiAnswers.resolveChannel(sim, call.channel());
    if (channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    if (sim.findUser(call.param("user")).isEmpty()) {
      return WebApiHandler.error("user_not_in_channel");
    }
    if (WebApiAnswers.isBlank(call.text()) && call.payload() == null) {
      return WebApiHandler.error("no_text");
    }
    String ts = sim.ids().ts();
    JsonObject answer = WebApiAnswers.ok();
    answer.addProperty("message_ts", ts);
    sim.recordMessage(posted(call, channel.get(), ts, sim.findUser(call.param("user")).get().id()));
    sim.traffic().publishFromApp(call, channel.get());
    return answer;
  }

  JsonObject update(ApiCall call) {
    if (WebApiAnswers.isBlank(call.channel()) || WebApiAnswers.isBlank(call.param("ts"))) {
      return WebApiHandler.error(
          WebApiAnswers.isBlank(call.channel()) ? "channel_not_found" : "message_not_found");
    }
    JsonObject answer = WebApiAnswers.ok();
    answer.addProperty("channel", call.channel());
    answer.addProperty("ts", call.param("ts"));
    answer.addProperty("text", call.text() == null ? "" : call.text());
    answer.add("message", message(call, call.param("ts")));
    sim.recordMessage(posted(call, call.channel(), call.param("ts"), null));
    sim.traffic().publishFromApp(call, call.channel());
    return answer;
  }

  JsonObject delete(ApiCall call) {
    if (WebApiAnswers.isBlank(call.channel()) || WebApiAnswers.isBlank(call.param("ts"))) {
      return WebApiHandler.error(
          WebApiAnswers.isBlank(call.channel()) ? "channel_not_found" : "message_not_found");
    }
    sim.history().remove(call.channel(), call.param("ts"));
    JsonObject answer = WebApiAnswers.ok();
    answer.addProperty("channel", call.channel());
    answer.addProperty("ts", call.param("ts"));
    return answer;
  }

  private static SlackMessage posted(ApiCall call, String channel, String ts, String visibleTo) {
    JsonArray blocks =
        call.payload() != null && call.payload().isJsonArray()
            ? call.payload().getAsJsonArray()
            : new JsonArray();
    return new SlackMessage(
        channel,
        ts,
        call.text() == null ? "" : call.text(),
        blocks,
        visibleTo != null,
        visibleTo,
        call.method(),
        call.time());
  }

  private JsonObject message(ApiCall call, String ts) {
    JsonObject message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("text", call.text() == null ? "" : call.text());
    message.addProperty("user", sim.botUserId());
    message.addProperty("bot_id", sim.botId());
    message.addProperty("app_id", sim.appId());
    message.addProperty("team", sim.teamId());
    message.addProperty("ts", ts);
    if (call.payload() != null && call.payload().isJsonArray()) {
      message.add("blocks", call.payload());
    }
    JsonObject botProfile = new JsonObject();
    botProfile.addProperty("id", sim.botId());
    botProfile.addProperty("app_id", sim.appId());
    botProfile.addProperty("name", sim.botName());
    botProfile.addProperty("team_id", sim.teamId());
    message.add("bot_profile", botProfile);
    return message;
  }
}
