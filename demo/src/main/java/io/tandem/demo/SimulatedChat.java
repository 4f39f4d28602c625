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
import io.tandem.discord.DiscordCommands;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordModal;
import io.tandem.simulator.discord.DiscordSimulator;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A local chat platform with Tandem connected to it: the demo plays its script on one, and the
 * end-to-end tests run the same scenario on each.
 */
abstract class SimulatedChat implements AutoCloseable {

  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

  /** Custom ids of the Discord buttons that open a form start so. */
  static final String FORM_BUTTON_PREFIX = "tandem.form:";

  enum Kind {
    SLACK_SOCKET,
    SLACK_HTTP,
    DISCORD
  }

  /**
   * What Tandem answered, as the person saw it.
   *
   * @param form a handle to the form Tandem asked the person to fill in (the Slack view's callback
   *     id, or the Discord button that opens it), or {@code null}
   */
  record Answer(String text, boolean privately, String form) {
    Answer(String text, boolean privately) {
      this(text, privately, null);
    }

    boolean hasForm() {
      return form != null;
    }
  }

  /** A message Tandem sent on its own (through the outbox), with the people who can read it. */
  record Delivered(List<String> to, String text, List<Button> buttons) {}

  /** A button as the core defined it: what it reads, and the action and value a click sends. */
  record Button(String label, String actionId, String value) {}

  /** Everyone who has talked to Tandem here, so that direct messages can be told apart. */
  final Set<String> people = ConcurrentHashMap.newKeySet();

  /** A file Tandem sent with a message (a chart): its name and bytes. */
  record File(String name, byte[] bytes, String comment) {
    File(String name, byte[] bytes) {
      this(name, bytes, null);
    }
  }

  static SimulatedChat start(Kind kind) {
    return switch (kind) {
      case SLACK_SOCKET -> new Slack(SlackConfig.Mode.SOCKET);
      case SLACK_HTTP -> new Slack(SlackConfig.Mode.HTTP);
      case DISCORD -> new Discord();
    };
  }

  /** How a command of the core grammar is typed on a platform, without starting one. */
  static Optional<String> typedOn(Kind kind, String command) {
    return kind == Kind.DISCORD
        ? DiscordCommands.typed(command)
        : Optional.of("/tandem " + command).map(String::strip);
  }

  abstract String title();

  abstract String describe();

  /** Tandem's configuration for talking to this platform, on the given database. */
  abstract TandemConfig config(String databaseUrl);

  /** Called once Tandem runs. */
  abstract void connect(Tandem tandem);

  abstract Kind kind();

  /**
   * The command as the person types it on this platform, or empty when the platform cannot send it
   * (Discord offers only the subcommands Tandem registered).
   */
  final Optional<String> typed(String command) {
    return typedOn(kind(), command);
  }

  final Answer run(String person, String command) {
    people.add(person);
    return runCommand(person, command);
  }

  abstract Answer runCommand(String person, String command);

  /** Every message Tandem has sent on its own so far, oldest first. */
  abstract List<Delivered> delivered();

  /**
   * Every request Tandem answered more than once so far (a second form opened with one Slack
   * trigger, a second post to one {@code response_url}, a second response to one Discord
   * interaction, which Discord refuses); empty when each was answered at most once, as it must be
   * however often the platform delivered it.
   */
  abstract List<String> answeredTwice();

  /** The keys that occur more than once, with how often. */
  private static List<String> repeated(Stream<String> keys) {
    return keys
        .collect(Collectors.groupingBy(key -> key, TreeMap::new, Collectors.counting()))
        .entrySet()
        .stream()
        .filter(e -> e.getValue() > 1)
        .map(e -> e.getKey() + " × " + e.getValue())
        .toList();
  }

  /** Clicks a button of a delivered message; returns what Tandem answered to the click. */
  final Answer click(String person, Button button) {
    return click(person, button.actionId(), button.value());
  }

  /** Fills in and submits the form an answer asked for. */
  abstract Answer fill(String person, Answer withForm, Map<String, String> values);

  /**
   * Waits for a message from Tandem that this person can see outside a command's answer (a DM or a
   * group DM) containing {@code text}; returns what they read.
   */
  String awaitMessageTo(String person, String text) {
    return awaitMessageWithAll(person, text);
  }

