package io.tandem.app;

import io.tandem.config.TandemConfig;
import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.delivery.persistence.OutboxQueries;
import io.tandem.core.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tandem outbox}: what is waiting to be sent. Alone, counts by state and the age of the
 * oldest queued message; {@code --dead} lists the messages the dispatcher gave up on; {@code
 * --retry KEY} puts one back in the queue (a running Tandem picks it up at its next poll).
 */
@Command(
    name = "outbox",
    description = {
      "Show the outbox: messages queued, delivered and dead, and how old the oldest queued one is.",
      "--dead lists the messages Tandem gave up on; --retry KEY queues one again."
    })
final class OutboxCommand implements Callable<Integer> {

  static final int UNKNOWN_KEY = 2;

  @ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @ArgGroup(exclusive = true)
  Action action;

  static final class Action {
    @Option(names = "--dead", description = "List the dead messages, oldest first.")
    boolean dead;

    @Option(
        names = "--retry",
        paramLabel = "KEY",
        description = "Queue the dead message with this key again, due now, with 0 attempts.")
    String retryKey;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TandemConfig config = main.loadConfig(err);
    if (config == null) {
      return Main.CONFIG_ERROR;
    }
    Clock clock = Clock.systemUTC();
    try (Database database = Tandem.openExistingDatabase(config, clock)) {
      OutboxQueries outbox = new OutboxQueries(database);
      if (action != null && action.retryKey != null) {
        return retry(outbox, action.retryKey, clock.instant(), out, err);
      }
      if (action != null && action.dead) {
        printDead(outbox.dead(), clock.instant(), out);
      } else {
        printSummary(outbox.summary(), clock.instant(), out);
      }
    }
    out.flush();
    return 0;
  }

  private static int retry(
      OutboxQueries outbox, String key, Instant now, PrintWriter out, PrintWriter err) {
    switch (outbox.retry(key, now)) {
      case REQUEUED -> {
        out.println(
            "Queued \""
                + key
                + "\" again: due now, 0 attempts. A running Tandem sends it at its next poll.");
        out.flush();
        return 0;
      }
      case ALREADY_QUEUED -> {
        out.println("\"" + key + "\" is already queued; nothing changed.");
        out.flush();
        return 0;
      }
      case ALREADY_DELIVERED -> {
        err.println("\"" + key + "\" was delivered; only dead messages can be retried.");
        err.flush();
        return UNKNOWN_KEY;
      }
      case UNKNOWN_KEY -> {
        err.println(
            "There is no outbox message with the key \""
                + key
                + "\". tandem outbox --dead lists the dead ones with their keys.");
        err.flush();
        return UNKNOWN_KEY;
      }
    }
    throw new AssertionError("unreachable");
  }

  private static void printSummary(OutboxQueries.Summary summary, Instant now, PrintWriter out) {
    out.println("Outbox:");
    for (OutboxMessage.State state : OutboxMessage.State.values()) {
      out.printf(
          Locale.ROOT,
          "  %-10s %,d%n",
          state.name().toLowerCase(Locale.ROOT),
          summary.counts().get(state));
    }
    out.println(
        summary
            .oldestQueued()
            .map(t -> "Oldest queued message: queued " + age(t, now) + " ago.")
            .orElse("Nothing is queued."));
  }

  private static void printDead(
      List<OutboxQueries.DeadMessage> dead, Instant now, PrintWriter out) {
    out.printf(Locale.ROOT, "Dead outbox messages: %,d%n", dead.size());
    for (OutboxQueries.DeadMessage m : dead) {
      out.printf(
          Locale.ROOT,
          "  %s  %s  to %s  %d %s  queued %s ago  last error: %s%n",
          m.dedupKey(),
          m.platform().name().toLowerCase(Locale.ROOT),
          m.channelId() == null ? m.recipientUserId() : m.channelId(),
          m.attempts(),
          m.attempts() == 1 ? "attempt" : "attempts",
          age(m.createdAt(), now),
          m.lastError() == null ? "(none)" : m.lastError());
    }
    if (!dead.isEmpty()) {
      out.println("To send one again: tandem outbox --retry KEY");
    }
  }

  /** A short age: {@code 45s}, {@code 12m 5s}, {@code 3h 20m}, {@code 2d 4h}. */
  static String age(Instant since, Instant now) {
    Duration d = Duration.between(since, now);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    long days = d.toDays();
    if (days > 0) {
      return days + "d " + d.toHoursPart() + "h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }
    return d.toSeconds() + "s";
  }
}
