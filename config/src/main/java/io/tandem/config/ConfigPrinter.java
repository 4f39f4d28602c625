package io.tandem.config;

import java.util.List;

/**
 * Renders a resolved {@link TandemConfig} as YAML-like text for {@code tandem config check}. Keys
 * are the {@code tandem.yml} keys; tokens show at most their first 5 characters, passwords and the
 * signing secret show nothing, and a password inside the database URL is masked.
 */
public final class ConfigPrinter {

  private ConfigPrinter() {}

  public static String print(TandemConfig config) {
    DatabaseConfig db = config.database();
    SlackConfig slack = config.slack();
    DiscordConfig discord = config.discord();
    HttpConfig http = config.http();
    StringBuilder out = new StringBuilder();
    out.append("database:\n");
    line(out, "url", Masking.url(db.url()));
    line(out, "user", orNotSet(db.user()));
    line(out, "password", Masking.hidden(db.password()));
    line(out, "pool-size", Integer.toString(db.poolSize()));
    out.append("slack:")
        .append(
            slack.configured()
                ? "  # enabled, " + slack.mode().yamlName() + " mode"
                : "  # not configured (no bot token)")
        .append('\n');
    line(out, "mode", slack.mode().yamlName());
    line(out, "bot-token", Masking.token(slack.botToken()));
    line(out, "app-token", Masking.token(slack.appToken()));
    line(out, "signing-secret", Masking.hidden(slack.signingSecret()));
    line(out, "api-url", slack.apiUrl().toString());
    line(out, "admins", list(slack.adminUserIds()));
    line(out, "workspaces", list(slack.workspaces()));
    line(out, "max-request-size", size(slack.maxRequestBytes()));
    SlackRateLimits slackLimits = slack.rateLimits();
    out.append("  rate-limits:\n");
    nested(
        out,
        "post-message-per-channel-per-second",
        number(slackLimits.postMessagePerChannelPerSecond()));
    nested(out, "post-message-burst", Integer.toString(slackLimits.postMessageBurst()));
    nested(out, "workspace-per-minute", Integer.toString(slackLimits.workspacePerMinute()));
    nested(
        out,
        "conversations-open-per-minute",
        Integer.toString(slackLimits.conversationsOpenPerMinute()));
    nested(out, "views-publish-per-minute", Integer.toString(slackLimits.viewsPublishPerMinute()));
    out.append("discord:")
        .append(discord.configured() ? "  # enabled" : "  # not configured (no bot token)")
        .append('\n');
    line(out, "bot-token", Masking.token(discord.botToken()));
    line(out, "application-id", orNotSet(discord.applicationId()));
    line(
        out,
        "guild-ids",
        list(discord.guildIds()) + (discord.globalCommands() ? "  # global commands" : ""));
    line(out, "rest-url", discord.restUrl().toString());
    line(out, "gateway-url", discord.gatewayUrl().toString());
    line(out, "admin-role", orNotSet(discord.adminRole()));
    line(
        out,
        "track-departures",
        discord.trackDepartures() ? "true  # needs the Server Members intent" : "false");
    out.append("  rate-limits:\n");
    nested(out, "global-per-second", Integer.toString(discord.rateLimits().globalPerSecond()));
    out.append("http:\n");
    line(out, "bind-address", http.bindAddress());
    line(out, "port", http.port() == 0 ? "0  # any free port" : Integer.toString(http.port()));
    line(
        out,
        "dashboard-secret",
        http.dashboardSecret() == null
            ? "(not set)  # a random one per run"
            : Masking.hidden(http.dashboardSecret()));
    line(
        out,
        "public-url",
        http.publicUrl() == null
            ? "(not set)  # http://bind-address:port/"
            : http.publicUrl().toString());
    line(out, "link-lifetime", duration(http.linkLifetime()));
    OutboxConfig outbox = config.outbox();
    out.append("outbox:\n");
    line(out, "max-attempts", Integer.toString(outbox.maxAttempts()));
    line(out, "poll-interval", duration(outbox.pollInterval()));
    line(out, "batch-size", Integer.toString(outbox.batchSize()));
    line(out, "lease", duration(outbox.lease()));
    line(out, "workers", Integer.toString(outbox.workers()));
    SchedulerConfig scheduler = config.scheduler();
    out.append("scheduler:\n");
    line(
        out,
        "instance-id",
        scheduler.instanceId() == null ? "(hostname-pid)" : scheduler.instanceId());
    line(out, "thread-count", Integer.toString(scheduler.threadCount()));
    out.append("stop-grace: ").append(duration(config.stopGrace())).append('\n');
    surveys(out, config.surveys());
    RemindersConfig reminders = config.reminders();
    out.append("reminders:\n");
    line(out, "quiet-hours", reminders.quietHours());
    line(out, "interval", duration(reminders.interval()));
    line(out, "catch-up", duration(reminders.catchUp()));
    out.append("retention:\n");
    line(
        out,
        "private-notes",
        config.retention().privateNotes().map(ConfigPrinter::duration).orElse("(kept)"));
    return out.toString();
  }

  private static void surveys(StringBuilder out, SurveysConfig surveys) {
    out.append("surveys:\n");
    line(out, "anonymity-threshold", Integer.toString(surveys.anonymityThreshold()));
    if (surveys.templates().isEmpty()) {
      line(out, "templates", "{}  # the shipped ones only");
      return;
    }
    out.append("  templates:  # besides the shipped ones\n");
    for (SurveysConfig.Template t : surveys.templates()) {
      out.append("    ").append(t.id()).append(":\n");
      String in = "      ";
      out.append(in).append("title: ").append(t.title()).append('\n');
      out.append(in).append("anonymous: ").append(t.anonymous()).append('\n');
      out.append(in).append("audience: ").append(t.audience().yamlName()).append('\n');
      out.append(in).append("open-for: ").append(duration(t.openFor())).append('\n');
      out.append(in).append("remind-after: ").append(duration(t.remindAfter())).append('\n');
      out.append(in).append("questions:\n");
      for (SurveysConfig.Question q : t.questions()) {
        out.append(in).append("  - type: ").append(q.type().yamlName()).append('\n');
        out.append(in).append("    text: ").append(q.text()).append('\n');
        if (!q.choices().isEmpty()) {
          out.append(in).append("    choices: ").append(list(q.choices())).append('\n');
        }
      }
    }
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("  ").append(key).append(": ").append(value).append('\n');
  }

  private static void nested(StringBuilder out, String key, String value) {
    out.append("    ").append(key).append(": ").append(value).append('\n');
  }

  /** {@code 1} rather than {@code 1.0}; {@code 0.5} as is. */
  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /**
   * The shortest of {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 3d} that is exact.
   */
  static String duration(java.time.Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 86_400_000 == 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  private static String orNotSet(String value) {
    return value == null ? Masking.NOT_SET : value;
  }

  private static String list(List<String> values) {
    return "[" + String.join(", ", values) + "]";
  }

  /** A size as {@code tandem.yml} spells it: {@code 1mb}, {@code 512kb} or a number of bytes. */
  private static String size(int bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + "mb";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + "kb" : Integer.toString(bytes);
  }
}
