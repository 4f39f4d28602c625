package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.util.Optional;

/** What the Web API methods share: Slack's {@code ok} answer, argument checks, channel ids. */
final class WebApiAnswers {
  private WebApiAnswers() {}

  static JsonObject ok() {
    JsonObject ok = new JsonObject();
    ok.addProperty("ok", true);
    return ok;
  }

  static JsonObject withChannel(JsonObject answer, String channelId) {
    JsonObject channel = new JsonObject();
    channel.addProperty("id", channelId);
    answer.add("channel", channel);
    return answer;
  }

  /** A channel id for a {@code channel} argument: C/G/D ids as given, user ids as their DM. */
  static Optional<String> resolveChannel(SlackSimulator sim, String channel) {
    if (isBlank(channel)) {
      return Optional.empty();
    }
    if (channel.startsWith("U") || channel.startsWith("W")) {
      return sim.findUser(channel).map(SimulatedUser::dmChannelId);
    }
    return Optional.of(channel);
  }

  static boolean isTrue(String value) {
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
