package io.tandem.config;

import java.time.Duration;
import java.util.Objects;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Everything Tandem is configured with, resolved and validated. Built by {@link ConfigLoader}; each
 * module reads only its own part. Immutable, and its {@link #toString()} masks every secret.
 *
 * @param admins derived from {@code slack.admins} and {@code discord.admin-role}
 * @param outbox how messages are delivered ({@code outbox})
 * @param scheduler how Quartz runs ({@code scheduler})
 * @param surveys pulse survey templates and the anonymity threshold ({@code surveys})
 * @param reminders quiet hours and how often reminders are looked for ({@code reminders})
 * @param stopGrace how long a stop (SIGTERM, SIGINT) may take in all ({@code stop-grace}): requests
 *     in flight get most of it, then everything closes; keep it under the orchestrator's own grace
 *     period (Kubernetes: 30 s)
 * @param logging how log lines look and which are written ({@code logging})
 * @param retention how long personal data is kept ({@code retention})
 */
public record TandemConfig(
    DatabaseConfig database,
    SlackConfig slack,
    DiscordConfig discord,
    HttpConfig http,
    AdminConfig admins,
    OutboxConfig outbox,
    SchedulerConfig scheduler,
    SurveysConfig surveys,
    RemindersConfig reminders,
    @DurationMin(seconds = 1, message = STOP_GRACE_EXPECTED)
        @DurationMax(minutes = 10, message = STOP_GRACE_EXPECTED)
        Duration stopGrace,
    LoggingConfig logging,
    RetentionConfig retention) {

  static final String STOP_GRACE_EXPECTED = "is not a duration between 1s and 10m (like 20s)";

  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(20);
  public static final Duration MIN_STOP_GRACE = Duration.ofSeconds(1);
  public static final Duration MAX_STOP_GRACE = Duration.ofMinutes(10);

  public TandemConfig {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(discord, "discord");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(admins, "admins");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(surveys, "surveys");
    Objects.requireNonNull(reminders, "reminders");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(logging, "logging");
    Objects.requireNonNull(retention, "retention");
    if (stopGrace.compareTo(MIN_STOP_GRACE) < 0 || stopGrace.compareTo(MAX_STOP_GRACE) > 0) {
      throw new IllegalArgumentException("stopGrace must be between 1s and 10m: " + stopGrace);
    }
  }

  /** Composes the parts with the default survey and reminder settings. */
  public TandemConfig(
      DatabaseConfig database,
      SlackConfig slack,
      DiscordConfig discord,
      HttpConfig http,
      AdminConfig admins,
      OutboxConfig outbox,
      SchedulerConfig scheduler) {
    this(
        database,
        slack,
        discord,
        http,
        admins,
        outbox,
        scheduler,
        SurveysConfig.defaults(),
        RemindersConfig.defaults(),
        DEFAULT_STOP_GRACE,
        LoggingConfig.defaults(),
        RetentionConfig.off());
  }

  /** Composes the parts with the default outbox and scheduler settings. */
  public TandemConfig(
      DatabaseConfig database,
      SlackConfig slack,
      DiscordConfig discord,
      HttpConfig http,
      AdminConfig admins) {
    this(
        database,
        slack,
        discord,
        http,
        admins,
        OutboxConfig.defaults(),
        SchedulerConfig.defaults());
  }

  /** Composes the parts, deriving {@link #admins()} from the Slack and Discord settings. */
  public TandemConfig(
      DatabaseConfig database, SlackConfig slack, DiscordConfig discord, HttpConfig http) {
    this(database, slack, discord, http, AdminConfig.from(slack, discord));
  }

  /** Composes the parts, deriving {@link #admins()}. */
  public TandemConfig(
      DatabaseConfig database,
      SlackConfig slack,
      DiscordConfig discord,
      HttpConfig http,
      OutboxConfig outbox,
      SchedulerConfig scheduler) {
    this(database, slack, discord, http, AdminConfig.from(slack, discord), outbox, scheduler);
  }

  /** The same configuration with other Slack rate limits. */
  public TandemConfig withSlackRateLimits(SlackRateLimits value) {
    return new TandemConfig(
        database,
        slack.withRateLimits(value),
        discord,
        http,
        admins,
        outbox,
        scheduler,
        surveys,
        reminders,
        stopGrace,
        logging,
        retention);
  }

  /** The same configuration with other outbox settings. */
  public TandemConfig withOutbox(OutboxConfig value) {
    return new TandemConfig(
        database, slack, discord, http, admins, value, scheduler, surveys, reminders, stopGrace,
        logging, retention);
  }

  /** The same configuration with other survey settings. */
  public TandemConfig withSurveys(SurveysConfig value) {
    return new TandemConfig(
        database, slack, discord, http, admins, outbox, scheduler, value, reminders, stopGrace,
        logging, retention);
  }

  /** The same configuration with other reminder settings. */
  public TandemConfig withReminders(RemindersConfig value) {
    return new TandemConfig(
        database, slack, discord, http, admins, outbox, scheduler, surveys, value, stopGrace,
        logging, retention);
  }

  /** The same configuration with another stop grace period. */
  public TandemConfig withStopGrace(Duration value) {
    return new TandemConfig(
        database, slack, discord, http, admins, outbox, scheduler, surveys, reminders, value,
        logging, retention);
  }

  /** The same configuration with other logging settings. */
  public TandemConfig withLogging(LoggingConfig value) {
    return new TandemConfig(
        database, slack, discord, http, admins, outbox, scheduler, surveys, reminders, stopGrace,
        value, retention);
  }

  /** The same configuration with other retention settings. */
  public TandemConfig withRetention(RetentionConfig value) {
    return new TandemConfig(
        database, slack, discord, http, admins, outbox, scheduler, surveys, reminders, stopGrace,
        logging, value);
  }

  /** The built-in defaults: SQLite {@code ./tandem.db}, no chat platform, HTTP on loopback:8080. */
  public static TandemConfig defaults() {
    return new TandemConfig(
        DatabaseConfig.defaults(),
        SlackConfig.notConfigured(),
        DiscordConfig.notConfigured(),
        HttpConfig.defaults());
  }

  /**
   * The resolved configuration as YAML-like text with every secret masked; see {@link
   * ConfigPrinter}.
   */
  public String describe() {
    return ConfigPrinter.print(this);
  }
}
