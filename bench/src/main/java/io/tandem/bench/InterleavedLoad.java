package io.tandem.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for one side of a comparison.
 *
 * <p>Requests leave on a fixed schedule ({@code rate} per second), whatever happened to earlier
 * ones, and each latency is measured from the request's <em>scheduled</em> send time, so a stall on
 * the sending side or in the server counts against the server instead of quietly delaying the next
 * request (no coordinated omission).
 *
 * <p>It once alternated Tandem and the baseline in one-second slices of one JVM; Tandem's deferred
 * work (database writes, response_url posts, garbage) then ran in the baseline's slices and
 * inflated its numbers. The ack benchmark now gives each side a JVM of its own ({@link AckSide})
 * and drives it alone; the one-second slices remain as the unit of warm-up (not recorded) and
 * measurement.
 */
final class InterleavedLoad {

  /**
   * Sends one request when called; the future completes with {@link System#nanoTime()} of its
   * answer.
   */
  @FunctionalInterface
  interface Target {
    CompletableFuture<Long> send();
  }

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private InterleavedLoad() {}

  /**
   * One side alone at {@code rate} a second (the ack benchmark runs each side in a process of its
   * own): {@code warmupSeconds} unrecorded, then {@code seconds} measured.
   */
  static Schedule steady(
      Target target, Latencies latencies, int rate, int warmupSeconds, int seconds)
      throws InterruptedException {
    int slices = warmupSeconds + seconds;
    int firstMeasuredSlice = warmupSeconds;
    long total = (long) slices * rate;
    List<CompletableFuture<?>> answers = new ArrayList<>((int) total);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long worstLag = 0;
    for (long i = 0; i < total; i++) {
      long due = start + i * 1_000_000_000L / rate;
      waitUntil(due);
      worstLag = Math.max(worstLag, System.nanoTime() - due);
      int slice = (int) (i / rate);
      boolean measured = slice >= firstMeasuredSlice;
      latencies.sent(measured);
      CompletableFuture<Long> answer;
      try {
        answer = target.send();
      } catch (RuntimeException e) {
        latencies.failed(measured, e);
        continue;
      }
      answers.add(
          answer.handle(
              (arrived, error) -> {
                if (error != null) {
                  latencies.failed(measured, error);
                } else {
                  latencies.answered(measured, arrived - due);
                }
                return null;
              }));
    }
    long scheduleNanos = System.nanoTime() - start;
    try {
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
          .get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // each request's own outcome is already counted; a straggler beyond this is reported below
    }
    long unanswered = answers.stream().filter(a -> !a.isDone()).count();
    return new Schedule(Duration.ofNanos(scheduleNanos), Duration.ofNanos(worstLag), unanswered);
  }

  private static void waitUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  /**
   * How the schedule went.
   *
   * @param elapsed from the first scheduled send to the last send
   * @param worstSendLag the furthest the sender fell behind the schedule (included in latencies)
   * @param unanswered requests still without an answer when the drain timeout ran out
   */
  record Schedule(Duration elapsed, Duration worstSendLag, long unanswered) {}
}
