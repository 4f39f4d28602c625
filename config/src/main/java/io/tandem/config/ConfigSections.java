package io.tandem.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads each section of the file into its record, in the order of the file, with the rules that
 * involve more than one setting; single values are the records' own constraints ({@link
 * RecordBinder}).
 */
final class ConfigSections {

  /** How much longer than the longest rate-limit wait a claim must last. */
  static final Duration LEASE_SPARE = Duration.ofSeconds(10);

  private static final Pattern QUIET_HOURS =
      Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)\\s*-\\s*([01]?\\d|2[0-3]):([0-5]\\d)");

  private final SettingReader reader;
  private final RecordBinder binder;

  ConfigSections(SettingReader reader) {
    this.reader = reader;
    this.binder = new RecordBinder(reader);
  }

  /** The whole configuration, or {@code null} when a problem was found. */
  TandemConfig read(JsonNode document) {
    Section root = reader.section("", document, SettingKeys.SECTIONS.get(""), true);
    DatabaseConfig database =
        plain(DatabaseConfig.class, reader.child(root, "database"), DatabaseConfig.defaults());
    Section slackSection = reader.child(root, "slack");
    SlackConfig slack = slack(slackSection);
    SlackRateLimits slackLimits =
        plain(
            SlackRateLimits.class,
            reader.child(slackSection, "rate-limits"),
            SlackRateLimits.defaults());
    Section discordSection = reader.child(root, "discord");
    DiscordConfig discord = discord(discordSection);
    DiscordRateLimits discordLimits =
        plain(
            DiscordRateLimits.class,
            reader.child(discordSection, "rate-limits"),
            DiscordRateLimits.defaults());
    HttpConfig http = http(reader.child(root, "http"));
    OutboxConfig outbox =
        plain(OutboxConfig.class, reader.child(root, "outbox"), OutboxConfig.defaults());
    SchedulerConfig scheduler =
        plain(SchedulerConfig.class, reader.child(root, "scheduler"), SchedulerConfig.defaults());
    SurveysConfig surveys = new SurveysSection(reader, binder).read(reader.child(root, "surveys"));
    RemindersConfig reminders = reminders(reader.child(root, "reminders"));
    LoggingConfig logging =
        plain(LoggingConfig.class, reader.child(root, "logging"), LoggingConfig.defaults());
    Duration stopGrace =
        binder.read(TandemConfig.class, root, TandemConfig.defaults()).value("stopGrace");
    RetentionConfig retention =
        plain(RetentionConfig.class, reader.child(root, "retention"), RetentionConfig.off());
    if (reader.problems().isEmpty()) {
      leaseOutlastsRateLimitWaits(outbox, slackLimits).ifPresent(reader::problem);
    }
    if (!reader.problems().isEmpty()) {
      return null;
    }
    return new TandemConfig(
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
  }

  /** A section with no rules beyond its values' own. */
  private <R extends Record> R plain(Class<R> type, Section section, R defaults) {
    return binder.read(type, section, defaults).build();
  }

  /** A bot token needs the other half of its mode: an app token, or a signing secret. */
  private SlackConfig slack(Section section) {
    RecordBinder.Bound<SlackConfig> slack =
        binder.read(SlackConfig.class, section, SlackConfig.notConfigured());
    Setting botToken = slack.setting("bot-token");
    Setting appToken = slack.setting("app-token");
    Setting signingSecret = slack.setting("signing-secret");
    SlackConfig.Mode mode = slack.failed("mode") ? null : slack.value("mode");
    if (!botToken.isSet()) {
      for (Setting other : List.of(appToken, signingSecret)) {
        if (other.isSet()) {
          reader.problem(Messages.requiredWhen(botToken, other, ConfigLoader.ENV_SLACK_BOT_TOKEN));
        }
      }
    } else if (mode == SlackConfig.Mode.SOCKET && !appToken.isSet()) {
      reader.problem(
          appToken.missing(
              "is required in socket mode (set " + ConfigLoader.ENV_SLACK_APP_TOKEN + ")"));
    } else if (mode == SlackConfig.Mode.SOCKET
        && !appToken.value().startsWith(SlackConfig.APP_TOKEN_PREFIX)) {
      reader.problem(appToken.problem("must start with xapp- (an app-level token)"));
    } else if (mode == SlackConfig.Mode.HTTP && !signingSecret.isSet()) {
      reader.problem(
          signingSecret.missing(
              "is required in http mode (set " + ConfigLoader.ENV_SLACK_SIGNING_SECRET + ")"));
    }
    return slack.build();
  }

  /** A Discord bot token and its application id come together. */
  private DiscordConfig discord(Section section) {
    RecordBinder.Bound<DiscordConfig> discord =
        binder.read(DiscordConfig.class, section, DiscordConfig.notConfigured());
    Setting botToken = discord.setting("bot-token");
    Setting applicationId = discord.setting("application-id");
    if (botToken.isSet() && !applicationId.isSet()) {
      reader.problem(
          Messages.requiredWhen(applicationId, botToken, ConfigLoader.ENV_DISCORD_APPLICATION_ID));
    }
    if (!botToken.isSet() && applicationId.isSet()) {
      reader.problem(
          Messages.requiredWhen(botToken, applicationId, ConfigLoader.ENV_DISCORD_BOT_TOKEN));
    }
    return discord.build();
  }

  /** The dashboard secret is long enough to sign links with, not counting outer spaces. */
  private HttpConfig http(Section section) {
    RecordBinder.Bound<HttpConfig> http =
        binder.read(HttpConfig.class, section, HttpConfig.defaults());
    Setting secret = http.setting("dashboard-secret");
    if (secret.isSet() && secret.value().strip().length() < HttpConfig.MIN_SECRET_LENGTH) {
      reader.problem(
          secret.problem(
              "is shorter than "
                  + HttpConfig.MIN_SECRET_LENGTH
                  + " characters (e.g. the output of: openssl rand -hex 32)"));
    }
    return http.build();
  }

  /** Quiet hours are one setting for two times; catching up reaches back at least one interval. */
  private RemindersConfig reminders(Section section) {
    Setting quiet = reader.text(section, "quiet-hours");
    LocalTime quietStart = RemindersConfig.DEFAULT_QUIET_START;
    LocalTime quietEnd = RemindersConfig.DEFAULT_QUIET_END;
    Matcher m = QUIET_HOURS.matcher(quiet.or(""));
    if (m.matches()) {
      quietStart = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      quietEnd = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    } else if (quiet.isSet()) {
      reader.problem(quiet.problem("is not a time range like 20:00-08:00 (24-hour, local)"));
    }
    RecordBinder.Bound<RemindersConfig> reminders =
        binder.read(
            RemindersConfig.class,
            section,
            new RemindersConfig(
                quietStart,
                quietEnd,
                RemindersConfig.DEFAULT_INTERVAL,
                RemindersConfig.DEFAULT_CATCH_UP));
    Duration interval = reminders.value("interval");
    Setting catchUp = reminders.setting("catch-up");
    if ((m.matches() || !quiet.isSet())
        && reminders.clean()
        && reminders.<Duration>value("catchUp").compareTo(interval) < 0) {
      reader.problem(
          catchUp.isSet()
              ? catchUp.problem("is shorter than reminders.interval")
              : catchUp.missing("the default 1d is shorter than reminders.interval"));
    }
    return reminders.build();
  }

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
}
