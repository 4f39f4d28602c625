package io.tandem.app;

import io.tandem.app.web.Dashboard;
import io.tandem.app.web.HealthEndpoint;
import io.tandem.app.web.LinkSigner;
import io.tandem.app.web.MetricsEndpoint;
import io.tandem.app.web.PrometheusMetrics;
import io.tandem.app.web.WebServer;
import io.tandem.config.DatabaseConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.TandemConfig;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.persistence.OutboxQueries;
import io.tandem.core.intake.Intake;
import io.tandem.core.kernel.SetupFailure;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.reminders.ReminderJob;
import io.tandem.core.reports.OpenDashboard;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.core.store.Migrations;
import io.tandem.core.surveys.SurveyJob;
import io.tandem.discord.DiscordBot;
import io.tandem.slack.SlackAdapter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one place that builds Tandem's parts and connects them, in a readable
 * list. Nothing else calls {@code new} on another module's services.
 */
public final class Tandem implements AutoCloseable {

  private final Database database;
  private final CommandDispatcher commands;
  private Intake intake;
  private boolean closed;
  private volatile boolean stopping;
  private Duration stopGrace = TandemConfig.DEFAULT_STOP_GRACE;
  private final List<AutoCloseable> platforms = new ArrayList<>();
  private volatile SlackAdapter slack;
  private volatile DiscordBot discord;
  private Delivery delivery;
  private ReminderJob reminderJob;
  private WebServer web;
  private final PrometheusMetrics metrics;
  private final LinkSigner links;

  private static final Logger LOG = LoggerFactory.getLogger(Tandem.class);

  /**
   * SQLite writes are serialised anyway, so more workers only compete for CPU with the threads that
   * send acknowledgements (measured: bench/results/ack-latency.md).
   */
  private static final int INTAKE_WORKERS = 4;

  /** How long a job run on demand may take. */
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

  private SurveyJob surveyJob;

  /** How long Discord may take to log in, send READY and accept the command registration. */
  private static final Duration DISCORD_START_TIMEOUT = Duration.ofSeconds(30);

  private Tandem(
      Database database, CommandDispatcher commands, PrometheusMetrics metrics, LinkSigner links) {
    this.database = database;
    this.commands = commands;
    this.metrics = metrics;
    this.links = links;
  }

  /** Opens the database (migrating it), builds the core and connects every configured platform. */
  public static Tandem start(TandemConfig config, Clock clock) throws Exception {
    Database database = openDatabase(config, clock, true);
    LinkSigner links = linkSigner(config.http(), clock);
    OpenDashboard dashboard = new OpenDashboard(database, links);
    Features features = Features.of(config, database, clock, dashboard);
    PrometheusMetrics metrics = new PrometheusMetrics();
    Tandem tandem =
        new Tandem(database, new CommandDispatcher(features.routes(), metrics), metrics, links);
    tandem.metrics.bindPool(database.dataSource());
    tandem.stopGrace = config.stopGrace();
    tandem.reminderJob = features.reminderJob();
    tandem.surveyJob = features.surveyJob();
    try {
      tandem.serveHttp(
          config.http(), clock, new Dashboard(tandem.links, features.reports(), dashboard, clock));
      tandem.intake =
          new Intake(
              database, clock, tandem.commands, tandem.commands, tandem.commands, INTAKE_WORKERS);
      tandem.connectPlatforms(config, clock);
      // outbound delivery and scheduled jobs start once the platforms run, and stop before them
      tandem.delivery =
          Delivery.start(
              config,
              database,
              tandem.slack,
              tandem.discord,
              clock,
              tandem.metrics,
              features.routes().jobs());
      // what a killed or stopped process acknowledged but did not finish
      tandem.intake.resume();
      return tandem;
    } catch (Exception e) {
      tandem.close();
      throw e;
    }
  }

