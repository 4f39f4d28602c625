package io.tandem.app;

import io.tandem.config.DiscordRateLimits;
import io.tandem.config.OutboxConfig;
import io.tandem.config.SlackRateLimits;
import io.tandem.config.TandemConfig;
import io.tandem.core.outbox.OutboxDispatcher;
import io.tandem.core.outbox.OutboxSettings;
import io.tandem.core.outbox.OutboxSignal;
import io.tandem.core.outbox.TokenBucketRateLimiter;
import io.tandem.core.port.out.ChatPort;
import io.tandem.core.port.out.Metrics;
import io.tandem.core.schedule.OutboxSweepJob;
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
import java.util.function.Function;

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
   * @param jobs builds the scheduled jobs besides the outbox sweep, given the dispatcher
   */
  static Delivery start(
      TandemConfig config,
      Database database,
      SlackAdapter slack,
      DiscordBot discord,
      Clock clock,
      Metrics metrics,
      Function<OutboxDispatcher, List<ScheduledJob>> jobs)
      throws Exception {
    List<ChatPort> ports = new ArrayList<>();
    if (slack != null) {
      ports.add(
          new SlackChatPort(slack.methods(), slackLimits(config.slack().rateLimits(), clock)));
    }
    if (discord != null) {
      DiscordRateLimits limits = config.discord().rateLimits();
      ports.add(
          new DiscordChatPort(
              discord.jda(),
              TokenBucketRateLimiter.perSecond(
                  "discord global", limits.globalPerSecond(), limits.globalPerSecond(), clock)));
    }
    String instanceId =
        config.scheduler().instanceId() != null
            ? config.scheduler().instanceId()
            : SchedulerSettings.defaultInstanceId();
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(database, ports, outboxSettings(config.outbox()), clock, instanceId)
            .withMetrics(metrics);
    dispatcher.start(OutboxSignal.attach(database));
    List<ScheduledJob> scheduled = new ArrayList<>();
    scheduled.add(new OutboxSweepJob(dispatcher));
    scheduled.addAll(jobs.apply(dispatcher));
    Scheduling scheduling =
        new Scheduling(
                database,
                new SchedulerSettings(
                    instanceId,
                    config.scheduler().threadCount(),
                    SchedulerSettings.DEFAULT_CLUSTER_CHECKIN),
                scheduled,
                clock)
            .withMetrics(metrics);
    try {
      scheduling.start();
    } catch (Exception e) {
      dispatcher.close();
      throw e;
    }
    return new Delivery(dispatcher, scheduling);
  }

  static SlackChatPort.Limits slackLimits(SlackRateLimits limits, Clock clock) {
    return new SlackChatPort.Limits(
        TokenBucketRateLimiter.perSecond(
            "slack chat.postMessage per channel",
            limits.postMessagePerChannelPerSecond(),
            limits.postMessageBurst(),
            clock),
        TokenBucketRateLimiter.perMinute(
            "slack workspace",
            limits.workspacePerMinute(),
            Math.max(1, limits.workspacePerMinute() / 60),
            clock),
        TokenBucketRateLimiter.perMinute(
            "slack conversations.open",
            limits.conversationsOpenPerMinute(),
            Math.max(1, limits.conversationsOpenPerMinute() / 10),
            clock),
        TokenBucketRateLimiter.perMinute(
            "slack views.publish",
            limits.viewsPublishPerMinute(),
            Math.max(1, limits.viewsPublishPerMinute() / 10),
            clock),
        // Tier 3, like conversations.open; read only after an attempt with an unknown outcome
        TokenBucketRateLimiter.perMinute(
            "slack conversations.history",
            limits.conversationsOpenPerMinute(),
            Math.max(1, limits.conversationsOpenPerMinute() / 10),
            clock));
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
