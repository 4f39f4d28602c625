package io.tandem.discord;

import static org.assertj.core.api.Assertions.assertThat;

import gnu.trove.map.hash.TLongObjectHashMap;
import io.tandem.core.CoreFeatures;
import io.tandem.core.agreement.AgreementFeature;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.command.Routes;
import io.tandem.core.enrolment.ImportParticipants;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.privacy.PrivacyFeature;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.reminders.RemindersFeature;
import io.tandem.core.reports.Reports;
import io.tandem.core.reports.ReportsFeature;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.core.surveys.SurveySettings;
import io.tandem.core.surveys.SurveysFeature;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Hostile and broken input, generated, through the real command grammar and use cases on a real
 * SQLite file: Slack command text (with {@code <@U…|name>} mentions), Discord {@code /tandem}
 * options turned into core text by {@link TandemCommand#coreText}, button clicks and form
 * submissions, by an admin, two paired participants and a stranger on each platform.
 *
 * <p>For every input: no exception escapes, the answer is never the generic failure (which means
 * the core threw), and an answer that refuses ({@link Reply.Kind#ERROR}) committed nothing to the
 * database ({@code PRAGMA data_version} of a watching connection is unchanged). One database serves
 * all properties; their tries add up to {@value #TOTAL_TRIES}.
 */
class HostileInputFuzzTest {

  static final int TOTAL_TRIES = 100_000;
  private static final String GENERIC_FAILURE = "Something went wrong on our side";

  private static final String SLACK_TEAM = "T0FUZZ";
  private static final String GUILD = "811111111111111111";
  private static final String CHANNEL = "C0FUZZ";

  private static Path dir;
  private static Database db;
  private static CommandDispatcher core;
  private static Connection watcher;
  private static final AtomicLong tries = new AtomicLong();

  /** How the inputs were answered, by kind, and how many of them committed something. */
  private static final Map<String, AtomicLong> outcomes =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final List<Actor> ACTORS =
      List.of(
          new Actor(Platform.SLACK, SLACK_TEAM, "U0ADMIN", "admin", "Europe/Berlin", true),
          new Actor(Platform.SLACK, SLACK_TEAM, "U0MENTOR", "mentor", "Europe/Berlin", false),
          new Actor(Platform.SLACK, SLACK_TEAM, "U0MENTEE", "mentee", null, false),
          new Actor(Platform.SLACK, SLACK_TEAM, "U0STRANGER", "stranger", null, false),
          new Actor(Platform.DISCORD, GUILD, "811111111111111112", "admin", null, true),
          new Actor(Platform.DISCORD, GUILD, "811111111111111113", "mentor", null, false),
          new Actor(Platform.DISCORD, GUILD, "811111111111111114", "mentee", null, false),
          new Actor(Platform.DISCORD, GUILD, "811111111111111115", "stranger", null, false));

  @BeforeContainer
  static void openDatabase() throws Exception {
    dir = Files.createTempDirectory("tandem-fuzz");
    String url = "jdbc:sqlite:" + dir.resolve("fuzz.db");
    Clock clock = Clock.systemUTC();
    db = Database.open(DatabaseSettings.of(url, null, null, 4).withMigrateOnOpen(true), clock);
    core =
        new CommandDispatcher(
            Routes.of(
                CoreFeatures.of(
                    db,
                    clock,
                    new SurveysFeature(db, clock, SurveySettings.defaults()),
                    RemindersFeature.of(db, clock, ReminderSettings.defaults()),
                    new ReportsFeature(
                        new Reports(db, clock, SurveySettings.defaults()), Optional.empty()),
                    PrivacyFeature.of(db, clock, Optional.empty()))),
            Metrics.NONE);
    watcher = DriverManager.getConnection(url);
  }

  @AfterContainer
  static void close() throws Exception {
    watcher.close();
    db.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(f -> f.delete());
    }
    assertThat(tries.get())
        .as("inputs tried across all properties")
        .isGreaterThanOrEqualTo(TOTAL_TRIES);
  }

  /**
   * Each property starts from a running program with one pair on each platform (people may have
   * left, paused or erased themselves during the previous one).
   */
  @BeforeProperty
  void seedProgram() {
    for (int i = 0; i < ACTORS.size(); i += 4) {
      Actor admin = ACTORS.get(i);
      core.handle(new Invocation(admin, CHANNEL, "program create Pilot every 2w for 26w"));
      core.handle(new Invocation(admin, CHANNEL, "program open Pilot"));
      enrol(ACTORS.get(i + 1), "mentor", "1");
      enrol(ACTORS.get(i + 2), "mentee", "4");
      core.handle(new Invocation(admin, CHANNEL, "match preview"));
      core.handle(new Invocation(admin, CHANNEL, "match approve"));
      core.handle(new Invocation(admin, CHANNEL, "program start Pilot"));
    }
  }

  private static void enrol(Actor actor, String role, String band) {
    Reply about = core.handle(new Invocation(actor, CHANNEL, "join " + role));
    if (about.form() == null) {
      return;
    }
    Reply skills =
        core.submitted(
            actor,
            CHANNEL,
            about.form().formId(),
            Map.of(
                "department", "Marketing",
                "band", band,
                "communication", "call",
                "timezone", "Europe/Berlin"));
    if (skills.form() != null) {
      core.submitted(
          actor,
          CHANNEL,
          skills.form().formId(),
          Map.of(
              "teach", "Instagram reels",
              "learn", "Leadership",
              "availability", "Tue 14-16",
              "capacity", "1"));
    }
  }

  // ---------------------------------------------------------------- the oracle

  /** Runs one input and checks what must hold for every input. */
  private static void survives(String what, Supplier<Reply> input) {
    long before = dataVersion();
    Reply reply;
    try {
      reply = input.get();
    } catch (RuntimeException e) {
      throw new AssertionError(what + " threw " + e, e);
    }
    tries.incrementAndGet();
    assertThat(reply).as(what).isNotNull();
    assertThat(reply.text()).as("the answer to %s", what).doesNotContain(GENERIC_FAILURE);
    boolean committed = dataVersion() != before;
    outcomes.computeIfAbsent(reply.kind().name(), k -> new AtomicLong()).incrementAndGet();
    if (committed) {
      outcomes.computeIfAbsent("committed", k -> new AtomicLong()).incrementAndGet();
    }
    if (reply.kind() == Reply.Kind.ERROR) {
      assertThat(reply.text()).as("the refusal of %s", what).isNotBlank();
      assertThat(dataVersion()).as("commits made while refusing %s", what).isEqualTo(before);
    }
  }

  /** Changes whenever another connection commits to the database file. */
  private static long dataVersion() {
    try (Statement st = watcher.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA data_version")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- properties

  /**
   * What the Slack adapter reads from the well-formed mentions {@link #slackText} writes: the core
   * gets them beside the text, as from Slack.
   */
  private static final Map<String, String> SLACK_MENTIONS =
      Map.of(
          "<@U0MENTOR|mentor>", "U0MENTOR",
          "<@U0MENTEE|mentee>", "U0MENTEE",
          "<@U0STRANGER>", "U0STRANGER",
          "<@U0ADMIN|a|b>", "U0ADMIN",
          "<@W0FUZZ|w>", "W0FUZZ",
          "<@U0NOBODY|nobody>", "U0NOBODY");

  @Property(tries = 50_000)
  void slackCommandText(@ForAll("actors") Actor actor, @ForAll("slackText") String text) {
    Map<String, String> mentions = new java.util.HashMap<>(SLACK_MENTIONS);
    mentions.keySet().removeIf(token -> !text.contains(token));
    survives("/tandem " + text, () -> core.handle(new Invocation(actor, CHANNEL, text, mentions)));
  }

  @Property(tries = 25_000)
  void discordOptions(
      @ForAll("discordActors") Actor actor, @ForAll("discordCommand") Received cmd) {
    String text = TandemCommand.coreText(cmd.payload());
    Map<String, String> mentions = TandemCommand.mentions(cmd.payload());
    survives(
        "/tandem " + cmd + " as " + text,
        () -> core.handle(new Invocation(actor, CHANNEL, text, mentions)));
  }

  @Property(tries = 17_000)
  void buttonClicks(
      @ForAll("actors") Actor actor,
      @ForAll("actionIds") String actionId,
      @ForAll("values") String value) {
    survives(
        "click " + actionId + " " + value, () -> core.clicked(actor, CHANNEL, actionId, value));
  }

  @Property(tries = 8_000)
  void formSubmissions(
      @ForAll("actors") Actor actor,
      @ForAll("formIds") String formId,
      @ForAll("formValues") Map<String, String> values) {
    survives("form " + formId + " " + values, () -> core.submitted(actor, CHANNEL, formId, values));
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<Actor> actors() {
    return Arbitraries.of(ACTORS);
  }

  @Provide
  Arbitrary<Actor> discordActors() {
    return Arbitraries.of(ACTORS.stream().filter(a -> a.platform() == Platform.DISCORD).toList());
  }

  private static final List<String> PHRASES =
      List.of(
          "help",
          "join",
          "join mentor",
          "join mentee",
          "join mentor Pilot",
          "join mentee Nope",
          "profile",
          "profile Pilot",
          "status",
          "log",
          "log list",
          "log edit",
          "log delete",
          "goal",
          "goal add",
          "goal done",
          "goal list",
          "goal review",
          "task",
          "task add",
          "task done",
          "task list",
          "exclude",
          "program",
          "program create",
          "program open",
          "program start",
          "program pause",
          "program close",
          "program show",
          "program list",
          "match",
          "match preview",
          "match approve",
          "match swap",
          "survey",
          "survey send",
          "survey schedule",
          "survey results",
          "survey list",
          "survey cancel",
          "survey cancel schedule",
          "pause",
          "resume",
          "leave",
          "snooze",
          "continue",
          "support",
          "nudge",
          "report",
          "dashboard",
          "export-me",
          "forget-me",
          "",
          "HELP",
          "Log",
          "l0g");

  private static final List<String> WORDS =
      List.of(
          "Pilot",
          "pilot",
          "mentor",
          "mentee",
          "confirm",
          "every",
          "for",
          "cap",
          "gap",
          "cooldown",
          "weights",
          "skills",
          "with",
          "on",
          "by",
          "until",
          "me",
          "partner",
          "pick",
          "today",
          "yesterday",
          "tomorrow",
          "monthly",
          "weekly",
          "day",
          "at",
          "mon",
          "monthly-pulse",
          "45m",
          "1h30m",
          "0m",
          "-45m",
          "99999h",
          "2w",
          "10d",
          "12m",
          "26w",
          "1",
          "0",
          "-1",
          "2",
          "999999999999999999999",
          "1e9",
          "NaN",
          "2026-05-04",
          "2026-02-30",
          "1999-01-01",
          "9999-12-31",
          "10:00",
          "25:99",
          "teach=3,learn=2",
          "teach=-1",
          "=",
          ",",
          "*",
          "0 0 * * *",
          "Instagram reels",
          "\"quoted\"",
          "'",
          "' OR 1=1 --",
          "%s",
          "${x}",
          "<b>",
          "&amp;",
          "\n",
          "\r\n",
          "\t",
          "\u0000",
          "\u202e",
          "\u2028",
          "👩‍💻",
          "ü",
          "a".repeat(300));

  @Provide
  Arbitrary<String> slackText() {
    Arbitrary<String> mention =
        Arbitraries.of(
            "<@U0MENTOR|mentor>",
            "<@U0MENTEE|mentee>",
            "<@U0STRANGER>",
            "<@U0ADMIN|a|b>",
            "<@W0FUZZ|w>",
            "<@>",
            "<@|x>",
            "<@U0MENTEE",
            "@mentee",
            "<#C0FUZZ|chan>",
            "<!here>",
            "<@U0NOBODY|nobody>",
            "<@u0mentee|lower>");
    Arbitrary<String> token =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.of(WORDS)),
            net.jqwik.api.Tuple.of(2, mention),
            net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
    return Combinators.combine(Arbitraries.of(PHRASES), token.list().ofMaxSize(7))
        .as((phrase, tokens) -> (phrase + " " + String.join(" ", tokens)).strip());
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(WORDS),
        slackText(),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("1:2", "1:x", "x:1", ":", "", "1:2:3", "survey:1", "-5"),
        Arbitraries.strings().ofMaxLength(20));
  }

  @Provide
  Arbitrary<String> actionIds() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            CommandDispatcher.COMMAND_ACTION,
            SurveysFeature.ANSWER_ACTION,
            SurveysFeature.OPEN_ACTION,
            "survey.",
            "survey.other",
            AgreementFeature.MEET_ACTION,
            "pair.other",
            "",
            "command "),
        Arbitraries.strings().ofMaxLength(12));
  }

  @Provide
  Arbitrary<String> formIds() {
    Arbitrary<String> number =
        Arbitraries.oneOf(
            Arbitraries.longs().map(String::valueOf), Arbitraries.of("", "x", "1.5", "-1"));
    return Arbitraries.oneOf(
        Arbitraries.of(
            "log:new",
            "goal:add",
            "goal:review",
            "about:Pilot:MENTOR",
            "about:Pilot:MENTEE",
            "skills:Pilot:MENTOR",
            "skills:Pilot:MENTEE",
            "about:Nope:MENTOR",
            "about:Pilot:BOSS",
            "about::MENTEE",
            "skills:Pilot",
            "log:",
            "survey:",
            "goal:",
            ""),
        number.map(n -> "log:edit:" + n),
        number.map(n -> "survey:" + n),
        number.map(n -> "survey:" + n + ":" + n),
        Arbitraries.strings().ofMaxLength(16));
  }

  /** The profile form's inputs (the import columns), then the other forms' and a few more. */
  private static final List<String> INPUT_IDS =
      java.util.stream.Stream.concat(
              ImportParticipants.COLUMNS.stream(),
              java.util.stream.Stream.of(
                  "date",
                  "when",
                  "duration",
                  "topic",
                  "topics",
                  "taught",
                  "learned",
                  "usefulness",
                  "note",
                  "text",
                  "goal",
                  "by",
                  "for",
                  "q1",
                  "q2",
                  "q3",
                  "0",
                  ""))
          .toList();

  @Provide
  Arbitrary<Map<String, String>> formValues() {
    return Arbitraries.maps(Arbitraries.of(INPUT_IDS), values()).ofMaxSize(8);
  }

  // ---------------------------------------------------------------- Discord's shape

  /** A received {@code /tandem} command: its subcommand and the options a client sent. */
  record Received(String group, String name, List<OptionMapping> options) {
    CommandInteractionPayload payload() {
      InvocationHandler handler =
          (proxy, method, args) ->
              switch (method.getName()) {
                case "getName" -> TandemCommand.NAME;
                case "getSubcommandGroup" -> group;
                case "getSubcommandName" -> name;
                case "getOptions" -> options;
                case "toString" -> toString();
                default -> {
                  if (method.isDefault()) {
                    yield InvocationHandler.invokeDefault(proxy, method, args);
                  }
                  throw new UnsupportedOperationException(method.getName());
                }
              };
      return (CommandInteractionPayload)
          Proxy.newProxyInstance(
              CommandInteractionPayload.class.getClassLoader(),
              new Class<?>[] {CommandInteractionPayload.class},
              handler);
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(group == null ? name : group + " " + name);
      options.forEach(
          o -> text.append(' ').append(o.getName()).append(':').append(o.getAsString()));
      return text.toString();
    }
  }

  private record Subcommand(String group, SubcommandData data) {}

  private static final List<Subcommand> SUBCOMMANDS = subcommands();

  private static List<Subcommand> subcommands() {
    SlashCommandData definition = TandemCommand.definition();
    List<Subcommand> all = new ArrayList<>();
    definition.getSubcommands().forEach(s -> all.add(new Subcommand(null, s)));
    definition
        .getSubcommandGroups()
        .forEach(g -> g.getSubcommands().forEach(s -> all.add(new Subcommand(g.getName(), s))));
    return all;
  }

  @Provide
  Arbitrary<Received> discordCommand() {
    return Arbitraries.of(SUBCOMMANDS)
        .flatMap(
            sub -> {
              List<Arbitrary<OptionMapping>> options = new ArrayList<>();
              for (OptionData option : sub.data().getOptions()) {
                options.add(optionValue(option).injectNull(option.isRequired() ? 0.02 : 0.5));
              }
              return Combinators.combine(options)
                  .as(
                      values ->
                          new Received(
                              sub.group(),
                              sub.data().getName(),
                              values.stream().filter(java.util.Objects::nonNull).toList()));
            });
  }

  private static Arbitrary<OptionMapping> optionValue(OptionData option) {
    Arbitrary<Object> value =
        switch (option.getType()) {
          case INTEGER -> Arbitraries.longs().between(-5, 1_000_000_000L).map(v -> (Object) v);
          case USER ->
              Arbitraries.of(
                  "811111111111111113",
                  "811111111111111114",
                  "811111111111111115",
                  "811111111111111112",
                  "123",
                  "999999999999999999999");
          default ->
              option.getChoices().isEmpty()
                  ? Arbitraries.oneOf(
                      Arbitraries.of(WORDS).map(v -> (Object) v),
                      Arbitraries.strings().ofMaxLength(40).map(v -> (Object) v))
                  : Arbitraries.of(option.getChoices()).map(c -> (Object) c.getAsString());
        };
    return value.map(v -> mapping(option.getName(), option.getType(), v));
  }

  private static OptionMapping mapping(String name, OptionType type, Object value) {
    DataObject data =
        DataObject.empty().put("name", name).put("type", type.getKey()).put("value", value);
    return new OptionMapping(data, new TLongObjectHashMap<>(), null, null);
  }
}
