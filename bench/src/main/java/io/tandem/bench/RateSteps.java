package io.tandem.bench;

import io.tandem.simulator.slack.ResponseMessage;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The stepped load of a throughput run against one server: after an unrecorded warm-up step at half
 * the first rate, each rate held for a while, open loop, then the answers awaited; the rates tried
 * in order until one misses twice in a row (p99 send-to-answer at or over 1 s, or an answer
 * missing), continued past the last given rate while none misses, and then bisected between the
 * last rate that held and the first that missed, so the knee is found finer than the coarse steps.
 * Each step also records the CPU the load generator (this JVM: the sender and the Slack simulator
 * that takes the {@code response_url} posts) and the server used, in cores: both share the
 * machine's few cores.
 */
final class RateSteps {

  static final Duration P99_LIMIT = Duration.ofSeconds(1);
  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

  /** Below this the server counts as idle again after a missed step: CPU nanos in a second. */
  private static final long IDLE_CPU_NANOS = 150_000_000L;

  /** Steps at rates above the last given one, each 1.5x the one before, while none misses. */
  private static final int MAX_EXTRA_STEPS = 3;

  private RateSteps() {}

  /**
   * What one rate held for a while gave.
   *
   * @param generatorCores CPU seconds this JVM used per second while the step was sending (the
   *     drain after it, mostly waiting, left out)
   * @param serverCores CPU seconds the server processes used per second, likewise
   */
  record Step(
      int rate,
      long scheduled,
      long sent,
      long answered,
      double p50,
      double p99,
      double generatorCores,
      double serverCores,
      boolean again) {

    /**
     * The rate was delivered (the generator kept up with its schedule, or nearly: a generator that
     * falls behind sends less than the rate and would flatter the server) and answered in time.
     */
    boolean held() {
      return generatorKeptUp() && answered == sent && p99 < P99_LIMIT.toMillis();
    }

    boolean generatorKeptUp() {
      return sent >= scheduled * 0.98;
    }

    /** The same step, marked as a second try of its rate. */
    Step repeated() {
      return new Step(rate, scheduled, sent, answered, p50, p99, generatorCores, serverCores, true);
    }

    String summary() {
      return (generatorKeptUp() ? "" : "generator sent only " + sent + " of " + scheduled + "; ")
          + (answered < sent ? "unanswered " + (sent - answered) : p50 + " / " + p99)
          + String.format(", CPU cores: generator %.2f, server %.2f", generatorCores, serverCores);
    }
  }

  /**
   * The steps in the order they ran, and the highest rate that held (0 when none did).
   *
   * @param stillBusy a missed step left the server busy for longer than {@link #SETTLE_LIMIT}, so
   *     the steps stopped there: any further one would have measured the backlog
   */
  record Outcome(List<Step> steps, int best, boolean missed, boolean stillBusy) {}

  /**
   * Warms {@code target} up, then steps through {@code rates} as described above, with up to {@code
   * bisections} steps between the last rate that held and the first that missed; prints each step
   * under {@code label}.
   */
  static Outcome run(
      String label,
      SignedSlashCommands target,
      List<Integer> rates,
      int stepSeconds,
      int bisections,
      List<ProcessHandle> servers)
      throws InterruptedException {
    // warm-up, unrecorded: a fresh JVM's first seconds (JIT, lazy set-up) say nothing of its rate
    if (!step(target, Math.max(20, rates.get(0) / 2), stepSeconds, servers).held()) {
      settled(servers);
    }
    List<Step> steps = new ArrayList<>();
    int best = 0;
    int missedAt = -1;
    List<Integer> toTry = new ArrayList<>(rates);
    for (int i = 0; i < toTry.size() && missedAt < 0; i++) {
      Step s = print(label, step(target, toTry.get(i), stepSeconds, servers));
      steps.add(s);
      if (!s.held()) {
        s = secondTry(label, target, s.rate(), stepSeconds, servers, steps);
        if (s == null) {
          return new Outcome(steps, best, true, true);
        }
      }
      if (!s.held()) {
        missedAt = s.rate();
      } else {
        best = Math.max(best, s.rate());
        if (i == toTry.size() - 1 && toTry.size() - rates.size() < MAX_EXTRA_STEPS) {
          toTry.add(roundTo10(s.rate() * 1.5));
        }
      }
    }
    for (int b = 0; b < bisections && missedAt > 0; b++) {
      int mid = roundTo10((best + missedAt) / 2.0);
      if (mid <= best || mid >= missedAt) {
        break;
      }
      Step s =
          print(
              label + " (between " + best + " and " + missedAt + ")",
              step(target, mid, stepSeconds, servers));
      steps.add(s);
      if (s.held()) {
        best = mid;
      } else if (settled(servers)) {
        missedAt = mid;
      } else {
        return new Outcome(steps, best, true, true);
      }
    }
    return new Outcome(steps, best, missedAt > 0, false);
  }

