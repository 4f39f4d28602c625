package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The Web API methods the simulator understands, each answering like Slack does for the common
 * case. Called on HTTP server threads after the token check; state lives in {@link SlackSimulator},
 * which is thread-safe.
 */
final class WebApiMethods {

  /** One Web API method. */
  @FunctionalInterface
  interface Method {
    JsonObject serve(ApiCall call);
  }

  private final SlackSimulator sim;
  private final Map<String, Method> methods;

  WebApiMethods(SlackSimulator simulator) {
    this.sim = simulator;
    this.methods =
        Map.ofEntries(
            Map.entry("auth.test", this::authTest),
            Map.entry("apps.connections.open", this::appsConnectionsOpen),
            Map.entry("chat.postMessage", this::chatPostMessage),
            Map.entry("chat.postEphemeral", this::chatPostEphemeral),
            Map.entry("chat.update", this::chatUpdate),
            Map.entry("chat.delete", this::chatDelete),
            Map.entry("files.getUploadURLExternal", this::filesGetUploadUrlExternal),
            Map.entry("files.completeUploadExternal", this::filesCompleteUploadExternal),
            Map.entry("conversations.open", this::conversationsOpen),
            Map.entry("conversations.history", this::conversationsHistory),
            Map.entry("users.info", this::usersInfo),
            Map.entry("views.open", call -> openView(call, "views.open")),
            Map.entry("views.push", call -> openView(call, "views.push")),
            Map.entry("views.update", this::viewsUpdate),
            Map.entry("views.publish", this::viewsPublish));
  }

