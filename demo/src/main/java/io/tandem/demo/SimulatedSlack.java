package io.tandem.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tandem.app.Tandem;
import io.tandem.config.DatabaseConfig;
import io.tandem.config.DiscordConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.simulator.slack.Ack;
import io.tandem.simulator.slack.ActionResult;
import io.tandem.simulator.slack.BlockText;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackClient;
import io.tandem.simulator.slack.SlackFile;
import io.tandem.simulator.slack.SlackSimulator;
import io.tandem.simulator.slack.SlackTraffic;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The local Slack, reaching Tandem over Socket Mode or signed HTTP requests. */
final class SimulatedSlack extends SimulatedChat {
  static final String SIGNING_SECRET = "local-signing-secret";

  private final SlackConfig.Mode mode;
  private final SlackSimulator simulator =
      SlackSimulator.start("xoxb-local-bot-token", "xapp-local-app-token");
  private SlackClient client;

  SimulatedSlack(SlackConfig.Mode mode) {
    this.mode = mode;
  }

  SlackSimulator simulator() {
    return simulator;
  }

  SlackClient client() {
    return client;
  }

  @Override
  String title() {
    return "Tandem demo: a local Slack workspace on 127.0.0.1, "
        + (mode == SlackConfig.Mode.SOCKET ? "Socket Mode" : "HTTP events")
        + ", real Bolt";
  }

  @Override
  String describe() {
    return "the local Slack at " + simulator.apiUrl();
  }

