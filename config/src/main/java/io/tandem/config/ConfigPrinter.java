package io.tandem.config;

import java.util.List;

/**
 * Renders a resolved {@link TandemConfig} as YAML-like text for {@code tandem config check}. Keys
 * are the {@code tandem.yml} keys; tokens show at most their first 5 characters, passwords and the
 * signing secret show nothing, and a password inside the database URL is masked. Given where each
 * value came from, every setting ends with a comment saying so: {@code # default}, {@code # file},
 * <code># file, ${SLACK_BOT_TOKEN}</code> or {@code # environment TANDEM_HTTP_PORT}.
 */
public final class ConfigPrinter {

  private ConfigPrinter() {}

  /** The settings, without where they came from. */
  public static String print(TandemConfig config) {
    return print(config, null);
  }

  /**
   * The settings, each with where it came from, then a comment for each {@code TANDEM_} variable
   * that sets nothing.
   */
  public static String print(LoadedConfig loaded) {
    StringBuilder text = new StringBuilder(print(loaded.config(), loaded));
    loaded
        .strayVariables()
        .forEach(
            (name, closest) ->
                text.append("# ")
                    .append(name)
                    .append(" is set but is no setting")
                    .append(closest.isEmpty() ? "" : "; did you mean " + closest + "?")
                    .append('\n'));
    return text.toString();
  }

  private static String print(TandemConfig config, LoadedConfig sources) {
    Lines out = new Lines(sources);
    database(out, config.database());
    slack(out, config.slack());
    discord(out, config.discord());
    http(out, config.http());
    delivery(out, config);
    surveys(out, config.surveys());
    remindersLoggingRetention(out, config);
    return out.toString();
  }

  private static void database(Lines out, DatabaseConfig db) {
    out.section("database");
    out.append("database:\n");
    line(out, "url", Masking.url(db.url()));
    line(out, "user", orNotSet(db.user()));
    line(out, "password", Masking.hidden(db.password()));
    line(out, "pool-size", Integer.toString(db.poolSize()));
  }

  private static void slack(Lines out, SlackConfig slack) {
    out.section("slack");
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
    out.section("slack.rate-limits");
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
  }

  private static void discord(Lines out, DiscordConfig discord) {
    out.section("discord");
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
    out.section("discord.rate-limits");
    nested(out, "global-per-second", Integer.toString(discord.rateLimits().globalPerSecond()));
  }

  private static void http(Lines out, HttpConfig http) {
    out.section("http");
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
  }

  /** The outbox, the scheduler and the stop grace. */
  private static void delivery(Lines out, TandemConfig config) {
    OutboxConfig outbox = config.outbox();
    out.section("outbox");
    out.append("outbox:\n");
    line(out, "max-attempts", Integer.toString(outbox.maxAttempts()));
    line(out, "poll-interval", duration(outbox.pollInterval()));
    line(out, "batch-size", Integer.toString(outbox.batchSize()));
    line(out, "lease", duration(outbox.lease()));
    line(out, "workers", Integer.toString(outbox.workers()));
    SchedulerConfig scheduler = config.scheduler();
    out.section("scheduler");
    out.append("scheduler:\n");
    line(
        out,
        "instance-id",
        scheduler.instanceId() == null ? "(hostname-pid)" : scheduler.instanceId());
    line(out, "thread-count", Integer.toString(scheduler.threadCount()));
    out.section("");
    out.setting("", "stop-grace", duration(config.stopGrace()));
  }

  private static void remindersLoggingRetention(Lines out, TandemConfig config) {
    RemindersConfig reminders = config.reminders();
    out.section("reminders");
    out.append("reminders:\n");
    line(out, "quiet-hours", reminders.quietHours());
    line(out, "interval", duration(reminders.interval()));
    line(out, "catch-up", duration(reminders.catchUp()));
    LoggingConfig logging = config.logging();
    out.section("logging");
    out.append("logging:\n");
    line(out, "format", logging.format().yamlName());
    line(out, "level", logging.level().yamlName());
    out.section("retention");
    out.append("retention:\n");
    line(
        out,
        "private-notes",
        config.retention().privateNotes().map(ConfigPrinter::duration).orElse("(kept)"));
  }

  /** The text so far, and the section whose settings are being written. */
  private static final class Lines {
    private final StringBuilder text = new StringBuilder();
    private final LoadedConfig sources;
    private String section = "";

    Lines(LoadedConfig sources) {
      this.sources = sources;
    }

    Lines append(Object value) {
      text.append(value);
      return this;
    }

    void section(String path) {
      section = path;
    }

    /** {@code indent key: value}, then where the value came from when that is known. */
    void setting(String indent, String key, String value) {
      text.append(indent).append(key).append(": ").append(value);
      if (sources != null) {
        String path = section.isEmpty() ? key : section + "." + key;
        String source = sources.sourceOf(path).describe();
        boolean commented = value.contains("  # ") || value.startsWith(" # ");
        text.append(commented ? "; " : "  # ").append(source);
      }
      text.append('\n');
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  private static void surveys(Lines out, SurveysConfig surveys) {
    out.section("surveys");
    out.append("surveys:\n");
    line(out, "anonymity-threshold", Integer.toString(surveys.anonymityThreshold()));
    if (surveys.templates().isEmpty()) {
      line(out, "templates", "{}  # the shipped ones only");
      return;
    }
    out.setting("  ", "templates", " # besides the shipped ones");
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

  private static void line(Lines out, String key, String value) {
    out.setting("  ", key, value);
  }

  private static void nested(Lines out, String key, String value) {
    out.setting("    ", key, value);
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
