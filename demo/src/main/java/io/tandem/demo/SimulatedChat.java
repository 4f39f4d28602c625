package io.tandem.demo;

import com.google.gson.JsonObject;
import io.tandem.app.Tandem;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.discord.DiscordCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
      case SLACK_SOCKET -> new SimulatedSlack(SlackConfig.Mode.SOCKET);
      case SLACK_HTTP -> new SimulatedSlack(SlackConfig.Mode.HTTP);
      case DISCORD -> new SimulatedDiscord();
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
  static List<String> repeated(Stream<String> keys) {
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

  /** The charts among them (calendar invitations and data exports are files too). */
  final List<File> charts() {
    return files().stream().filter(f -> f.name().endsWith(".png")).toList();
  }

  /** How a person is mentioned in a command on this platform. */
  abstract String mention(String person);

  /** Gives a person admin rights on the platform, before they first talk to Tandem. */
  abstract void makeAdmin(String person);

  /**
   * Lets a person who is no workspace admin reach the admin commands, as a program admin needs:
   * nothing to do on Slack, where {@code /tandem} carries them; on Discord a server admin allows
   * them {@code /tandem-admin} once (Server Settings, Integrations).
   */
  void offerAdminCommands(String person) {}

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

  static String string(JsonObject view, String member) {
    JsonObject object = view.getAsJsonObject(member);
    return object == null ? "" : object.get("text").getAsString();
  }
}
