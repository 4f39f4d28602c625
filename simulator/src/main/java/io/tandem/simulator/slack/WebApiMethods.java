package io.tandem.simulator.slack;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * The Web API methods the simulator understands, each answering like Slack does for the common
 * case; the groups ({@link ChatMethods}, {@link FileMethods}, {@link ConversationMethods}, {@link
 * ViewMethods}) serve them. Called on HTTP server threads after the token check; state lives in
 * {@link SlackSimulator}, which is thread-safe.
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
    ChatMethods chat = new ChatMethods(simulator);
    FileMethods files = new FileMethods(simulator);
    ConversationMethods conversations = new ConversationMethods(simulator);
    ViewMethods views = new ViewMethods(simulator);
    this.methods =
        Map.ofEntries(
            Map.entry("auth.test", this::authTest),
            Map.entry("apps.connections.open", this::appsConnectionsOpen),
            Map.entry("chat.postMessage", chat::postMessage),
            Map.entry("chat.postEphemeral", chat::postEphemeral),
            Map.entry("chat.update", chat::update),
            Map.entry("chat.delete", chat::delete),
            Map.entry("files.getUploadURLExternal", files::getUploadUrlExternal),
            Map.entry("files.completeUploadExternal", files::completeUploadExternal),
            Map.entry("conversations.open", conversations::open),
            Map.entry("conversations.history", conversations::history),
            Map.entry("users.info", conversations::usersInfo),
            Map.entry("views.open", call -> views.open(call, "views.open")),
            Map.entry("views.push", call -> views.open(call, "views.push")),
            Map.entry("views.update", views::update),
            Map.entry("views.publish", views::publish));
  }

  Optional<Method> find(String name) {
    return Optional.ofNullable(methods.get(name));
  }

  private JsonObject authTest(ApiCall call) {
    JsonObject answer = WebApiAnswers.ok();
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
    JsonObject answer = WebApiAnswers.ok();
    answer.addProperty("url", sim.socketMode().issueUrl());
    return answer;
  }
}
