package io.tandem.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@code tandem.yml} and the environment into a validated {@link TandemConfig}.
 *
 * <p><b>Which file.</b> The path given with {@code --config} (relative paths resolve against the
 * working directory; it must exist); otherwise {@code tandem.yml} in the working directory if there
 * is one; otherwise no file, and only the environment and built-in defaults apply.
 *
 * <p><b>Where each value comes from</b>, first match wins:
 *
 * <ol>
 *   <li>the setting's environment variable: {@value #ENV_PREFIX} and the key path in upper case,
 *       dots and dashes as underscores ({@link #environmentVariable}: {@code database.password} is
 *       {@code TANDEM_DATABASE_PASSWORD}, {@code http.port} is {@code TANDEM_HTTP_PORT}). Lists are
 *       separated by commas (or spaces); {@code surveys.templates} is written as YAML. Every key in
 *       {@link #keys()} has one;
 *   <li>for a few settings, an older well-known variable kept as an alias: {@value
 *       #ENV_SLACK_BOT_TOKEN}, {@value #ENV_SLACK_APP_TOKEN}, {@value #ENV_SLACK_SIGNING_SECRET}
 *       ({@code slack.bot-token}, {@code app-token}, {@code signing-secret}), {@value
 *       #ENV_DISCORD_BOT_TOKEN}, {@value #ENV_DISCORD_APPLICATION_ID} ({@code discord.bot-token},
 *       {@code application-id}), {@value #ENV_DASHBOARD_SECRET} ({@code http.dashboard-secret});
 *   <li>the file's value, after resolving {@code ${NAME}} and {@code ${NAME:-default}} from the
 *       environment (whole value or embedded in text; <code>$${</code> is a literal <code>${</code>
 *       );
 *   <li>the built-in default (see {@code tandem.example.yml}).
 * </ol>
 *
 * <p>A value that is empty (a variable set to nothing, or a file value that resolves to nothing)
 * counts as not set, so {@code bot-token: ${SLACK_BOT_TOKEN}} with the variable unset leaves Slack
 * off rather than failing. {@link #loadWithSources} also tells which of these each setting came
 * from.
 *
 * <p><b>Keys</b> are kebab-case ({@code pool-size}); {@code pool_size} and {@code poolSize} are
 * accepted as the same key. Unknown keys are problems, with a suggestion when one is close.
 *
 * <p><b>Problems.</b> Everything is checked before anything fails, and {@link ConfigException}
 * lists every problem as {@code key.path: "value" what was expected}. Secret values (tokens,
 * signing secret, passwords, a password in the database URL) are masked in every message.
 *
 * <p>Stateless and thread-safe; the environment and working directory are passed in, so nothing
 * reads {@link System#getenv()} behind the caller's back.
 */
public final class ConfigLoader {

  /** The file looked for in the working directory. */
  public static final String FILE_NAME = "tandem.yml";

  public static final String ENV_DATABASE_URL = "TANDEM_DATABASE_URL";
  public static final String ENV_SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String ENV_SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String ENV_SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String ENV_DISCORD_BOT_TOKEN = "DISCORD_BOT_TOKEN";
  public static final String ENV_DISCORD_APPLICATION_ID = "DISCORD_APPLICATION_ID";
  public static final String ENV_DASHBOARD_SECRET = "TANDEM_DASHBOARD_SECRET";

  private static final List<String> ROOT_KEYS =
      List.of(
          "database",
          "slack",
          "discord",
          "http",
          "outbox",
          "scheduler",
          "surveys",
          "reminders",
          "logging",
          "stop-grace",
          "retention");
  private static final List<String> DATABASE_KEYS = List.of("url", "user", "password", "pool-size");
  private static final List<String> SLACK_KEYS =
      List.of(
          "mode",
          "bot-token",
          "app-token",
          "signing-secret",
          "api-url",
          "admins",
          "workspaces",
          "max-request-size",
          "rate-limits");
  private static final List<String> SLACK_RATE_KEYS =
      List.of(
          "post-message-per-channel-per-second",
          "post-message-burst",
          "workspace-per-minute",
          "conversations-open-per-minute",
          "views-publish-per-minute");
  private static final List<String> DISCORD_KEYS =
      List.of(
          "bot-token",
          "application-id",
          "guild-ids",
          "rest-url",
          "gateway-url",
          "admin-role",
          "track-departures",
          "rate-limits");
  private static final List<String> DISCORD_RATE_KEYS = List.of("global-per-second");
  private static final List<String> OUTBOX_KEYS =
      List.of("max-attempts", "poll-interval", "batch-size", "lease", "workers");
  private static final List<String> SCHEDULER_KEYS = List.of("instance-id", "thread-count");
  private static final List<String> SURVEYS_KEYS = List.of("anonymity-threshold", "templates");
  private static final List<String> TEMPLATE_KEYS =
      List.of("title", "anonymous", "audience", "open-for", "remind-after", "questions");
  private static final List<String> QUESTION_KEYS = List.of("type", "text", "choices");
  private static final List<String> REMINDERS_KEYS = List.of("quiet-hours", "interval", "catch-up");
  private static final List<String> RETENTION_KEYS = List.of("private-notes");
  private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern QUIET_HOURS =
      Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)\\s*-\\s*([01]?\\d|2[0-3]):([0-5]\\d)");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(b|kb|mb)?");
  private static final List<String> HTTP_KEYS =
      List.of("bind-address", "port", "dashboard-secret", "public-url", "link-lifetime");
  private static final List<String> LOGGING_KEYS = List.of("format", "level");

  /**
   * The file's sections by path, each with its keys: the one table of what {@code tandem.yml} may
   * hold. A key that is itself a section here is read as one; every other key is a setting, and
   * each setting can be set from the environment ({@link #environmentVariable}). Survey templates
   * are one setting ({@code surveys.templates}): their ids are the admins' own.
   */
  private static final Map<String, List<String>> SECTIONS = sections();

  private static Map<String, List<String>> sections() {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    sections.put("", ROOT_KEYS);
    sections.put("database", DATABASE_KEYS);
    sections.put("slack", SLACK_KEYS);
    sections.put("slack.rate-limits", SLACK_RATE_KEYS);
    sections.put("discord", DISCORD_KEYS);
    sections.put("discord.rate-limits", DISCORD_RATE_KEYS);
    sections.put("http", HTTP_KEYS);
    sections.put("outbox", OUTBOX_KEYS);
    sections.put("scheduler", SCHEDULER_KEYS);
    sections.put("surveys", SURVEYS_KEYS);
    sections.put("reminders", REMINDERS_KEYS);
    sections.put("logging", LOGGING_KEYS);
    sections.put("retention", RETENTION_KEYS);
    return java.util.Collections.unmodifiableMap(sections);
  }

  /** What every setting's environment variable starts with. */
  public static final String ENV_PREFIX = "TANDEM_";

  private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");

  private ConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param explicitOrNull the {@code --config} path, or {@code null}
   * @param workingDir where relative paths and the default {@code tandem.yml} are looked up
   * @param env the environment, e.g. {@link System#getenv()}
   * @throws ConfigException listing every problem found
   */
  public static TandemConfig load(Path explicitOrNull, Path workingDir, Map<String, String> env)
      throws ConfigException {
    return loadWithSources(explicitOrNull, workingDir, env).config();
  }

  /** As {@link #load}, also telling where each setting came from (for {@code config check}). */
  public static LoadedConfig loadWithSources(
      Path explicitOrNull, Path workingDir, Map<String, String> env) throws ConfigException {
    Optional<Path> file = locate(explicitOrNull, workingDir);
    if (file.isEmpty()) {
      return read("", "environment and built-in defaults", env);
    }
    String yaml;
    try {
      yaml = Files.readString(file.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          file.get().toString(), List.of("cannot read the file: " + e.getMessage()));
    }
    return read(yaml, file.get().toString(), env);
  }

  /**
   * Which file {@link #load} reads, if any, so the CLI can say so.
   *
   * @throws ConfigException when an explicit path does not exist or is not a file
   */
  public static Optional<Path> locate(Path explicitOrNull, Path workingDir) throws ConfigException {
    if (explicitOrNull != null) {
      Path file = workingDir.resolve(explicitOrNull).normalize();
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(
            file.toString(),
            List.of(
                "--config: " + file + (Files.exists(file) ? " is not a file" : " does not exist")));
      }
      return Optional.of(file);
    }
    Path file = workingDir.resolve(FILE_NAME);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Validates configuration given as YAML text, with the same rules and environment fallbacks as
   * {@link #load}. Handy for tests; an empty text means built-in defaults.
   */
  public static TandemConfig fromYaml(String yaml, Map<String, String> env) throws ConfigException {
    return fromYamlWithSources(yaml, env).config();
  }

  /** As {@link #fromYaml}, also telling where each setting came from. */
  public static LoadedConfig fromYamlWithSources(String yaml, Map<String, String> env)
      throws ConfigException {
    return read(yaml, "YAML text", env);
  }

  /**
   * The environment variable that sets the setting at {@code key}: {@value #ENV_PREFIX}, then the
   * key in upper case with dots and dashes as underscores ({@code database.password} is {@code
   * TANDEM_DATABASE_PASSWORD}, {@code slack.rate-limits.post-message-burst} is {@code
   * TANDEM_SLACK_RATE_LIMITS_POST_MESSAGE_BURST}).
   */
  public static String environmentVariable(String key) {
    return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Every setting's key path ({@code database.url}, {@code slack.rate-limits.post-message-burst},
   * {@code stop-grace}), in the order of the file, from the loader's own table of sections.
   */
  public static List<String> keys() {
    List<String> keys = new ArrayList<>();
    addKeys("", keys);
    return List.copyOf(keys);
  }

  private static void addKeys(String section, List<String> keys) {
    for (String key : SECTIONS.get(section)) {
      String path = section.isEmpty() ? key : section + "." + key;
      if (SECTIONS.containsKey(path)) {
        addKeys(path, keys);
      } else {
        keys.add(path);
      }
    }
  }

  private static LoadedConfig read(String yaml, String source, Map<String, String> env)
      throws ConfigException {
    Object document = parse(yaml, source);
    Reading reading = new Reading(env);
    Section root = reading.section("", document, SECTIONS.get(""));
    DatabaseConfig database = reading.database(root.child(reading, "database"));
    Section slackSection = root.child(reading, "slack");
    SlackConfig slack = reading.slack(slackSection);
    SlackRateLimits slackLimits =
        reading.slackRateLimits(slackSection.child(reading, "rate-limits"));
    Section discordSection = root.child(reading, "discord");
    DiscordConfig discord = reading.discord(discordSection);
    DiscordRateLimits discordLimits =
        reading.discordRateLimits(discordSection.child(reading, "rate-limits"));
    HttpConfig http = reading.http(root.child(reading, "http"));
    OutboxConfig outbox = reading.outbox(root.child(reading, "outbox"));
    SchedulerConfig scheduler = reading.scheduler(root.child(reading, "scheduler"));
    SurveysConfig surveys = reading.surveys(root.child(reading, "surveys"));
    RemindersConfig reminders = reading.reminders(root.child(reading, "reminders"));
    LoggingConfig logging = reading.logging(root.child(reading, "logging"));
    Duration stopGrace =
        reading.duration(
            reading.text(root, "stop-grace", null, Shown.PLAIN),
            TandemConfig.DEFAULT_STOP_GRACE,
            TandemConfig.MIN_STOP_GRACE,
            TandemConfig.MAX_STOP_GRACE,
            "is not a duration between 1s and 10m (like 20s)");
    Section retentionSection = root.child(reading, "retention");
    Setting privateNotes = reading.text(retentionSection, "private-notes", null, Shown.PLAIN);
    RetentionConfig retention =
        privateNotes.isSet()
            ? new RetentionConfig(
                Optional.of(
                    reading.duration(
                        privateNotes,
                        RetentionConfig.MAX_PRIVATE_NOTES,
                        RetentionConfig.MIN_PRIVATE_NOTES,
                        RetentionConfig.MAX_PRIVATE_NOTES,
                        "is not an age between 1d and 36500d (like 365d)")))
            : RetentionConfig.off();
    if (reading.problems.isEmpty()) {
      leaseOutlastsRateLimitWaits(outbox, slackLimits).ifPresent(reading.problems::add);
    }
    if (!reading.problems.isEmpty()) {
      throw new ConfigException(source, reading.problems);
    }
    TandemConfig config =
        new TandemConfig(
                database,
                slack.withRateLimits(slackLimits),
                discord.withRateLimits(discordLimits),
                http,
                outbox,
                scheduler)
            .withSurveys(surveys)
            .withReminders(reminders)
            .withStopGrace(stopGrace)
            .withLogging(logging)
            .withRetention(retention);
    return new LoadedConfig(config, reading.sources, strayVariables(env));
  }

  /** Variables the launcher reads, not the configuration. */
  private static final List<String> NOT_SETTINGS = List.of("TANDEM_JAVA_OPTS");

  /**
   * {@value #ENV_PREFIX} variables that set nothing, each with the closest setting's variable, or
   * an empty text when none is close.
   */
  private static Map<String, String> strayVariables(Map<String, String> env) {
    List<String> known =
        new ArrayList<>(keys().stream().map(ConfigLoader::environmentVariable).toList());
    known.add(ENV_DASHBOARD_SECRET);
    Map<String, String> strays = new LinkedHashMap<>();
    for (String name : env.keySet()) {
      if (name.startsWith(ENV_PREFIX) && !known.contains(name) && !NOT_SETTINGS.contains(name)) {
        // the suggestions compare in lower case
        strays.put(
            name,
            Suggestions.closest(name, known.stream().map(Text::lower).toList())
                .map(closest -> closest.toUpperCase(java.util.Locale.ROOT))
                .orElse(""));
      }
    }
    return strays;
  }

  /** How much longer than the longest rate-limit wait a claim must last. */
  static final Duration LEASE_SPARE = Duration.ofSeconds(10);

  /**
   * A claimed message waits inside its delivery for its rate-limit permits; if its claim (the
   * lease) ran out first, another worker could send it too. With {@code batch-size} messages in
   * flight at most, the longest wait is a whole batch at the slowest per-minute Slack budget.
   */
  static Optional<String> leaseOutlastsRateLimitWaits(OutboxConfig outbox, SlackRateLimits slack) {
    int slowest =
        Math.min(
            slack.conversationsOpenPerMinute(),
            Math.min(slack.viewsPublishPerMinute(), slack.workspacePerMinute()));
    long longestWaitSeconds = (long) Math.ceil(outbox.batchSize() * 60.0 / slowest);
    Duration needed = Duration.ofSeconds(longestWaitSeconds).plus(LEASE_SPARE);
    if (outbox.lease().compareTo(needed) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "outbox.lease: "
            + outbox.lease().toSeconds()
            + "s is shorter than a claimed message may wait for Slack's rate limits ("
            + outbox.batchSize()
            + " messages of outbox.batch-size at "
            + slowest
            + " calls a minute take "
            + longestWaitSeconds
            + "s) plus "
            + LEASE_SPARE.toSeconds()
            + "s; set outbox.lease to at least "
            + needed.toSeconds()
            + "s or lower outbox.batch-size. Example: outbox.lease: "
            + needed.toSeconds()
            + "s");
  }

  private static Object parse(String yaml, String source) throws ConfigException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(50)
            .build();
    try {
      return new Load(settings).loadFromString(yaml);
    } catch (MarkedYamlEngineException e) {
      throw new ConfigException(source, List.of(syntaxProblem(e)));
    } catch (YamlEngineException e) {
      throw new ConfigException(source, List.of("not valid YAML: " + e.getMessage()));
    }
  }

  /** {@code line 3, column 7: <problem> (<context> at line 2, column 1)}, without file content. */
  private static String syntaxProblem(MarkedYamlEngineException e) {
    StringBuilder problem = new StringBuilder();
    e.getProblemMark().ifPresent(mark -> problem.append(position(mark)).append(": "));
    problem.append(e.getProblem() == null ? "not valid YAML" : e.getProblem());
    if (e.getContext() != null) {
      problem.append(" (").append(e.getContext());
      e.getContextMark().ifPresent(mark -> problem.append(" at ").append(position(mark)));
      problem.append(')');
    }
    return problem.toString();
  }

  private static String position(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  /** How a value is shown in problem messages. */
  private enum Shown {
    PLAIN,
    /** Tokens: at most a short prefix. */
    TOKEN,
    /** Passwords and signing secrets: nothing. */
    HIDDEN,
    /** JDBC URLs: any password inside masked. */
    URL
  }

  /** One mapping of the file, keyed by canonical (kebab-case) key. */
  private record Section(String path, Map<String, Object> entries) {

    String pathOf(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    /** The section at {@code key}, with the keys {@link #SECTIONS} lists for it. */
    Section child(Reading reading, String key) {
      String childPath = pathOf(key);
      return reading.section(childPath, entries.get(key), SECTIONS.get(childPath));
    }

    /** Whether its settings are in {@link #SECTIONS}, and so each has an environment variable. */
    boolean inTable() {
      return SECTIONS.containsKey(path);
    }
  }

  /**
   * A resolved scalar setting.
   *
   * @param value the value, or {@code null} when not set
   * @param envVar the environment variable it came from, or {@code null} when from the file
   */
  private record Setting(String path, String value, String envVar, Shown shown) {

    boolean isSet() {
      return value != null;
    }

    String or(String fallback) {
      return value == null ? fallback : value;
    }

    /** {@code path: "value" expectation}, the value masked as needed. */
    String problem(String expectation) {
      return path
          + ": "
          + quoted()
          + " "
          + expectation
          + (envVar == null ? "" : " (from " + envVar + ")");
    }

    private String quoted() {
      return switch (shown) {
        case TOKEN -> Masking.quotedToken(value);
        case HIDDEN -> Masking.quotedHidden();
        case URL -> '"' + Masking.url(value) + '"';
        case PLAIN -> '"' + value + '"';
      };
    }
  }

  /** The state of one load: the environment and the problems found so far. */
  private static final class Reading {

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, ValueSource> sources = new LinkedHashMap<>();

    Reading(Map<String, String> env) {
      this.env = Map.copyOf(env);
    }

    DatabaseConfig database(Section section) {
      int before = problems.size();
      Setting url = text(section, "url", ENV_DATABASE_URL, Shown.URL);
      Setting user = text(section, "user", null, Shown.PLAIN);
      Setting password = text(section, "password", null, Shown.HIDDEN);
      String urlValue = url.or(DatabaseConfig.DEFAULT_URL);
      if (!urlValue.startsWith(DatabaseConfig.SQLITE_PREFIX)
          && !urlValue.startsWith(DatabaseConfig.POSTGRES_PREFIX)) {
        problems.add(url.problem("must start with jdbc:sqlite: or jdbc:postgresql:"));
      }
      int poolSize =
          integer(
              text(section, "pool-size", null, Shown.PLAIN),
              DatabaseConfig.DEFAULT_POOL_SIZE,
              DatabaseConfig.MIN_POOL_SIZE,
              DatabaseConfig.MAX_POOL_SIZE,
              "is not a number between 1 and " + DatabaseConfig.MAX_POOL_SIZE);
      return problems.size() > before
          ? null
          : new DatabaseConfig(urlValue, user.value(), password.value(), poolSize);
    }

    SlackConfig slack(Section section) {
      int before = problems.size();
      Setting modeSetting = text(section, "mode", null, Shown.PLAIN);
      SlackConfig.Mode mode = SlackConfig.Mode.SOCKET;
      boolean modeKnown = true;
      if (modeSetting.isSet()) {
        Optional<SlackConfig.Mode> parsed = SlackConfig.Mode.fromYaml(modeSetting.value());
        modeKnown = parsed.isPresent();
        if (modeKnown) {
          mode = parsed.get();
        } else {
          problems.add(modeSetting.problem("is not one of socket, http"));
        }
      }
      Setting botToken = text(section, "bot-token", ENV_SLACK_BOT_TOKEN, Shown.TOKEN);
      Setting appToken = text(section, "app-token", ENV_SLACK_APP_TOKEN, Shown.TOKEN);
      Setting signingSecret =
          text(section, "signing-secret", ENV_SLACK_SIGNING_SECRET, Shown.HIDDEN);
      URI apiUrl =
          httpUrl(text(section, "api-url", null, Shown.PLAIN), SlackConfig.DEFAULT_API_URL);
      List<String> admins = new ArrayList<>();
      for (Setting admin : list(section, "admins")) {
        if (SLACK_USER_ID.matcher(admin.value()).matches()) {
          admins.add(admin.value());
        } else {
          problems.add(admin.problem("is not a Slack user id (like U024BE7LH)"));
        }
      }
      List<String> workspaces = new ArrayList<>();
      for (Setting workspace : list(section, "workspaces")) {
        if (SlackConfig.WORKSPACE_ID.matcher(workspace.value()).matches()) {
          workspaces.add(workspace.value());
        } else {
          problems.add(
              workspace.problem(
                  "is not a Slack workspace (team) id like T0123ABCD or an Enterprise Grid id like"
                      + " E0123ABCD"));
        }
      }
      int maxRequestBytes =
          size(
              text(section, "max-request-size", null, Shown.PLAIN),
              SlackConfig.DEFAULT_MAX_REQUEST_BYTES,
              SlackConfig.MIN_MAX_REQUEST_BYTES,
              SlackConfig.MAX_MAX_REQUEST_BYTES,
              "is not a size between 16kb and 16mb (like 1mb, 512kb)");

      if (botToken.isSet()) {
        if (!botToken.value().startsWith(SlackConfig.BOT_TOKEN_PREFIX)) {
          problems.add(botToken.problem("must start with xoxb- (a bot token)"));
        }
        if (modeKnown && mode == SlackConfig.Mode.SOCKET) {
          if (!appToken.isSet()) {
            problems.add(
                appToken.path() + ": is required in socket mode (set " + ENV_SLACK_APP_TOKEN + ")");
          } else if (!appToken.value().startsWith(SlackConfig.APP_TOKEN_PREFIX)) {
            problems.add(appToken.problem("must start with xapp- (an app-level token)"));
          }
        }
        if (modeKnown && mode == SlackConfig.Mode.HTTP && !signingSecret.isSet()) {
          problems.add(
              signingSecret.path()
                  + ": is required in http mode (set "
                  + ENV_SLACK_SIGNING_SECRET
                  + ")");
        }
      } else {
        for (Setting other : List.of(appToken, signingSecret)) {
          if (other.isSet()) {
            problems.add(requiredWhen(botToken, other, ENV_SLACK_BOT_TOKEN));
          }
        }
      }
      return problems.size() > before
          ? null
          : new SlackConfig(
                  mode, botToken.value(), appToken.value(), signingSecret.value(), apiUrl, admins)
              .withWorkspaces(workspaces)
              .withMaxRequestBytes(maxRequestBytes);
    }

    DiscordConfig discord(Section section) {
      int before = problems.size();
      Setting botToken = text(section, "bot-token", ENV_DISCORD_BOT_TOKEN, Shown.TOKEN);
      Setting applicationId =
          text(section, "application-id", ENV_DISCORD_APPLICATION_ID, Shown.PLAIN);
      List<String> guildIds = new ArrayList<>();
      for (Setting guildId : list(section, "guild-ids")) {
        if (Text.isDigits(guildId.value())) {
          guildIds.add(guildId.value());
        } else {
          problems.add(guildId.problem("is not a Discord id (digits only)"));
        }
      }
      URI restUrl =
          httpUrl(text(section, "rest-url", null, Shown.PLAIN), DiscordConfig.DEFAULT_REST_URL);
      URI gatewayUrl =
          webSocketUrl(
              text(section, "gateway-url", null, Shown.PLAIN), DiscordConfig.DEFAULT_GATEWAY_URL);
      Setting adminRole = text(section, "admin-role", null, Shown.PLAIN);
      Setting trackSetting = text(section, "track-departures", null, Shown.PLAIN);
      boolean trackDepartures = false;
      if (trackSetting.isSet()) {
        String value = Text.lower(trackSetting.value());
        if (value.equals("true") || value.equals("false")) {
          trackDepartures = value.equals("true");
        } else {
          problems.add(trackSetting.problem("is not true or false"));
        }
      }

      if (botToken.isSet() && botToken.value().regionMatches(true, 0, "Bot ", 0, 4)) {
        problems.add(botToken.problem("must be the bare token, without the \"Bot \" prefix"));
      }
      if (applicationId.isSet() && !Text.isDigits(applicationId.value())) {
        problems.add(applicationId.problem("is not a Discord id (digits only)"));
      }
      if (botToken.isSet() && !applicationId.isSet()) {
        problems.add(requiredWhen(applicationId, botToken, ENV_DISCORD_APPLICATION_ID));
      }
      if (!botToken.isSet() && applicationId.isSet()) {
        problems.add(requiredWhen(botToken, applicationId, ENV_DISCORD_BOT_TOKEN));
      }
      return problems.size() > before
          ? null
          : new DiscordConfig(
              botToken.value(),
              applicationId.value(),
              guildIds,
              restUrl,
              gatewayUrl,
              adminRole.value(),
              DiscordRateLimits.defaults(),
              trackDepartures);
    }

    SlackRateLimits slackRateLimits(Section section) {
      int before = problems.size();
      String perMinute = "is not a whole number between 1 and " + SlackRateLimits.MAX_PER_MINUTE;
      double perChannel =
          decimal(
              text(section, "post-message-per-channel-per-second", null, Shown.PLAIN),
              SlackRateLimits.DEFAULT_POST_MESSAGE_PER_CHANNEL_PER_SECOND,
              SlackRateLimits.MAX_PER_SECOND,
              "is not a number above 0 and at most " + (int) SlackRateLimits.MAX_PER_SECOND);
      int burst =
          integer(
              text(section, "post-message-burst", null, Shown.PLAIN),
              SlackRateLimits.DEFAULT_POST_MESSAGE_BURST,
              1,
              SlackRateLimits.MAX_BURST,
              "is not a whole number between 1 and " + SlackRateLimits.MAX_BURST);
      int workspace =
          integer(
              text(section, "workspace-per-minute", null, Shown.PLAIN),
              SlackRateLimits.DEFAULT_WORKSPACE_PER_MINUTE,
              1,
              SlackRateLimits.MAX_PER_MINUTE,
              perMinute);
      int open =
          integer(
              text(section, "conversations-open-per-minute", null, Shown.PLAIN),
              SlackRateLimits.DEFAULT_CONVERSATIONS_OPEN_PER_MINUTE,
              1,
              SlackRateLimits.MAX_PER_MINUTE,
              perMinute);
      int publish =
          integer(
              text(section, "views-publish-per-minute", null, Shown.PLAIN),
              SlackRateLimits.DEFAULT_VIEWS_PUBLISH_PER_MINUTE,
              1,
              SlackRateLimits.MAX_PER_MINUTE,
              perMinute);
      return problems.size() > before
          ? SlackRateLimits.defaults()
          : new SlackRateLimits(perChannel, burst, workspace, open, publish);
    }

    DiscordRateLimits discordRateLimits(Section section) {
      int before = problems.size();
      int global =
          integer(
              text(section, "global-per-second", null, Shown.PLAIN),
              DiscordRateLimits.DEFAULT_GLOBAL_PER_SECOND,
              1,
              DiscordRateLimits.MAX_GLOBAL_PER_SECOND,
              "is not a whole number between 1 and " + DiscordRateLimits.MAX_GLOBAL_PER_SECOND);
      return problems.size() > before
          ? DiscordRateLimits.defaults()
          : new DiscordRateLimits(global);
    }

    OutboxConfig outbox(Section section) {
      int before = problems.size();
      int maxAttempts =
          integer(
              text(section, "max-attempts", null, Shown.PLAIN),
              OutboxConfig.DEFAULT_MAX_ATTEMPTS,
              OutboxConfig.MIN_ATTEMPTS,
              OutboxConfig.MAX_ATTEMPTS,
              "is not a whole number between 1 and " + OutboxConfig.MAX_ATTEMPTS);
      Duration poll =
          duration(
              text(section, "poll-interval", null, Shown.PLAIN),
              OutboxConfig.DEFAULT_POLL_INTERVAL,
              OutboxConfig.MIN_POLL_INTERVAL,
              OutboxConfig.MAX_POLL_INTERVAL,
              "is not a duration between 10ms and 10m (like 500ms, 5s, 2m)");
      int batchSize =
          integer(
              text(section, "batch-size", null, Shown.PLAIN),
              OutboxConfig.DEFAULT_BATCH_SIZE,
              1,
              OutboxConfig.MAX_BATCH_SIZE,
              "is not a whole number between 1 and " + OutboxConfig.MAX_BATCH_SIZE);
      Duration lease =
          duration(
              text(section, "lease", null, Shown.PLAIN),
              OutboxConfig.DEFAULT_LEASE,
              OutboxConfig.MIN_LEASE,
              OutboxConfig.MAX_LEASE,
              "is not a duration between 10s and 1h (like 90s, 2m)");
      int workers =
          integer(
              text(section, "workers", null, Shown.PLAIN),
              OutboxConfig.DEFAULT_WORKERS,
              1,
              OutboxConfig.MAX_WORKERS,
              "is not a whole number between 1 and " + OutboxConfig.MAX_WORKERS);
      return problems.size() > before
          ? OutboxConfig.defaults()
          : new OutboxConfig(maxAttempts, poll, batchSize, lease, workers);
    }

    SchedulerConfig scheduler(Section section) {
      int before = problems.size();
      Setting instanceId = text(section, "instance-id", null, Shown.PLAIN);
      if (instanceId.isSet()
          && instanceId.value().length() > SchedulerConfig.MAX_INSTANCE_ID_LENGTH) {
        problems.add(
            instanceId.problem(
                "is longer than " + SchedulerConfig.MAX_INSTANCE_ID_LENGTH + " characters"));
      }
      int threads =
          integer(
              text(section, "thread-count", null, Shown.PLAIN),
              SchedulerConfig.DEFAULT_THREAD_COUNT,
              SchedulerConfig.MIN_THREADS,
              SchedulerConfig.MAX_THREADS,
              "is not a whole number between 1 and " + SchedulerConfig.MAX_THREADS);
      return problems.size() > before
          ? SchedulerConfig.defaults()
          : new SchedulerConfig(instanceId.value(), threads);
    }

    SurveysConfig surveys(Section section) {
      int before = problems.size();
      int threshold =
          integer(
              text(section, "anonymity-threshold", null, Shown.PLAIN),
              SurveysConfig.DEFAULT_THRESHOLD,
              SurveysConfig.MIN_THRESHOLD,
              SurveysConfig.MAX_THRESHOLD,
              "is not a whole number between "
                  + SurveysConfig.MIN_THRESHOLD
                  + " and "
                  + SurveysConfig.MAX_THRESHOLD
                  + " (never below "
                  + SurveysConfig.MIN_THRESHOLD
                  + ", so that nobody can be singled out)");
      List<SurveysConfig.Template> templates = new ArrayList<>();
      String path = section.pathOf("templates");
      Object raw = structured(section, "templates");
      int beforeTemplates = problems.size();
      if (raw instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String id = String.valueOf(entry.getKey());
          String templatePath = path + "." + id;
          if (!TEMPLATE_ID.matcher(id).matches()) {
            problems.add(
                templatePath
                    + ": is not a template id (lower-case letters, digits and -, like"
                    + " team-pulse)");
            continue;
          }
          SurveysConfig.Template template =
              template(id, section(templatePath, entry.getValue(), TEMPLATE_KEYS));
          if (template != null) {
            templates.add(template);
          }
        }
      } else if (raw != null) {
        problems.add(path + ": expected templates by id, got " + describeKind(raw));
      }
      if (sources.get(path) != null && sources.get(path).kind() == ValueSource.Kind.ENVIRONMENT) {
        String from = " (from " + environmentVariable(path) + ")";
        for (int i = beforeTemplates; i < problems.size(); i++) {
          problems.set(i, problems.get(i) + from);
        }
      }
      return problems.size() > before
          ? SurveysConfig.defaults()
          : new SurveysConfig(threshold, templates);
    }

    private SurveysConfig.Template template(String id, Section section) {
      int before = problems.size();
      String title = text(section, "title", null, Shown.PLAIN).or(id);
      Setting anonymousSetting = text(section, "anonymous", null, Shown.PLAIN);
      boolean anonymous = true;
      if (anonymousSetting.isSet()) {
        String value = Text.lower(anonymousSetting.value());
        if (value.equals("true") || value.equals("false")) {
          anonymous = value.equals("true");
        } else {
          problems.add(anonymousSetting.problem("is not true or false"));
        }
      }
      Setting audienceSetting = text(section, "audience", null, Shown.PLAIN);
      SurveysConfig.Audience audience = SurveysConfig.Audience.ALL;
      if (audienceSetting.isSet()) {
        Optional<SurveysConfig.Audience> parsed =
            SurveysConfig.Audience.fromYaml(audienceSetting.value());
        if (parsed.isPresent()) {
          audience = parsed.get();
        } else {
          problems.add(audienceSetting.problem("is not one of all, mentors, mentees"));
        }
      }
      Duration openFor =
          duration(
              text(section, "open-for", null, Shown.PLAIN),
              SurveysConfig.DEFAULT_OPEN_FOR,
              Duration.ofHours(1),
              Duration.ofDays(90),
              "is not a duration between 1h and 90d (like 5d, 36h)");
      Setting remindSetting = text(section, "remind-after", null, Shown.PLAIN);
      Duration remindAfter =
          duration(
              remindSetting,
              SurveysConfig.DEFAULT_REMIND_AFTER,
              Duration.ZERO,
              Duration.ofDays(90),
              "is not a duration up to 90d (like 3d, 48h)");
      if (problems.size() == before && remindAfter.compareTo(openFor) >= 0) {
        String openForText = ConfigPrinter.duration(openFor);
        problems.add(
            remindSetting.isSet()
                ? remindSetting.problem("is not shorter than open-for (" + openForText + ")")
                : remindSetting.path()
                    + ": the default "
                    + ConfigPrinter.duration(remindAfter)
                    + " is not shorter than open-for ("
                    + openForText
                    + "); set a shorter remind-after");
      }
      List<SurveysConfig.Question> questions = questions(section);
      return problems.size() > before
          ? null
          : new SurveysConfig.Template(
              id, title, anonymous, audience, openFor, remindAfter, questions);
    }

    private List<SurveysConfig.Question> questions(Section section) {
      String path = section.pathOf("questions");
      Object raw = section.entries().get("questions");
      List<SurveysConfig.Question> questions = new ArrayList<>();
      if (!(raw instanceof List<?> list)) {
        problems.add(
            path
                + ": expected a list of 1 to "
                + SurveysConfig.MAX_QUESTIONS
                + " questions, got "
                + (raw == null ? "nothing" : describeKind(raw)));
        return questions;
      }
      if (list.isEmpty() || list.size() > SurveysConfig.MAX_QUESTIONS) {
        problems.add(
            path
                + ": has "
                + list.size()
                + " questions; a survey has 1 to "
                + SurveysConfig.MAX_QUESTIONS
                + " (one form holds five)");
      }
      for (int i = 0; i < list.size(); i++) {
        int before = problems.size();
        Section question = section(path + "[" + i + "]", list.get(i), QUESTION_KEYS);
        if (!(list.get(i) instanceof Map<?, ?>)) {
          if (problems.size() == before) {
            problems.add(question.path() + ": expected a question (type, text), got nothing");
          }
          continue;
        }
        Setting typeSetting = text(question, "type", null, Shown.PLAIN);
        SurveysConfig.QuestionType type = null;
        if (!typeSetting.isSet()) {
          problems.add(typeSetting.path() + ": is required (likert, nps, choice or text)");
        } else {
          type = SurveysConfig.QuestionType.fromYaml(typeSetting.value()).orElse(null);
          if (type == null) {
            problems.add(typeSetting.problem("is not one of likert, nps, choice, text"));
          }
        }
        Setting text = text(question, "text", null, Shown.PLAIN);
        if (!text.isSet()) {
          problems.add(text.path() + ": is required (the question people read)");
        }
        List<String> choices = list(question, "choices").stream().map(Setting::value).toList();
        if (type == SurveysConfig.QuestionType.CHOICE && choices.size() < 2) {
          problems.add(
              question.pathOf("choices") + ": a choice question needs at least two choices");
        } else if (type != null
            && type != SurveysConfig.QuestionType.CHOICE
            && !choices.isEmpty()) {
          problems.add(
              question.pathOf("choices")
                  + ": only choice questions have choices, not "
                  + type.yamlName());
        }
        if (problems.size() == before) {
          questions.add(new SurveysConfig.Question(type, text.value(), choices));
        }
      }
      return questions;
    }

    RemindersConfig reminders(Section section) {
      int before = problems.size();
      Setting quiet = text(section, "quiet-hours", null, Shown.PLAIN);
      java.time.LocalTime quietStart = RemindersConfig.DEFAULT_QUIET_START;
      java.time.LocalTime quietEnd = RemindersConfig.DEFAULT_QUIET_END;
      if (quiet.isSet()) {
        java.util.regex.Matcher m = QUIET_HOURS.matcher(quiet.value());
        if (m.matches()) {
          quietStart =
              java.time.LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
          quietEnd =
              java.time.LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        } else {
          problems.add(quiet.problem("is not a time range like 20:00-08:00 (24-hour, local)"));
        }
      }
      Duration interval =
          duration(
              text(section, "interval", null, Shown.PLAIN),
              RemindersConfig.DEFAULT_INTERVAL,
              RemindersConfig.MIN_INTERVAL,
              RemindersConfig.MAX_INTERVAL,
              "is not a duration between 10s and 1d (like 5m)");
      Setting catchUpSetting = text(section, "catch-up", null, Shown.PLAIN);
      Duration catchUp =
          duration(
              catchUpSetting,
              RemindersConfig.DEFAULT_CATCH_UP,
              Duration.ZERO,
              RemindersConfig.MAX_CATCH_UP,
              "is not a duration up to 30d (like 1d, 12h)");
      if (problems.size() == before && catchUp.compareTo(interval) < 0) {
        problems.add(
            catchUpSetting.isSet()
                ? catchUpSetting.problem("is shorter than reminders.interval")
                : catchUpSetting.path() + ": the default 1d is shorter than reminders.interval");
      }
      return problems.size() > before
          ? RemindersConfig.defaults()
          : new RemindersConfig(quietStart, quietEnd, interval, catchUp);
    }

    LoggingConfig logging(Section section) {
      int before = problems.size();
      LoggingConfig.Format format =
          choice(
              text(section, "format", null, Shown.PLAIN),
              LoggingConfig.Format.TEXT,
              LoggingConfig.Format::fromYaml,
              "is not one of text, json");
      LoggingConfig.Level level =
          choice(
              text(section, "level", null, Shown.PLAIN),
              LoggingConfig.Level.INFO,
              LoggingConfig.Level::fromYaml,
              "is not one of trace, debug, info, warn, error");
      return problems.size() > before ? LoggingConfig.defaults() : new LoggingConfig(format, level);
    }

    HttpConfig http(Section section) {
      int before = problems.size();
      String bindAddress =
          text(section, "bind-address", null, Shown.PLAIN).or(HttpConfig.DEFAULT_BIND_ADDRESS);
      int port =
          integer(
              text(section, "port", null, Shown.PLAIN),
              HttpConfig.DEFAULT_PORT,
              0,
              HttpConfig.MAX_PORT,
              "is not a port number (0-65535)");
      Setting secret = text(section, "dashboard-secret", ENV_DASHBOARD_SECRET, Shown.HIDDEN);
      if (secret.isSet() && secret.value().strip().length() < HttpConfig.MIN_SECRET_LENGTH) {
        problems.add(
            secret.problem(
                "is shorter than "
                    + HttpConfig.MIN_SECRET_LENGTH
                    + " characters (e.g. the output of: openssl rand -hex 32)"));
      }
      URI publicUrl = httpUrl(text(section, "public-url", null, Shown.PLAIN), null);
      Duration lifetime =
          duration(
              text(section, "link-lifetime", null, Shown.PLAIN),
              HttpConfig.DEFAULT_LINK_LIFETIME,
              HttpConfig.MIN_LINK_LIFETIME,
              HttpConfig.MAX_LINK_LIFETIME,
              "is not a duration between 1m and 24h (like 15m, 1h)");
      return problems.size() > before
          ? null
          : new HttpConfig(bindAddress, port, secret.value(), publicUrl, lifetime);
    }

    private static String requiredWhen(Setting missing, Setting present, String envVar) {
      return missing.path()
          + ": is required when "
          + present.path()
          + " is set (set "
          + envVar
          + ")";
    }

    /** Reads a mapping; unknown and duplicate keys become problems and are left out. */
    Section section(String path, Object raw, List<String> known) {
      Map<String, Object> entries = new LinkedHashMap<>();
      if (raw instanceof Map<?, ?> map) {
        Map<String, String> spelledAs = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          String canonical = canonicalKey(key);
          String keyPath = path.isEmpty() ? key : path + "." + key;
          if (!known.contains(canonical)) {
            problems.add(
                keyPath
                    + ": is not a known setting; known: "
                    + String.join(", ", known)
                    + Suggestions.closest(canonical, known)
                        .map(suggestion -> "; did you mean " + suggestion + "?")
                        .orElse(""));
          } else if (spelledAs.containsKey(canonical)) {
            String first = spelledAs.get(canonical);
            problems.add(
                keyPath
                    + ": is the same setting as "
                    + (path.isEmpty() ? first : path + "." + first)
                    + "; keep one");
          } else {
            spelledAs.put(canonical, key);
            entries.put(canonical, entry.getValue());
          }
        }
      } else if (raw != null) {
        problems.add(
            (path.isEmpty() ? "(top level)" : path)
                + ": expected settings ("
                + String.join(", ", known)
                + "), got "
                + describeKind(raw));
      }
      return new Section(path, entries);
    }

    /**
     * A scalar setting from the file (interpolated; empty means not set), else from {@code envVar}
     * when given.
     */
    Setting text(Section section, String key, String alias, Shown shown) {
      String path = section.pathOf(key);
      Object raw = section.entries().get(key);
      boolean single = !(raw instanceof Map<?, ?> || raw instanceof List<?>);
      if (!single) {
        problems.add(path + ": expected a single value, got " + describeKind(raw));
      }
      Optional<Setting> fromEnvironment = fromEnvironment(section, path, alias, shown);
      if (fromEnvironment.isPresent()) {
        return fromEnvironment.get();
      }
      if (single && raw != null) {
        List<String> referenced = new ArrayList<>();
        Optional<String> value = resolve(path, String.valueOf(raw), shown, referenced);
        if (value.isPresent()) {
          sources.put(path, ValueSource.file(referenced));
          return new Setting(path, value.get(), null, shown);
        }
      }
      return new Setting(path, null, null, shown);
    }

    /**
     * The setting's own variable ({@link #environmentVariable}), else its older {@code alias}, when
     * either is set to something other than empty.
     */
    private Optional<Setting> fromEnvironment(
        Section section, String path, String alias, Shown shown) {
      List<String> names = new ArrayList<>(2);
      if (section.inTable()) {
        names.add(environmentVariable(path));
      }
      if (alias != null && !names.contains(alias)) {
        names.add(alias);
      }
      for (String name : names) {
        String value = normalize(env.get(name), shown);
        if (value != null) {
          sources.put(path, ValueSource.environment(name));
          return Optional.of(new Setting(path, value, name, shown));
        }
      }
      return Optional.empty();
    }

    /**
     * A setting that holds settings of its own ({@code surveys.templates}): from its variable,
     * written as YAML (<code>{team-pulse: {questions: [...]}}</code>), else from the file.
     */
    private Object structured(Section section, String key) {
      String path = section.pathOf(key);
      String name = environmentVariable(path);
      String text = normalize(env.get(name), Shown.PLAIN);
      if (text == null) {
        Object raw = section.entries().get(key);
        if (raw != null) {
          sources.put(path, ValueSource.file(List.of()));
        }
        return raw;
      }
      sources.put(path, ValueSource.environment(name));
      try {
        return parse(text, name);
      } catch (ConfigException e) {
        problems.add(path + ": " + name + " is not valid YAML: " + e.problems().get(0));
        return null;
      }
    }

    /**
     * One of {@code choices} by its {@code tandem.yml} spelling, or {@code fallback} when unset.
     */
    private <E> E choice(
        Setting setting,
        E fallback,
        java.util.function.Function<String, Optional<E>> parse,
        String expectation) {
      if (!setting.isSet()) {
        return fallback;
      }
      Optional<E> value = parse.apply(setting.value());
      if (value.isEmpty()) {
        problems.add(setting.problem(expectation));
      }
      return value.orElse(fallback);
    }

    /**
     * A list setting: a YAML sequence, or one text value separated by commas or spaces (handy with
     * {@code ${VAR}}). Empty items are dropped.
     */
    List<Setting> list(Section section, String key) {
      String path = section.pathOf(key);
      if (section.inTable()) {
        String name = environmentVariable(path);
        String text = normalize(env.get(name), Shown.PLAIN);
        if (text != null) {
          sources.put(path, ValueSource.environment(name));
          return split(path, text, name);
        }
      }
      Object raw = section.entries().get(key);
      List<Setting> items = new ArrayList<>();
      if (raw == null) {
        return items;
      }
      List<String> referenced = new ArrayList<>();
      sources.put(path, ValueSource.file(referenced));
      if (raw instanceof Map<?, ?>) {
        problems.add(path + ": expected a list, got a mapping");
        return items;
      }
      if (raw instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          String itemPath = path + "[" + i + "]";
          Object item = list.get(i);
          if (item instanceof Map<?, ?> || item instanceof List<?>) {
            problems.add(itemPath + ": expected a single value, got " + describeKind(item));
          } else if (item != null) {
            resolve(itemPath, String.valueOf(item), Shown.PLAIN, referenced)
                .ifPresent(value -> items.add(new Setting(itemPath, value, null, Shown.PLAIN)));
          }
        }
        return items;
      }
      return resolve(path, String.valueOf(raw), Shown.PLAIN, referenced)
          .map(text -> split(path, text, null))
          .orElse(items);
    }

    /** One text value as list items, separated by commas or spaces; empty items are dropped. */
    private static List<Setting> split(String path, String text, String envVar) {
      List<Setting> items = new ArrayList<>();
      for (String part : LIST_SEPARATOR.split(text)) {
        if (!part.isEmpty()) {
          items.add(new Setting(path + "[" + items.size() + "]", part, envVar, Shown.PLAIN));
        }
      }
      return items;
    }

    /** {@code raw} with its references resolved; the variables it read go to {@code referenced}. */
    private Optional<String> resolve(
        String path, String raw, Shown shown, List<String> referenced) {
      try {
        return Optional.ofNullable(normalize(Interpolator.resolve(raw, env, referenced), shown));
      } catch (Interpolator.BadReference e) {
        problems.add(new Setting(path, raw, null, shown).problem(e.getMessage()));
        return Optional.empty();
      }
    }

    /** Passwords are kept exactly; other values are stripped. Empty means not set. */
    private static String normalize(String value, Shown shown) {
      if (value == null) {
        return null;
      }
      String normalized = shown == Shown.HIDDEN ? value : value.strip();
      return normalized.isEmpty() ? null : normalized;
    }

    private int integer(Setting setting, int fallback, int min, int max, String expectation) {
      if (!setting.isSet()) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(setting.value());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(setting.problem(expectation));
      return fallback;
    }

    private double decimal(Setting setting, double fallback, double max, String expectation) {
      if (!setting.isSet()) {
        return fallback;
      }
      try {
        double value = Double.parseDouble(setting.value());
        if (value > 0 && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(setting.problem(expectation));
      return fallback;
    }

    /** {@code 1048576}, {@code 512kb} or {@code 1mb} (1024-based), as a number of bytes. */
    private int size(Setting setting, int fallback, int min, int max, String expectation) {
      if (!setting.isSet()) {
        return fallback;
      }
      java.util.regex.Matcher m = SIZE.matcher(Text.lower(setting.value()));
      if (m.matches()) {
        long factor =
            m.group(2) == null || m.group(2).equals("b")
                ? 1
                : m.group(2).equals("kb") ? 1024 : 1024 * 1024;
        long bytes = Long.parseLong(m.group(1)) * factor;
        if (bytes >= min && bytes <= max) {
          return (int) bytes;
        }
      }
      problems.add(setting.problem(expectation));
      return fallback;
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 like {@code PT5S}. */
    private Duration duration(
        Setting setting, Duration fallback, Duration min, Duration max, String expectation) {
      if (!setting.isSet()) {
        return fallback;
      }
      Duration value = parseDuration(setting.value());
      if (value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
        return value;
      }
      problems.add(setting.problem(expectation));
      return fallback;
    }

    private static Duration parseDuration(String text) {
      java.util.regex.Matcher m = DURATION.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
      try {
        if (m.matches()) {
          long amount = Long.parseLong(m.group(1));
          return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
        }
        return Duration.parse(text.strip());
      } catch (RuntimeException e) {
        return null;
      }
    }

    private URI httpUrl(Setting setting, URI fallback) {
      if (!setting.isSet()) {
        return fallback;
      }
      URI uri = uri(setting.value());
      if (uri != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawPath().endsWith("/")
          && uri.getRawQuery() == null) {
        return uri;
      }
      problems.add(setting.problem("is not an http(s) URL ending with /"));
      return fallback;
    }

    private URI webSocketUrl(Setting setting, URI fallback) {
      if (!setting.isSet()) {
        return fallback;
      }
      URI uri = uri(setting.value());
      if (uri != null
          && ("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
      problems.add(setting.problem("is not a ws(s) URL"));
      return fallback;
    }

    private static URI uri(String text) {
      try {
        return new URI(text);
      } catch (URISyntaxException e) {
        return null;
      }
    }

    private static String describeKind(Object raw) {
      if (raw instanceof Map<?, ?>) {
        return "a mapping";
      }
      if (raw instanceof List<?>) {
        return "a list";
      }
      return "a single value";
    }

    /** {@code pool-size}, {@code pool_size}, {@code poolSize} and {@code POOL_SIZE} are one key. */
    private static String canonicalKey(String key) {
      StringBuilder canonical = new StringBuilder(key.length() + 4);
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
          canonical.append('-');
        }
        canonical.append(c == '_' ? '-' : Character.toLowerCase(c));
      }
      return canonical.toString();
    }
  }
}
