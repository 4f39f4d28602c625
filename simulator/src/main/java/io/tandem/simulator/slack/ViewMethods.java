package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Optional;

/** {@code views.*}: modals opened with a trigger, pushed, updated, and Home tabs published. */
final class ViewMethods {
  private final SlackSimulator sim;

  ViewMethods(SlackSimulator sim) {
    this.sim = sim;
  }

  JsonObject open(ApiCall call, String method) {
    if (WebApiAnswers.isBlank(call.param("trigger_id"))
        && WebApiAnswers.isBlank(call.param("interactivity_pointer"))) {
      return WebApiHandler.error("invalid_arguments");
    }
    if (!sim.responseUrls().isIssuedTrigger(call.param("trigger_id"))) {
      return WebApiHandler.error("invalid_trigger_id");
    }
    return storeView(call, sim.ids().next('V'), null, "modal", method);
  }

  JsonObject update(ApiCall call) {
    String viewId = call.param("view_id");
    if (WebApiAnswers.isBlank(viewId)) {
      return WebApiHandler.error("invalid_arguments");
    }
    Optional<Views.StoredView> previous = sim.views().byId(viewId);
    if (previous.isEmpty()) {
      return WebApiHandler.error("not_found");
    }
    return storeView(call, viewId, previous.get().userId(), "modal", "views.update");
  }

  JsonObject publish(ApiCall call) {
    String userId = call.param("user_id");
    Optional<SimulatedUser> user = sim.findUser(userId);
    if (user.isEmpty()) {
      return WebApiHandler.error("user_not_found");
    }
    String viewId = sim.views().homeViewId(user.get());
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
    view.add("previous_view_id", JsonNull.INSTANCE);
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
    sim.views().store(viewId, userId, view);
    sim.traffic().publishFromApp(call, null);
    JsonObject answer = WebApiAnswers.ok();
    answer.add("view", view);
    return answer;
  }
}
