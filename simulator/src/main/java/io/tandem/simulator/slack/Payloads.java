package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/** Builds the JSON payloads Slack sends to an app, shaped like the real ones. */
final class Payloads {
  /** The deprecated verification token Slack still includes in payloads. */
  static final String VERIFICATION_TOKEN = "sim-verification-token";

  private final SlackSimulator sim;

  Payloads(SlackSimulator simulator) {
    this.sim = simulator;
  }

  /** A channel as payloads name it. */
  record ChannelRef(String id, String name) {}

  JsonObject slashCommand(
      SimulatedUser user,
      ChannelRef channel,
      String command,
      String text,
      String responseUrl,
      String triggerId) {
    JsonObject payload = new JsonObject();
    payload.addProperty("token", VERIFICATION_TOKEN);
    payload.addProperty("team_id", sim.teamId());
    payload.addProperty("team_domain", sim.teamDomain());
    payload.addProperty("channel_id", channel.id());
    payload.addProperty("channel_name", channel.name());
    payload.addProperty("user_id", user.id());
    payload.addProperty("user_name", user.name());
    payload.addProperty("command", command);
    payload.addProperty("text", text);
    payload.addProperty("api_app_id", sim.appId());
    payload.addProperty("is_enterprise_install", "false");
    payload.addProperty("response_url", responseUrl);
    payload.addProperty("trigger_id", triggerId);
    return payload;
  }

  JsonObject blockActions(
      SimulatedUser user,
      ChannelRef channel,
      Optional<Views.ActionHolder> holder,
      String actionId,
      String value,
      String responseUrl,
      String triggerId) {
    JsonObject payload = interaction("block_actions", user, triggerId);
    JsonElement blocks = addContainer(payload, channel, holder, responseUrl);
    JsonObject state = new JsonObject();
    state.add("values", new JsonObject());
    payload.add("state", state);
    JsonArray actions = new JsonArray();
    actions.add(action(BlockSearch.find(blocks, actionId), actionId, value));
    payload.add("actions", actions);
    return payload;
  }

  /**
   * Adds where the button sits (a view, or a message in a channel, with its response_url) and
   * returns the blocks it sits among, null when the app never showed it.
   */
  private JsonElement addContainer(
      JsonObject payload,
      ChannelRef channel,
      Optional<Views.ActionHolder> holder,
      String responseUrl) {
    JsonObject container = new JsonObject();
    payload.add("container", container);
    if (holder.isPresent() && holder.get().view() != null) {
      Views.StoredView view = holder.get().view();
      container.addProperty("type", "view");
      container.addProperty("view_id", view.id());
      payload.add("view", view.view().deepCopy());
      return view.view().get("blocks");
    }
    SlackMessage message = holder.map(Views.ActionHolder::message).orElse(null);
    String ts = message == null ? sim.ids().ts() : message.ts();
    String channelId = message == null ? channel.id() : message.channel();
    container.addProperty("type", "message");
    container.addProperty("message_ts", ts);
    container.addProperty("channel_id", channelId);
    container.addProperty("is_ephemeral", message != null && message.ephemeral());
    JsonObject channelJson = new JsonObject();
    channelJson.addProperty("id", channelId);
    channelJson.addProperty("name", channel.name());
    payload.add("channel", channelJson);
    payload.addProperty("response_url", responseUrl);
    if (message == null) {
      return null;
    }
    payload.add("message", message.toMessageJson(sim));
    return message.blocks();
  }

  /** The clicked element as Slack describes it: the app's button, or a plain one by that id. */
  private JsonObject action(Optional<BlockSearch.Found> found, String actionId, String value) {
    JsonObject action = new JsonObject();
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", found.map(BlockSearch.Found::blockId).orElse("actions"));
    JsonObject label = new JsonObject();
    label.addProperty("type", "plain_text");
    label.addProperty(
        "text",
        found
            .map(f -> f.element().get("text"))
            .filter(JsonElement::isJsonObject)
            .map(t -> BlockText.string(t.getAsJsonObject(), "text"))
            .orElse(actionId));
    label.addProperty("emoji", true);
    action.add("text", label);
    found
        .map(f -> BlockText.string(f.element(), "style"))
        .ifPresent(style -> action.addProperty("style", style));
    String buttonValue = found.map(f -> BlockText.string(f.element(), "value")).orElse(null);
    String sent = value != null ? value : buttonValue;
    if (sent != null) {
      action.addProperty("value", sent);
    }
    action.addProperty(
        "type", found.map(f -> BlockText.string(f.element(), "type")).orElse("button"));
    action.addProperty("action_ts", sim.ids().ts());
    return action;
  }