  /**
   * After a missed step: once the server has settled, the same rate again (a shared machine stalls
   * now and then, so a miss counts when a second try misses too), added to {@code steps}; {@code
   * null} when the server stays busy before or after it.
   */
  private static Step secondTry(
      String label,
      SignedSlashCommands target,
      int rate,
      int stepSeconds,
      List<ProcessHandle> servers,
      List<Step> steps)
      throws InterruptedException {
    if (!settled(servers)) {
      return null;
    }
    Step again = print(label + " (again)", step(target, rate, stepSeconds, servers)).repeated();
    steps.add(again);
    return again.held() || settled(servers) ? again : null;
  }

  /**
   * Waits, after a missed step, until the servers use less than {@link #IDLE_CPU_NANOS} of CPU in a
   * second (their backlog done), for at most {@link #SETTLE_LIMIT}; whether they did.
   */
  private static boolean settled(List<ProcessHandle> servers) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      long before = cpuNanos(servers);
      Thread.sleep(1000);
      if (cpuNanos(servers) - before < IDLE_CPU_NANOS) {
        return true;
      }
    }
    System.out.println("the server is still busy a minute after the missed step: steps stop");
    return false;
  }

  private static int roundTo10(double rate) {
    return (int) Math.round(rate / 10) * 10;
  }

  private static Step print(String label, Step s) {
    System.out.printf(
        "%s at %d/s: %d sent of %d scheduled, %d answered, p50 %.1f ms, p99 %.1f ms; CPU cores:"
            + " generator %.2f, server %.2f%n",
        label,
        s.rate(),
        s.sent(),
        s.scheduled(),
        s.answered(),
        s.p50(),
        s.p99(),
        s.generatorCores(),
        s.serverCores());
    return s;
  }

  /** Sends at {@code rate} for {@code seconds}, then waits for the answers (up to a limit). */
  private static Step step(
      SignedSlashCommands target, int rate, int seconds, List<ProcessHandle> servers)
      throws InterruptedException {
    long first = target.sent() + 1;
    long startNanos = System.nanoTime();
    long generatorCpu = generatorCpuNanos();
    long serverCpu = cpuNanos(servers);
    ScheduledExecutorService pacer =
        Executors.newSingleThreadScheduledExecutor(IntakeBenchmark.daemonThreads());
    pacer.scheduleAtFixedRate(
        () -> target.send().exceptionally(e -> null), 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
    Thread.sleep(seconds * 1000L);
    pacer.shutdownNow();
    pacer.awaitTermination(5, TimeUnit.SECONDS);
    long last = target.sent();
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double generatorCores = (generatorCpuNanos() - generatorCpu) / 1e9 / wall;
    double serverCores = (cpuNanos(servers) - serverCpu) / 1e9 / wall;
    long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
    Map<String, Instant> answered = answers(target);
    while (System.nanoTime() < deadline && !allAnswered(answered, target, first, last)) {
      Thread.sleep(200);
      answered = answers(target);
    }
    Latencies latencies = new Latencies("step");
    long count = 0;
    for (long n = first; n <= last; n++) {
      String id = target.responseUrlPrefix() + n;
      Instant sentAt = target.sentAt().get(id);
      Instant at = answered.get(id);
      latencies.sent(true);
      if (at != null && sentAt != null) {
        latencies.answered(true, Duration.between(sentAt, at).toNanos());
        count++;
      }
    }
    Latencies.Summary s = latencies.summary();
    return new Step(
        rate,
        (long) rate * seconds,
        last - first + 1,
        count,
        s.p50(),
        s.p99(),
        Math.round(generatorCores * 100) / 100.0,
        Math.round(serverCores * 100) / 100.0,
        false);
  }

  private static long generatorCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long cpuNanos(List<ProcessHandle> processes) {
    long total = 0;
    for (ProcessHandle p : processes) {
      total += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
    return total;
  }

  private static boolean allAnswered(
      Map<String, Instant> answered, SignedSlashCommands target, long first, long last) {
    for (long n = first; n <= last; n++) {
      if (!answered.containsKey(target.responseUrlPrefix() + n)) {
        return false;
      }
    }
    return true;
  }

  /** When each command's first answer arrived: at its response_url or in its acknowledgement. */
  private static Map<String, Instant> answers(SignedSlashCommands target) {
    Map<String, Instant> first = new HashMap<>();
    for (ResponseMessage r : target.answers()) {
      first.put(r.responseUrlId(), r.time());
    }
    return first;
  }
}
