package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code response_url}s and {@code trigger_id}s handed out with commands and clicks, and what
 * the app posts to a {@code response_url}: it shows in the channel it answers, as on Slack.
 */
final class ResponseUrls {
  /** Who a {@code response_url} answers, and where. */
  private record ResponseTarget(SimulatedUser user, String channel) {}

  private final Ids ids;
  private final Journal<SlackMessage> messages;
  private final Traffic traffic;
  private final Journal<ResponseMessage> responses = new Journal<>();
  private final Map<String, ResponseTarget> targets = new ConcurrentHashMap<>();
  private final Set<String> triggers = ConcurrentHashMap.newKeySet();

  ResponseUrls(Ids ids, Journal<SlackMessage> messages, Traffic traffic) {
    this.ids = ids;
    this.messages = messages;
    this.traffic = traffic;
  }

  /** Issues a response URL id for an action by {@code user} in {@code channel}. */
  String newResponseUrlId(SimulatedUser user, String channel) {
    String id = ids.next('R');
    targets.put(id, new ResponseTarget(user, channel));
    return id;
  }

  String newTriggerId() {
    String trigger = ids.triggerId();
    triggers.add(trigger);
    return trigger;
  }

  boolean isIssuedTrigger(String triggerId) {
    return triggerId != null && triggers.contains(triggerId);
  }

  Journal<ResponseMessage> responses() {
    return responses;
  }

  /**
   * A slash command's acknowledgement that carries a message ({@code text} or {@code blocks}):
   * Slack shows it as the command's response, to the invoker only unless it is {@code in_channel},
   * so it is recorded as if posted to the command's {@code response_url}. An empty acknowledgement
   * shows nothing. (Buttons' acknowledgements are not shown on Slack: this is for commands only.)
   */
  void fromCommandAck(String responseUrlId, Ack ack, java.time.Instant time) {
    JsonObject json = ack.json();
    if (!ack.isOk() || json == null || !(json.has("text") || json.has("blocks"))) {
      return;
    }
    String type = BlockText.string(json, "response_type");
    record(new ResponseMessage(responseUrlId, json, type == null ? "ephemeral" : type, time));
  }

  /** Records a response_url post; listeners and messages first, so waiters see all of it. */
  void record(ResponseMessage message) {
    ResponseTarget target = targets.get(message.responseUrlId());
    String user = target == null ? "?" : target.user().name();
    if (target != null) {
      JsonElement blocks = message.json().get("blocks");
      messages.append(
          new SlackMessage(
              target.channel(),
              ids.ts(),
              message.text() == null ? "" : message.text(),
              blocks != null && blocks.isJsonArray() ? blocks.getAsJsonArray() : new JsonArray(),
              message.isEphemeral(),
              message.isEphemeral() ? target.user().id() : null,
              "response_url",
              message.time()));
    }
    traffic.publish(
        new SlackTraffic(
            SlackTraffic.Direction.FROM_APP,
            "response_url",
            user,
            null,
            message.readableText(),
            message.time()));
    responses.append(message);
  }
}