  @Override
  TandemConfig config(String databaseUrl) {
    return new TandemConfig(
        new DatabaseConfig(databaseUrl, null, null, DatabaseConfig.DEFAULT_POOL_SIZE),
        new SlackConfig(
            mode,
            simulator.botToken(),
            mode == SlackConfig.Mode.SOCKET ? simulator.appToken() : null,
            mode == SlackConfig.Mode.HTTP ? SIGNING_SECRET : null,
            URI.create(simulator.apiUrl()),
            List.of()),
        DiscordConfig.notConfigured(),
        new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
  }

  @Override
  void connect(Tandem tandem) {
    client =
        mode == SlackConfig.Mode.SOCKET
            ? SlackClient.overSocketMode(simulator)
            : SlackClient.overHttp(
                simulator,
                URI.create(tandem.slack().orElseThrow().eventsUrl().orElseThrow()),
                SIGNING_SECRET);
  }

  @Override
  Kind kind() {
    return mode == SlackConfig.Mode.SOCKET ? Kind.SLACK_SOCKET : Kind.SLACK_HTTP;
  }

  @Override
  Answer runCommand(String person, String command) {
    // Tandem answers through the response_url, or opens a form with the command's trigger.
    CompletableFuture<String> answered = new CompletableFuture<>();
    ActionResult result;
    String kind;
    try (SlackSimulator.Subscription watch =
        simulator.onTraffic(
            t -> {
              if (t.direction() == SlackTraffic.Direction.FROM_APP
                  && (t.kind().equals("views.open") || t.kind().equals("response_url"))) {
                answered.complete(t.kind());
              }
            })) {
      result = client.user(person).runs(typed(command).orElseThrow());
      kind = answered.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Tandem did not answer `" + command + "` in time", e);
    }
    if (kind.equals("views.open")) {
      return formOpenedFor(result);
    }
    ResponseMessage response = result.awaitResponse(REPLY_TIMEOUT);
    return new Answer(response.readableText(), response.isEphemeral());
  }

  @Override
  void makeAdmin(String person) {
    people.add(person);
    simulator.user(person).admin(true);
  }

  @Override
  void leave(String person) {
    client.user(person).isDeactivated();
  }

  @Override
  List<Delivered> delivered() {
    return simulator.messages().stream()
        .filter(m -> m.source().equals("chat.postMessage"))
        .map(m -> new Delivered(readers(m.channel()), m.readableText(), buttons(m.blocks())))
        .toList();
  }

  @Override
  List<String> answeredTwice() {
    List<String> twice = new ArrayList<>();
    twice.addAll(
        repeated(
            simulator.calls("views.open").stream()
                .map(c -> "views.open with trigger " + c.param("trigger_id"))));
    twice.addAll(
        repeated(
            simulator.responses().stream().map(r -> "post to response_url " + r.responseUrlId())));
    return twice;
  }

  private List<String> readers(String channel) {
    Set<String> ids = simulator.groupDmMembers(channel);
    if (ids.isEmpty() && channel.startsWith("D")) {
      ids = Set.of("U" + channel.substring(1));
    }
    return ids.stream()
        .map(id -> simulator.findUser(id).map(SimulatedUser::name).orElse(id))
        .sorted()
        .toList();
  }

  private static List<Button> buttons(JsonArray blocks) {
    List<Button> buttons = new ArrayList<>();
    for (JsonElement block : blocks) {
      JsonElement elements = block.getAsJsonObject().get("elements");
      if (elements == null || !elements.isJsonArray()) {
        continue;
      }
      for (JsonElement element : elements.getAsJsonArray()) {
        JsonObject object = element.getAsJsonObject();
        if (object.has("action_id") && "button".equals(object.get("type").getAsString())) {
          buttons.add(
              new Button(
                  object.getAsJsonObject("text").get("text").getAsString(),
                  object.get("action_id").getAsString(),
                  object.has("value") ? object.get("value").getAsString() : ""));
        }
      }
    }
    return buttons;
  }

  @Override
  String mention(String person) {
    return "<@" + simulator.user(person).id() + "|" + person + ">";
  }

  @Override
  String awaitMessageWithAll(String person, String... texts) {
    SimulatedUser user = simulator.user(person);
    return simulator
        .awaitMessage(
            m ->
                (m.channel().equals(user.dmChannelId())
                        || simulator.groupDmMembers(m.channel()).contains(user.id()))
                    && containsAll(m.readableText(), texts),
            REPLY_TIMEOUT)
        .readableText();
  }

  @Override
  Answer click(String person, String actionId, String value) {
    ActionResult result = client.user(person).clicks(actionId, value);
    return new Answer(result.awaitReplyText(REPLY_TIMEOUT), true);
  }

  @Override
  Answer clickForForm(String person, String actionId, String value) {
    return formOpenedFor(client.user(person).clicks(actionId, value));
  }

  /** The form Tandem opened with the trigger of this command or click: its title and id. */
  private Answer formOpenedFor(ActionResult result) {
    JsonObject view =
        simulator
            .awaitCall(
                "views.open", c -> result.triggerId().equals(c.param("trigger_id")), REPLY_TIMEOUT)
            .payload()
            .getAsJsonObject();
    return new Answer(string(view, "title"), true, view.get("callback_id").getAsString());
  }

  @Override
  List<File> awaitFilesTo(String person, String text) {
    SimulatedUser user = simulator.user(person);
    SlackFile first =
        simulator.awaitFile(
            f -> user.dmChannelId().equals(f.channel()) && f.initialComment().contains(text),
            REPLY_TIMEOUT);
    return simulator.files().stream()
        .filter(f -> user.dmChannelId().equals(f.channel()) && f.time().equals(first.time()))
        .map(f -> new File(f.name(), f.bytes()))
        .toList();
  }

  @Override
  List<File> files() {
    return simulator.files().stream()
        .map(f -> new File(f.name(), f.bytes(), f.initialComment()))
        .toList();
  }

  @Override
  Answer fill(String person, Answer withForm, Map<String, String> values) {
    Ack ack = client.user(person).submits(withForm.form(), values).ack();
    JsonObject json = ack.json();
    if (json == null || !json.has("response_action")) {
      return new Answer("", true);
    }
    String action = json.get("response_action").getAsString();
    if (action.equals("errors")) {
      List<String> errors =
          json.getAsJsonObject("errors").entrySet().stream()
              .map(e -> e.getValue().getAsString())
              .toList();
      return new Answer("⚠ " + String.join(" ", errors), true, withForm.form());
    }
    JsonObject view = json.getAsJsonObject("view");
    String callbackId = view.has("callback_id") ? view.get("callback_id").getAsString() : "";
    boolean isForm = view.has("submit");
    return isForm
        ? new Answer(string(view, "title"), true, callbackId)
        : new Answer(BlockText.readable("", view.get("blocks")), true);
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    simulator.close();
  }
}