  /** One HTTP server for the dashboard, /health, /metrics and (in Slack HTTP mode) Slack. */
  private void serveHttp(HttpConfig http, Clock clock, Dashboard dashboard) throws Exception {
    web = WebServer.start(http.bindAddress(), http.port());
    links.baseUrl(http.publicUrl() != null ? http.publicUrl() : web.baseUrl());
    HealthEndpoint health = healthEndpoint(clock);
    web.route("/health", health);
    web.route("/health/live", health.live());
    web.route("/health/ready", health.ready());
    web.route("/metrics", metricsEndpoint(clock));
    web.route(Dashboard.PATH, dashboard);
  }

  /** Connects Slack and Discord, each when configured, answering through the intake. */
  private void connectPlatforms(TandemConfig config, Clock clock) throws Exception {
    if (config.slack().configured()) {
      slack = new SlackAdapter(config.slack(), config.http(), intake, clock).withMetrics(metrics);
      intake.answerThrough(Platform.SLACK, slack.answers());
      platforms.add(slack);
      slack.start(web.httpServer());
    }
    if (config.discord().configured()) {
      discord =
          new DiscordBot(config.discord(), intake, clock)
              .withMetrics(metrics)
              .withMembership(commands);
      intake.answerThrough(Platform.DISCORD, discord.answers());
      platforms.add(discord);
      discord.start(DISCORD_START_TIMEOUT);
    }
  }

  /**
   * Signs dashboard links with {@code http.dashboard-secret}, or with a random secret for this run
   * (links then die with a restart and do not work across instances).
   */
  static LinkSigner linkSigner(HttpConfig http, Clock clock) {
    byte[] secret;
    if (http.dashboardSecret() != null) {
      secret = LinkSigner.secretOf(http.dashboardSecret());
    } else {
      LOG.warn(
          "No dashboard secret configured (http.dashboard-secret, TANDEM_DASHBOARD_SECRET): using"
              + " a random one for this run; dashboard links stop working when Tandem restarts");
      secret = LinkSigner.randomSecret();
    }
    return new LinkSigner(secret, http.linkLifetime(), clock, http.publicUrl());
  }

  private HealthEndpoint healthEndpoint(Clock clock) {
    return new HealthEndpoint(
        database,
        () -> delivery != null && delivery.scheduling().running(),
        this::platformConnections,
        () -> stopping,
        clock);
  }

  /** Each configured platform's connection, for the readiness check. */
  private Map<String, BooleanSupplier> platformConnections() {
    Map<String, BooleanSupplier> connections = new LinkedHashMap<>();
    SlackAdapter s = slack;
    if (s != null) {
      connections.put("slack", s::connected);
    }
    DiscordBot d = discord;
    if (d != null) {
      connections.put("discord", d::connected);
    }
    return connections;
  }

  private MetricsEndpoint metricsEndpoint(Clock clock) {
    return new MetricsEndpoint(metrics, database, clock);
  }

  /**
   * Opens the configured database, creating it and migrating it when {@code migrate} is set.
   *
   * @throws SetupFailure when it cannot be reached, created or migrated
   */
  static Database openDatabase(TandemConfig config, Clock clock, boolean migrate) {
    try {
      return Database.open(databaseSettings(config).withMigrateOnOpen(migrate), clock);
    } catch (Migrations.MigrationException e) {
      throw migrationFailed(e);
    }
  }

  /**
   * Opens the configured database for a command that only reads: never creates or migrates it.
   *
   * @throws SetupFailure when it is missing, unreachable or its schema is not this build's
   */
  static Database openExistingDatabase(TandemConfig config, Clock clock) {
    return Database.openExisting(databaseSettings(config), clock);
  }

  private static DatabaseSettings databaseSettings(TandemConfig config) {
    DatabaseConfig db = config.database();
    return DatabaseSettings.of(db.url(), db.user(), db.password(), db.poolSize());
  }

  /** Why the schema could not be brought up to date, for the operator. */
  static SetupFailure migrationFailed(Migrations.MigrationException e) {
    return SetupFailure.of(
        SetupFailure.Kind.DATABASE,
        "Tandem cannot bring the database schema up to date: " + e.getMessage(),
        "the database was made or changed by another version of Tandem, changed by hand, or"
            + " cannot be written",
        "Use the Tandem version that matches the database, or restore a backup",
        e);
  }

