package io.tandem.config;

import java.util.Objects;

/**
 * Everything Tandem is configured with, resolved and validated. Built by {@link ConfigLoader}; each
 * module reads only its own part. Immutable, and its {@link #toString()} masks every secret.
 *
 * @param admins derived from {@code slack.admins} and {@code discord.admin-role}
 * @param outbox how messages are delivered ({@code outbox})
 * @param scheduler how Quartz runs ({@code scheduler})
 */
public record TandemConfig(
    DatabaseConfig database,
    SlackConfig slack,
    DiscordConfig discord,
    HttpConfig http,
    AdminConfig admins,
    OutboxConfig outbox,
    SchedulerConfig scheduler) {

  public TandemConfig {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(slack, "slack");
    Objects.requireNonNull(discord, "discord");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(admins, "admins");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(scheduler, "scheduler");
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

  /** The same configuration with other outbox settings. */
  public TandemConfig withOutbox(OutboxConfig value) {
    return new TandemConfig(database, slack, discord, http, admins, value, scheduler);
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
