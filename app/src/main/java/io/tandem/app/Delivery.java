package io.tandem.app;

import io.tandem.config.DiscordRateLimits;
import io.tandem.config.OutboxConfig;
import io.tandem.config.SlackRateLimits;
import io.tandem.config.TandemConfig;
import io.tandem.core.delivery.OutboxDispatcher;
import io.tandem.core.delivery.OutboxSettings;
import io.tandem.core.delivery.OutboxSignal;
import io.tandem.core.delivery.OutboxSweepJob;
import io.tandem.core.delivery.SharedRateLimiter;
import io.tandem.core.delivery.TokenBucketRateLimiter;
import io.tandem.core.delivery.persistence.JdbcDmChannels;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.port.out.RateLimiter;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.schedule.SchedulerSettings;
import io.tandem.core.schedule.Scheduling;
import io.tandem.core.store.Database;
import io.tandem.discord.DiscordBot;
import io.tandem.discord.DiscordChatPort;
import io.tandem.slack.SlackAdapter;
import io.tandem.slack.SlackChatPort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The outbound half of Tandem, wired from configuration: a {@link ChatPort} per running platform
 * with its rate limiters, the {@link OutboxDispatcher}, and Quartz with the scheduled jobs. Started
 * after the platform adapters and closed before them.
 */
final class Delivery implements AutoCloseable {

  private final OutboxDispatcher dispatcher;
  private final Scheduling scheduling;

  private Delivery(OutboxDispatcher dispatcher, Scheduling scheduling) {
    this.dispatcher = dispatcher;
    this.scheduling = scheduling;
  }

  /**
   * Starts delivering through the given adapters (either may be {@code null}).
   *
   * @param jobs the features' scheduled jobs, besides the outbox sweep
   */
  static Delivery start(
      TandemConfig config,
      Database database,
      SlackAdapter slack,
      DiscordBot discord,
      Clock clock,
      Metrics metrics,
      List<ScheduledJob> jobs)
      throws Exception {
    List<ChatPort> ports = new ArrayList<>();
    Budgets budgets = budgets(database, clock);
    if (slack != null) {
      ports.add(
          new SlackChatPort(
              slack.methods(),
              slackLimits(config.slack().rateLimits(), budgets),
              new JdbcDmChannels(database)));
    }
    if (discord != null) {
      DiscordRateLimits limits = config.discord().rateLimits();
      ports.add(
          new DiscordChatPort(
              discord.jda(),
              budgets.of("discord global", limits.globalPerSecond(), limits.globalPerSecond())));
    }
    String instanceId =
        config.scheduler().instanceId() != null
            ? config.scheduler().instanceId()
            : SchedulerSettings.defaultInstanceId();
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            database,
            ports,
            outboxSettings(config.outbox()),
            clock,
            instanceId,
            new Random(),
            metrics);
    dispatcher.start(OutboxSignal.attach(database));
    List<ScheduledJob> scheduled = new ArrayList<>();
    scheduled.add(new OutboxSweepJob(dispatcher));
    scheduled.addAll(jobs);
    Scheduling scheduling =
        new Scheduling(
            database,
            new SchedulerSettings(
                instanceId,
                config.scheduler().threadCount(),
                SchedulerSettings.DEFAULT_CLUSTER_CHECKIN),
            scheduled,
            clock,
            metrics);
    try {
      scheduling.start();
    } catch (Exception e) {
      dispatcher.close();
      throw e;
    }
    return new Delivery(dispatcher, scheduling);
  }

  /** Makes a rate limiter: a budget's name, its sustained rate per second and its burst. */
  @FunctionalInterface
  interface Budgets {
    RateLimiter of(String name, double perSecond, int burst);
  }

  /**
   * The platforms' limits hold per workspace (per bot), whichever instance calls: on PostgreSQL,
   * where several instances may run, the budgets live in the database and every instance draws from
   * them ({@link SharedRateLimiter}); on SQLite, one instance runs, and they stay in memory.
   */
  static Budgets budgets(Database database, Clock clock) {
    if (database.isSqlite()) {
      return (name, perSecond, burst) ->
          TokenBucketRateLimiter.perSecond(name, perSecond, burst, clock);
    }
    return (name, perSecond, burst) ->
        SharedRateLimiter.perSecond(database, name, perSecond, burst, clock);
  }

  static SlackChatPort.Limits slackLimits(SlackRateLimits limits, Budgets budgets) {
    return new SlackChatPort.Limits(
        budgets.of(
            "slack chat.postMessage per channel",
            limits.postMessagePerChannelPerSecond(),
            limits.postMessageBurst()),
        budgets.of(
            "slack workspace",
            limits.workspacePerMinute() / 60.0,
            Math.max(1, limits.workspacePerMinute() / 60)),
        budgets.of(
            "slack conversations.open",
            limits.conversationsOpenPerMinute() / 60.0,
            Math.max(1, limits.conversationsOpenPerMinute() / 10)),
        budgets.of(
            "slack views.publish",
            limits.viewsPublishPerMinute() / 60.0,
            Math.max(1, limits.viewsPublishPerMinute() / 10)),
        // Tier 3, like conversations.open; read only after an attempt with an unknown outcome
        budgets.of(
            "slack conversations.history",
            limits.conversationsOpenPerMinute() / 60.0,
            Math.max(1, limits.conversationsOpenPerMinute() / 10)));
  }

  static OutboxSettings outboxSettings(OutboxConfig outbox) {
    return OutboxSettings.defaults()
        .withMaxAttempts(outbox.maxAttempts())
        .withPollInterval(outbox.pollInterval())
        .withBatchSize(outbox.batchSize())
        .withLease(outbox.lease())
        .withWorkers(outbox.workers());
  }

  OutboxDispatcher dispatcher() {
    return dispatcher;
  }

  Scheduling scheduling() {
    return scheduling;
  }

  /** Stops the scheduler (waiting for running jobs), then the dispatcher. */
  @Override
  public void close() throws Exception {
    try {
      scheduling.close();
    } finally {
      dispatcher.close();
    }
  }
}
