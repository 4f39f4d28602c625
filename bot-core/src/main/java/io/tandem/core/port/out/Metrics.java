package io.tandem.core.port.out;

import io.tandem.core.port.in.Platform;
import java.time.Duration;

/**
 * What Tandem counts for operators ({@code /metrics}). Implemented by the app; the core and the
 * adapters only report, through these few calls, and never depend on how or whether it is exposed.
 * {@link #NONE} ignores everything (tests and tools that run without the HTTP server).
 *
 * <p><b>Threads.</b> Called on any thread (adapter workers, JDA's event thread, outbox workers,
 * Quartz threads), often concurrently. Implementations are thread-safe, never block and never
 * throw; each call costs no more than a few atomic increments.
 *
 * <p><b>Transactions.</b> Called outside any database transaction or after it ended; reporting
 * never touches the database.
 */
public interface Metrics {

  /** Ignores every report. */
  Metrics NONE = new Metrics() {};

  /** How a command ended, as the person saw it. */
  enum Outcome {
    /** The use case answered with information or a success. */
    OK,
    /** The text did not parse: the person got the grammar's message and an example. */
    INVALID,
    /** The use case refused (not an admin, nothing to act on, a rule said no). */
    REFUSED,
    /** Something failed on Tandem's side; the person got an apology. */
    FAILED
  }

  /** What became of one delivery attempt of an outbox message. */
  enum Delivery {
    DELIVERED,
    /** The platform said 429; due again after its Retry-After. */
    RATE_LIMITED,
    /** A transient failure; due again after a backoff. */
    RETRIED,
    /** Given up on: a permanent failure, or the last attempt failed. */
    DEAD
  }

  /**
   * A {@code /tandem} command was handled. Called by the core's command dispatcher once per
   * command, after its transaction.
   *
   * @param command the verb ({@code log}, {@code match}, …), or {@code unknown}
   */
  default void commandHandled(Platform platform, String command, Outcome outcome) {}

  /**
   * A platform request was acknowledged. Called by the adapters.
   *
   * @param kind what was acknowledged: {@code command}, {@code action}, {@code form}, …
   * @param latency from receiving the request to the acknowledgement (see the README for what each
   *     platform's figure includes)
   */
  default void acknowledged(Platform platform, String kind, Duration latency) {}

  /** One delivery attempt ended so. Called by the outbox dispatcher's workers. */
  default void delivery(Platform platform, Delivery outcome) {}

  /**
   * A scheduled job started.
   *
   * @param lag how late it started against its scheduled fire time (zero or more)
   */
  default void jobFired(String job, Duration lag) {}

  /**
   * A scheduled job's run ended. Called by the scheduler's listener on the Quartz thread that ran
   * it, after the job's own transactions.
   *
   * @param failed whether the run ended with an exception (it is retried at the next firing)
   */
  default void jobFinished(String job, boolean failed) {}

  /**
   * A firing of a scheduled job was missed by more than the scheduler's misfire threshold (no
   * instance was up, or every worker thread was busy). Called by the scheduler's listener.
   */
  default void jobMisfired(String job) {}
}