  /** Runs a scheduled job through Quartz now and waits until it has finished. */
  public void runJobNow(String key) throws Exception {
    delivery.scheduling().runNow(key, JOB_TIMEOUT);
  }

  /** Whether every message due by {@code by} has been delivered (or given up on). */
  public boolean outboxDeliveredBy(Instant by) {
    return new OutboxQueries(database).undeliveredDueBy(by) == 0;
  }

  /** The reminder job, so that tests can run a firing for a chosen instant. */
  public ReminderJob reminderJob() {
    return reminderJob;
  }

  /** The survey job (reminders, closing, scheduled sends), for tests that drive time. */
  public SurveyJob surveyJob() {
    return surveyJob;
  }

  /**
   * What is missing before {@code tandem run} can connect anywhere; empty when at least one
   * platform is configured.
   */
  static List<String> missingPlatformSettings(TandemConfig config) {
    if (config.slack().configured() || config.discord().configured()) {
      return List.of();
    }
    return List.of(
        "Slack (Socket Mode): SLACK_BOT_TOKEN and SLACK_APP_TOKEN",
        "Slack (HTTP):        SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, with slack.mode: http",
        "Discord:             DISCORD_BOT_TOKEN and DISCORD_APPLICATION_ID");
  }

  String describeConnections() {
    List<String> parts = new ArrayList<>();
    if (slack != null) {
      parts.add(
          slack.eventsUrl().map(u -> "Slack over HTTP at " + u).orElse("Slack over Socket Mode"));
    }
    if (discord != null) {
      parts.add("Discord");
    }
    return String.join(" and ", parts);
  }

  public Database database() {
    return database;
  }

  public HandleCommandUseCase commands() {
    return commands;
  }

  public HandleInteractionUseCase interactions() {
    return commands;
  }

  public Optional<SlackAdapter> slack() {
    return Optional.ofNullable(slack);
  }

  public Optional<DiscordBot> discord() {
    return Optional.ofNullable(discord);
  }

  /** Where the HTTP server listens, {@code http://host:port/}. */
  public java.net.URI httpUrl() {
    return web.baseUrl();
  }

  /** Quartz as started, so that tests can fire a job now or stop it. */
  public io.tandem.core.schedule.Scheduling scheduling() {
    return delivery.scheduling();
  }

  /** Signs dashboard links; tests use it to make expired and altered ones. */
  public LinkSigner links() {
    return links;
  }

  /** {@link #stop} within the configured {@code stop-grace}. */
  @Override
  public void close() throws Exception {
    stop(stopGrace);
  }

  /**
   * Stops in the order that loses nothing: take no new requests (Slack HTTP answers 503 from now
   * on), let the requests in flight finish for up to most of {@code grace} (what does not finish
   * stays in the inbox for the next start), stop Quartz and the outbox dispatcher (which deliver
   * through the platform clients), disconnect the platforms, then the HTTP server and the pool.
   * Logs each step; a second call does nothing.
   */
  public synchronized void stop(Duration grace) throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    // readiness fails from here on, so that load balancers stop sending work
    stopping = true;
    Exception failure = null;
    if (intake != null) {
      // leaves time for the steps after it within the grace period
      intake.stop(grace.multipliedBy(3).dividedBy(4));
    }
    if (delivery != null) {
      try {
        delivery.close();
        LOG.info("Quartz and the outbox dispatcher stopped");
      } catch (Exception e) {
        failure = e;
      }
    }
    for (AutoCloseable platform : platforms) {
      try {
        platform.close();
      } catch (Exception e) {
        failure = e;
      }
    }
    if (web != null) {
      web.close();
      LOG.info("HTTP server stopped");
    }
    database.close();
    metrics.close();
    LOG.info("Database pool closed; Tandem stopped");
    if (failure != null) {
      throw failure;
    }
  }
}
