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
 * An open-loop load generator that drives Tandem and a baseline in the same run.
 *
 * <p>Requests leave on a fixed schedule ({@code rate} per second), whatever happened to earlier
 * ones, and each latency is measured from the request's <em>scheduled</em> send time, so a stall on
 * the sending side or in the server counts against the server instead of quietly delaying the next
 * request (no coordinated omission).
 *
 * <p>The schedule is cut into one-second slices that alternate between the two sides in ABBA order
 * (Tandem, baseline, baseline, Tandem, ...). On a 2-core machine where the load generator, the
 * simulator and both servers share the CPUs, this is fairer than running both at once: each side is
 * measured under its own load at the full rate, with the work it defers (Tandem's database writes
 * and response_url posts) competing with its own acks rather than the baseline's, while JIT, GC and
 * thermal drift over the run fall equally on both. Warm-up slices run first and are not recorded.
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
   * Runs {@code warmupSeconds + seconds} slices per side and waits for every answer.
   *
   * @return how long the schedule ran and how late the sender fell behind it at worst
   */
  static Schedule run(
      Target tandem,
      Latencies tandemLatencies,
      Target baseline,
      Latencies baselineLatencies,
      int rate,
      int warmupSeconds,
      int seconds)
      throws InterruptedException {
    int slices = 2 * (warmupSeconds + seconds);
    int firstMeasuredSlice = 2 * warmupSeconds;
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
      boolean tandemSlice = ((slice + 1) / 2) % 2 == 0; // A B B A A B B A ...
      Target target = tandemSlice ? tandem : baseline;
      Latencies latencies = tandemSlice ? tandemLatencies : baselineLatencies;
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