  /** Like {@link #awaitMessageTo(String, String)}, for a message containing every one of texts. */
  abstract String awaitMessageWithAll(String person, String... texts);

  static boolean containsAll(String readable, String... texts) {
    for (String text : texts) {
      if (!readable.contains(text)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Clicks a button Tandem delivered to this person (a DM's answer button, say): {@code actionId}
   * with {@code value}, as the core defined it. Returns what Tandem answered to the click.
   */
  abstract Answer click(String person, String actionId, String value);

  /**
   * Clicks a button whose answer is a form (a survey's "Answer" button, say) and returns a handle
   * to that form for {@link #fill}.
   */
  abstract Answer clickForForm(String person, String actionId, String value);

  /**
   * Waits for a message from Tandem to this person containing {@code text} that carries files
   * (uploaded to Slack, attached on Discord); returns the files in order.
   */
  abstract List<File> awaitFilesTo(String person, String text);

  /** Every file Tandem sent so far, to anyone. */
  abstract List<File> files();

  /** How a person is mentioned in a command on this platform. */
  abstract String mention(String person);

  /** Gives a person admin rights on the platform, before they first talk to Tandem. */
  abstract void makeAdmin(String person);

  /**
   * The person leaves the workspace or server: Slack deactivates their account ({@code
   * user_change}), Discord removes them from the guild ({@code GUILD_MEMBER_REMOVE}).
   */
  abstract void leave(String person);

  /**
   * Configures Tandem to record departures where that is a setting (Discord's {@code
   * track-departures}); call before {@link #config}. Slack always tells.
   */
  SimulatedChat trackingDepartures() {
    return this;
  }

  final Answer enrol(SamplePeople.Person person) {
    return enrol(person.name(), person.role(), person.about(), person.skills());
  }

  /** Joins the named program. */
  final Answer enrol(SamplePeople.Person person, String program) {
    return enrol(person.name(), person.role() + " " + program, person.about(), person.skills());
  }

  /** Joins with {@code join <role>} and fills in both pages of the profile. */
  final Answer enrol(
      String person, String role, Map<String, String> about, Map<String, String> skills) {
    Answer first = run(person, "join " + role);
    if (!first.hasForm()) {
      return first;
    }
    Answer second = fill(person, first, about);
    return second.hasForm() && !second.text().startsWith("⚠")
        ? fill(person, second, skills)
        : second;
  }

  /** The local Slack, reaching Tandem over Socket Mode or signed HTTP requests. */
  static final class Slack extends SimulatedChat {
    static final String SIGNING_SECRET = "local-signing-secret";

    private final SlackConfig.Mode mode;
    private final SlackSimulator simulator =
        SlackSimulator.start("xoxb-local-bot-token", "xapp-local-app-token");
    private SlackClient client;

    Slack(SlackConfig.Mode mode) {
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
              simulator.responses().stream()
                  .map(r -> "post to response_url " + r.responseUrlId())));
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
                  "views.open",
                  c -> result.triggerId().equals(c.param("trigger_id")),
                  REPLY_TIMEOUT)
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

  /** The local Discord server, driven through its gateway and REST API. */
  static final class Discord extends SimulatedChat {
    private final DiscordSimulator simulator = DiscordSimulator.start();
    private boolean trackDepartures;

    DiscordSimulator simulator() {
      return simulator;
    }

    @Override
    String title() {
      return "Tandem demo: a local Discord server on 127.0.0.1, gateway and REST, real JDA";
    }

    @Override
    String describe() {
      return "the local Discord at " + simulator.restUrl();
    }

    @Override
    TandemConfig config(String databaseUrl) {
      return new TandemConfig(
          new DatabaseConfig(databaseUrl, null, null, DatabaseConfig.DEFAULT_POOL_SIZE),
          SlackConfig.notConfigured(),
          new DiscordConfig(
              simulator.botToken(),
              simulator.applicationId(),
              List.of(simulator.guildId()),
              simulator.restUrl(),
              simulator.gatewayUrl(),
              simulator.adminRoleName(),
              io.tandem.config.DiscordRateLimits.defaults(),
              trackDepartures),
          new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
    }

    @Override
    void connect(Tandem tandem) {}

    @Override
    Kind kind() {
      return Kind.DISCORD;
    }

    @Override
    Answer runCommand(String person, String command) {
      return answer(
          simulator.user(person).runs(typed(command).orElseThrow()).awaitReply(REPLY_TIMEOUT));
    }

    @Override
    void makeAdmin(String person) {
      people.add(person);
      simulator.user(person).admin();
      // as README's "Connect a Discord server" tells the server's admin to do once
      simulator.allowCommand("tandem-admin", simulator.adminRoleId());
    }

    @Override
    void leave(String person) {
      simulator.user(person).leavesServer();
    }

    @Override
    SimulatedChat trackingDepartures() {
      trackDepartures = true;
      return this;
    }

    @Override
    List<Delivered> delivered() {
      Map<String, String> personByDm = new HashMap<>();
      for (String person : people) {
        simulator
            .dmChannelId(simulator.user(person))
            .ifPresent(channel -> personByDm.put(channel, person));
      }
      return simulator.channelMessages().stream()
          .map(
              m ->
                  new Delivered(
                      Optional.ofNullable(personByDm.get(m.channelId())).stream().toList(),
                      m.render(),
                      m.buttons().stream().map(Discord::button).toList()))
          .toList();
    }

    @Override
    List<String> answeredTwice() {
      return simulator.calls("POST", "interactions/{id}/{token}/callback").stream()
          .filter(c -> c.status() >= 300)
          .map(c -> "refused second response " + c.path() + " (" + c.status() + ")")
          .toList();
    }

    private static Button button(DiscordMessage.Button button) {
      String id = button.customId();
      int colon = id.indexOf(':');
      return colon < 0
          ? new Button(button.label(), id, "")
          : new Button(button.label(), id.substring(0, colon), id.substring(colon + 1));
    }

    @Override
    String mention(String person) {
      return simulator.user(person).id();
    }

    @Override
    String awaitMessageWithAll(String person, String... texts) {
      return simulator
          .awaitDirectMessage(
              simulator.user(person), m -> containsAll(m.render(), texts), REPLY_TIMEOUT)
          .render();
    }

    @Override
    Answer click(String person, String actionId, String value) {
      return answer(
          simulator.user(person).clicks(actionId + ":" + value).awaitReply(REPLY_TIMEOUT));
    }

    @Override
    Answer clickForForm(String person, String actionId, String value) {
      // the button itself opens the form: fill() clicks it and fills in the modal that opens
      return new Answer("", true, actionId + ":" + value);
    }

    @Override
    List<File> awaitFilesTo(String person, String text) {
      DiscordMessage message =
          simulator.awaitDirectMessage(
              simulator.user(person),
              m -> m.render().contains(text) && !m.attachmentNames().isEmpty(),
              REPLY_TIMEOUT);
      return simulator.attachments(message).stream()
          .map(a -> new File(a.filename(), a.bytes()))
          .toList();
    }

    @Override
    List<File> files() {
      return simulator.channelMessages().stream()
          .flatMap(m -> simulator.attachments(m).stream())
          .map(a -> new File(a.filename(), a.bytes()))
          .toList();
    }

    @Override
    Answer fill(String person, Answer withForm, Map<String, String> values) {
      DiscordModal modal = simulator.user(person).clicks(withForm.form()).awaitModal(REPLY_TIMEOUT);
      return answer(
          simulator.user(person).submits(modal.customId(), values).awaitReply(REPLY_TIMEOUT));
    }

    /** A form that could not open at once sits behind its "open the form" button. */
    private static Answer answer(DiscordMessage reply) {
      String formButton =
          reply.buttons().stream()
              .map(DiscordMessage.Button::customId)
              .filter(id -> id.startsWith(FORM_BUTTON_PREFIX))
              .findFirst()
              .orElse(null);
      return new Answer(reply.render(), reply.ephemeral(), formButton);
    }

    @Override
    public void close() {
      simulator.close();
    }
  }

  private static String string(JsonObject view, String member) {
    JsonObject object = view.getAsJsonObject(member);
    return object == null ? "" : object.get("text").getAsString();
  }
}