  Optional<Method> find(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  private JsonObject authTest(ApiCall call) {
    JsonObject answer = ok();
    answer.addProperty("url", "https://" + sim.teamDomain() + ".slack.com/");
    answer.addProperty("team", sim.teamName());
    answer.addProperty("user", sim.botName());
    answer.addProperty("team_id", sim.teamId());
    answer.addProperty("user_id", sim.botUserId());
    answer.addProperty("bot_id", sim.botId());
    answer.addProperty("is_enterprise_install", false);
    return answer;
  }

  private JsonObject appsConnectionsOpen(ApiCall call) {
    JsonObject answer = ok();
    answer.addProperty("url", sim.socketMode().issueUrl());
    return answer;
  }

  private JsonObject chatPostMessage(ApiCall call) {
    Optional<String> channel = resolveChannel(call.channel());
    if (channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    if (isBlank(call.text()) && call.payload() == null && isBlank(call.param("attachments"))) {
      return WebApiHandler.error("no_text");
    }
    String ts = sim.ids().ts();
    JsonObject answer = ok();
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
    sim.publishFromApp(call, channel.get());
    return answer;
  }

  private JsonObject chatPostEphemeral(ApiCall call) {
    Optional<String> channel = resolveChannel(call.channel());
    if (channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    if (sim.findUser(call.param("user")).isEmpty()) {
      return WebApiHandler.error("user_not_in_channel");
    }
    if (isBlank(call.text()) && call.payload() == null) {
      return WebApiHandler.error("no_text");
    }
    String ts = sim.ids().ts();
    JsonObject answer = ok();
    answer.addProperty("message_ts", ts);
    sim.recordMessage(posted(call, channel.get(), ts, sim.findUser(call.param("user")).get().id()));
    sim.publishFromApp(call, channel.get());
    return answer;
  }

  private JsonObject chatUpdate(ApiCall call) {
    if (isBlank(call.channel()) || isBlank(call.param("ts"))) {
      return WebApiHandler.error(
          isBlank(call.channel()) ? "channel_not_found" : "message_not_found");
    }
    JsonObject answer = ok();
    answer.addProperty("channel", call.channel());
    answer.addProperty("ts", call.param("ts"));
    answer.addProperty("text", call.text() == null ? "" : call.text());
    answer.add("message", message(call, call.param("ts")));
    sim.recordMessage(posted(call, call.channel(), call.param("ts"), null));
    sim.publishFromApp(call, call.channel());
    return answer;
  }

  private JsonObject chatDelete(ApiCall call) {
    if (isBlank(call.channel()) || isBlank(call.param("ts"))) {
      return WebApiHandler.error(
          isBlank(call.channel()) ? "channel_not_found" : "message_not_found");
    }
    sim.history().remove(call.channel(), call.param("ts"));
    JsonObject answer = ok();
    answer.addProperty("channel", call.channel());
    answer.addProperty("ts", call.param("ts"));
    return answer;
  }

  private JsonObject filesGetUploadUrlExternal(ApiCall call) {
    String name = call.param("filename");
    String length = call.param("length");
    if (isBlank(name) || isBlank(length)) {
      return WebApiHandler.error("invalid_arguments");
    }
    int bytes;
    try {
      bytes = Integer.parseInt(length.strip());
    } catch (NumberFormatException e) {
      return WebApiHandler.error("invalid_arguments");
    }
    if (bytes < 1) {
      return WebApiHandler.error("invalid_arguments");
    }
    String fileId =
        sim.beginUpload(name, bytes, call.param("alt_txt") == null ? "" : call.param("alt_txt"));
    JsonObject answer = ok();
    answer.addProperty("upload_url", sim.uploadUrl(fileId));
    answer.addProperty("file_id", fileId);
    return answer;
  }

  private JsonObject filesCompleteUploadExternal(ApiCall call) {
    com.google.gson.JsonElement list = WebApiHandler.parseJson(call.param("files"));
    if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
      return WebApiHandler.error("invalid_arguments");
    }
    String channelId = call.param("channel_id");
    Optional<String> channel =
        isBlank(channelId) ? Optional.<String>empty() : resolveChannel(channelId);
    if (!isBlank(channelId) && channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    List<SlackFile> shared = new java.util.ArrayList<>();
    JsonArray filesJson = new JsonArray();
    String comment = call.param("initial_comment") == null ? "" : call.param("initial_comment");
    for (com.google.gson.JsonElement element : list.getAsJsonArray()) {
      if (!element.isJsonObject() || !element.getAsJsonObject().has("id")) {
        return WebApiHandler.error("invalid_arguments");
      }
      JsonObject details = element.getAsJsonObject();
      String id = details.get("id").getAsString();
      Optional<SlackSimulator.PendingUpload> pending = sim.pendingUpload(id);
      if (pending.isEmpty()) {
        return WebApiHandler.error("file_not_found");
      }
      if (pending.get().bytes() == null) {
        return WebApiHandler.error("file_upload_incomplete");
      }
      if (pending.get().bytes().length != pending.get().length()) {
        return WebApiHandler.error("file_size_mismatch");
      }
      String title =
          details.has("title") && !details.get("title").isJsonNull()
              ? details.get("title").getAsString()
              : pending.get().name();
      shared.add(
          new SlackFile(
              id,
              pending.get().name(),
              title,
              pending.get().altText(),
              channel.orElse(null),
              comment,
              pending.get().bytes(),
              call.time()));
      JsonObject file = new JsonObject();
      file.addProperty("id", id);
      file.addProperty("title", title);
      filesJson.add(file);
    }
    shared.forEach(sim::shareFile);
    if (channel.isPresent()) {
      String ts = sim.ids().ts();
      JsonArray noBlocks = new JsonArray();
      sim.recordMessage(
          new SlackMessage(
              channel.get(), ts, comment, noBlocks, false, null, call.method(), call.time()));
      sim.publishFromApp(call, channel.get());
    }
    JsonObject answer = ok();
    answer.add("files", filesJson);
    return answer;
  }

  private JsonObject conversationsHistory(ApiCall call) {
    Optional<String> channel = resolveChannel(call.channel());
    if (channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    int limit;
    try {
      limit = isBlank(call.param("limit")) ? 0 : Integer.parseInt(call.param("limit").trim());
    } catch (NumberFormatException e) {
      return WebApiHandler.error("invalid_limit");
    }
    try {
      return sim.history()
          .page(
              channel.get(),
              call.param("oldest"),
              call.param("latest"),
              isTrue(call.param("inclusive")),
              limit,
              call.param("cursor"),
              isTrue(call.param("include_all_metadata")));
    } catch (NumberFormatException e) {
      return WebApiHandler.error("invalid_ts_oldest");
    } catch (IllegalArgumentException e) {
      return WebApiHandler.error("invalid_cursor");
    }
  }

  private JsonObject conversationsOpen(ApiCall call) {
    String users = call.param("users");
    if (isBlank(users)) {
      return isBlank(call.channel())
          ? WebApiHandler.error("users_list_not_supplied")
          : withChannel(ok(), call.channel());
    }
    String[] ids = users.split(",");
    if (ids.length > 1) {
      List<String> members = new java.util.ArrayList<>();
      for (String id : ids) {
        Optional<SimulatedUser> user = sim.findUser(id.trim());
        if (user.isEmpty()) {
          return WebApiHandler.error("user_not_found");
        }
        members.add(user.get().id());
      }
      if (members.size() > 8) {
        return WebApiHandler.error("too_many_users");
      }
      return withChannel(ok(), sim.groupDmChannelId(members));
    }
    return sim.findUser(ids[0].trim())
        .map(user -> withChannel(ok(), user.dmChannelId()))
        .orElseGet(() -> WebApiHandler.error("user_not_found"));
  }

  private JsonObject usersInfo(ApiCall call) {
    return sim.findUser(call.param("user"))
        .map(
            user -> {
              JsonObject answer = ok();
              answer.add("user", userJson(user));
              return answer;
            })
        .orElseGet(() -> WebApiHandler.error("user_not_found"));
  }

  private JsonObject openView(ApiCall call, String method) {
    if (isBlank(call.param("trigger_id")) && isBlank(call.param("interactivity_pointer"))) {
      return WebApiHandler.error("invalid_arguments");
    }
    if (!sim.isIssuedTrigger(call.param("trigger_id"))) {
      return WebApiHandler.error("invalid_trigger_id");
    }
    return storeView(call, sim.ids().next('V'), null, "modal", method);
  }

  private JsonObject viewsUpdate(ApiCall call) {
    String viewId = call.param("view_id");
    if (isBlank(viewId)) {
      return WebApiHandler.error("invalid_arguments");
    }
    Optional<SlackSimulator.StoredView> previous = sim.view(viewId);
    if (previous.isEmpty()) {
      return WebApiHandler.error("not_found");
    }
    return storeView(call, viewId, previous.get().userId(), "modal", "views.update");
  }

  private JsonObject viewsPublish(ApiCall call) {
    String userId = call.param("user_id");
    Optional<SimulatedUser> user = sim.findUser(userId);
    if (user.isEmpty()) {
      return WebApiHandler.error("user_not_found");
    }
    String viewId = sim.homeViewId(user.get());
    return storeView(call, viewId, user.get().id(), "home", "views.publish");
  }

  private JsonObject storeView(
      ApiCall call, String viewId, String userId, String defaultType, String method) {
    if (call.payload() == null || !call.payload().isJsonObject()) {
      return WebApiHandler.error("invalid_arguments");
    }
    JsonObject view = call.payload().getAsJsonObject().deepCopy();
    view.addProperty("id", viewId);
    view.addProperty("team_id", sim.teamId());
    if (!view.has("type")) {
      view.addProperty("type", defaultType);
    }
    for (String empty : new String[] {"private_metadata", "callback_id", "external_id"}) {
      if (!view.has(empty)) {
        view.addProperty(empty, "");
      }
    }
    for (String flag : new String[] {"clear_on_close", "notify_on_close"}) {
      if (!view.has(flag)) {
        view.addProperty(flag, false);
      }
    }
    view.add("previous_view_id", com.google.gson.JsonNull.INSTANCE);
    view.addProperty("app_installed_team_id", sim.teamId());
    if (!view.has("blocks")) {
      view.add("blocks", new JsonArray());
    }
    JsonObject state = new JsonObject();
    state.add("values", new JsonObject());
    view.add("state", state);
    view.addProperty("hash", sim.ids().ts());
    view.addProperty("app_id", sim.appId());
    view.addProperty("bot_id", sim.botId());
    view.addProperty("root_view_id", viewId);
    sim.storeView(viewId, userId, view);
    sim.publishFromApp(call, null);
    JsonObject answer = ok();
    answer.add("view", view);
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

  /** The user object of {@code users.info} (and of {@code user_change} events). */
  JsonObject userJson(SimulatedUser user) {
    ZoneId zone = user.tz();
    int offset = zone.getRules().getOffset(sim.clock().instant()).getTotalSeconds();
    boolean daylight = zone.getRules().isDaylightSavings(sim.clock().instant());
    JsonObject json = new JsonObject();
    json.addProperty("id", user.id());
    json.addProperty("team_id", sim.teamId());
    json.addProperty("name", user.name());
    json.addProperty("deleted", user.isDeleted());
    json.addProperty("real_name", user.realName());
    json.addProperty("tz", zone.getId());
    json.addProperty(
        "tz_label", TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.LONG, Locale.US));
    json.addProperty("tz_offset", offset);
    json.addProperty("is_admin", user.isAdmin());
    json.addProperty("is_owner", false);
    json.addProperty("is_primary_owner", false);
    json.addProperty("is_restricted", false);
    json.addProperty("is_ultra_restricted", false);
    json.addProperty("is_bot", false);
    json.addProperty("is_app_user", false);
    json.addProperty("updated", sim.clock().instant().getEpochSecond());
    json.addProperty("locale", "en-US");
    JsonObject profile = new JsonObject();
    profile.addProperty("real_name", user.realName());
    profile.addProperty("real_name_normalized", user.realName());
    profile.addProperty("display_name", user.name());
    profile.addProperty("display_name_normalized", user.name());
    profile.addProperty("first_name", user.realName());
    profile.addProperty("title", "");
    // Slack leaves the email out unless the app has users:read.email.
    if (sim.scopes().grants("users:read.email")) {
      profile.addProperty("email", user.email());
    }
    profile.addProperty("image_48", "https://example.com/avatars/" + user.id() + "_48.png");
    profile.addProperty("image_192", "https://example.com/avatars/" + user.id() + "_192.png");
    profile.addProperty("team", sim.teamId());
    json.add("profile", profile);
    return json;
  }

  /** A channel id for a {@code channel} argument: C/G/D ids as given, user ids as their DM. */
  private Optional<String> resolveChannel(String channel) {
    if (isBlank(channel)) {
      return Optional.empty();
    }
    if (channel.startsWith("U") || channel.startsWith("W")) {
      return sim.findUser(channel).map(SimulatedUser::dmChannelId);
    }
    return Optional.of(channel);
  }

  private static JsonObject withChannel(JsonObject answer, String channelId) {
    JsonObject channel = new JsonObject();
    channel.addProperty("id", channelId);
    answer.add("channel", channel);
    return answer;
  }

  private static JsonObject ok() {
    JsonObject ok = new JsonObject();
    ok.addProperty("ok", true);
    return ok;
  }

  private static boolean isTrue(String value) {
    return "true".equalsIgnoreCase(value) || "1".equals(value);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
