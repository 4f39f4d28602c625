package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/** {@code conversations.*} and {@code users.info}: DMs, group DMs, history and people. */
final class ConversationMethods {
  private final SlackSimulator sim;

  ConversationMethods(SlackSimulator sim) {
    this.sim = sim;
  }

  JsonObject open(ApiCall call) {
    String users = call.param("users");
    if (WebApiAnswers.isBlank(users)) {
      return WebApiAnswers.isBlank(call.channel())
          ? WebApiHandler.error("users_list_not_supplied")
          : WebApiAnswers.withChannel(WebApiAnswers.ok(), call.channel());
    }
    String[] ids = users.split(",");
    if (ids.length > 1) {
      List<String> members = new ArrayList<>();
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
      return WebApiAnswers.withChannel(WebApiAnswers.ok(), sim.groupDms().channelId(members));
    }
    return sim.findUser(ids[0].trim())
        .map(user -> WebApiAnswers.withChannel(WebApiAnswers.ok(), user.dmChannelId()))
        .orElseGet(() -> WebApiHandler.error("user_not_found"));
  }

  JsonObject history(ApiCall call) {
    Optional<String> channel = WebApiAnswers.resolveChannel(sim, call.channel());
    if (channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    int limit;
    try {
      limit =
          WebApiAnswers.isBlank(call.param("limit"))
              ? 0
              : Integer.parseInt(call.param("limit").trim());
    } catch (NumberFormatException e) {
      return WebApiHandler.error("invalid_limit");
    }
    try {
      return sim.history()
          .page(
              channel.get(),
              call.param("oldest"),
              call.param("latest"),
              WebApiAnswers.isTrue(call.param("inclusive")),
              limit,
              call.param("cursor"),
              WebApiAnswers.isTrue(call.param("include_all_metadata")));
    } catch (NumberFormatException e) {
      return WebApiHandler.error("invalid_ts_oldest");
    } catch (IllegalArgumentException e) {
      return WebApiHandler.error("invalid_cursor");
    }
  }

  JsonObject usersInfo(ApiCall call) {
    return sim.findUser(call.param("user"))
        .map(
            user -> {
              JsonObject answer = WebApiAnswers.ok();
              answer.add("user", userJson(user));
              return answer;
            })
        .orElseGet(() -> WebApiHandler.error("user_not_found"));
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
}