  /** A {@code view_closed} for the newest view the app opened with {@code callbackId}. */
  JsonObject viewClosed(SimulatedUser user, String callbackId, Optional<Views.StoredView> opened) {
    JsonObject payload = interaction("view_closed", user, null);
    JsonObject view = opened.map(v -> v.view().deepCopy()).orElseGet(JsonObject::new);
    view.addProperty("callback_id", callbackId);
    payload.add("view", view);
    payload.addProperty("is_cleared", false);
    return payload;
  }

  JsonObject viewSubmission(
      SimulatedUser user,
      String callbackId,
      Optional<Views.StoredView> opened,
      Map<String, String> values,
      String triggerId) {
    JsonObject payload = interaction("view_submission", user, triggerId);
    JsonObject view;
    if (opened.isPresent()) {
      view = opened.get().view().deepCopy();
    } else {
      view = new JsonObject();
      view.addProperty("id", sim.ids().next('V'));
      view.addProperty("team_id", sim.teamId());
      view.addProperty("type", "modal");
      view.addProperty("callback_id", callbackId);
      view.addProperty("private_metadata", "");
      view.add("blocks", new JsonArray());
      view.addProperty("app_id", sim.appId());
      view.addProperty("bot_id", sim.botId());
    }
    JsonObject stateValues = new JsonObject();
    values.forEach(
        (actionId, value) -> {
          Optional<BlockSearch.Found> found = BlockSearch.find(view.get("blocks"), actionId);
          String blockId = found.map(BlockSearch.Found::blockId).orElse(actionId);
          String type =
              found.map(f -> BlockText.string(f.element(), "type")).orElse("plain_text_input");
          JsonObject block =
              stateValues.has(blockId) ? stateValues.getAsJsonObject(blockId) : new JsonObject();
          block.add(actionId, inputValue(type, value));
          stateValues.add(blockId, block);
        });
    JsonObject state = new JsonObject();
    state.add("values", stateValues);
    view.add("state", state);
    payload.add("view", view);
    payload.add("response_urls", new JsonArray());
    return payload;
  }

  JsonObject eventCallback(JsonObject event) {
    JsonObject payload = new JsonObject();
    payload.addProperty("token", VERIFICATION_TOKEN);
    payload.addProperty("team_id", sim.teamId());
    payload.addProperty("api_app_id", sim.appId());
    payload.add("event", event);
    payload.addProperty("type", "event_callback");
    String eventId = sim.ids().next('E').replaceFirst("^E", "Ev");
    payload.addProperty("event_id", eventId);
    payload.addProperty("event_context", "4-" + eventId);
    payload.addProperty("event_time", sim.clock().instant().getEpochSecond());
    JsonObject authorization = new JsonObject();
    authorization.addProperty("team_id", sim.teamId());
    authorization.addProperty("user_id", sim.botUserId());
    authorization.addProperty("is_bot", true);
    authorization.addProperty("is_enterprise_install", false);
    JsonArray authorizations = new JsonArray();
    authorizations.add(authorization);
    payload.add("authorizations", authorizations);
    payload.addProperty("is_ext_shared_channel", false);
    return payload;
  }

  private JsonObject interaction(String type, SimulatedUser user, String triggerId) {
    JsonObject payload = new JsonObject();
    payload.addProperty("type", type);
    JsonObject userJson = new JsonObject();
    userJson.addProperty("id", user.id());
    userJson.addProperty("username", user.name());
    userJson.addProperty("name", user.name());
    userJson.addProperty("team_id", sim.teamId());
    payload.add("user", userJson);
    payload.addProperty("api_app_id", sim.appId());
    payload.addProperty("token", VERIFICATION_TOKEN);
    if (triggerId != null) {
      // view_closed carries none: nothing can be opened from a dismissed modal
      payload.addProperty("trigger_id", triggerId);
    }
    JsonObject team = new JsonObject();
    team.addProperty("id", sim.teamId());
    team.addProperty("domain", sim.teamDomain());
    payload.add("team", team);
    payload.addProperty("is_enterprise_install", false);
    return payload;
  }

  private static JsonObject inputValue(String elementType, String value) {
    JsonObject input = new JsonObject();
    input.addProperty("type", elementType);
    switch (elementType) {
      case "static_select", "radio_buttons", "external_select" -> {
        JsonObject option = new JsonObject();
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", value);
        option.add("text", text);
        option.addProperty("value", value);
        input.add("selected_option", option);
      }
      case "datepicker" -> input.addProperty("selected_date", value);
      case "timepicker" -> input.addProperty("selected_time", value);
      case "users_select" -> input.addProperty("selected_user", value);
      case "conversations_select" -> input.addProperty("selected_conversation", value);
      default -> input.addProperty("value", value);
    }
    return input;
  }
}
