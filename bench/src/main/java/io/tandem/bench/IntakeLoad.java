package io.tandem.bench;

import io.tandem.simulator.slack.ResponseMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The steady stream of signed commands {@link IntakeBenchmark} sends across a kill and a restart,
 * and what came back: which were acknowledged, in which phase each was sent, and the latencies.
 */
final class IntakeLoad {
  final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
  final AtomicLong errors = new AtomicLong();
  final Latencies ackBefore = new Latencies("ack before the kill");
  final Latencies ackAfter = new Latencies("ack after the restart");
  final AtomicLong phase = new AtomicLong(); // 0 before the kill, 1 down, 2 after the restart
  final Latencies answerBefore = new Latencies("answer, sent before the kill");
  final Latencies answerOwed =
      new Latencies("answer, sent before the kill, answered after the restart");
  final Latencies answerAfter = new Latencies("answer, sent after the restart");
  private final Map<Long, Long> phaseOf = new ConcurrentHashMap<>();
  private final SignedSlashCommands commands;

  IntakeLoad(SignedSlashCommands commands) {
    this.commands = commands;
  }

  /** Sends {@code rate} commands a second until the returned pacer is shut down. */
  ScheduledExecutorService start(int rate, ThreadFactory threads) {
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(threads);
    pacer.scheduleAtFixedRate(this::sendOne, 0, 1_000_000L / rate, TimeUnit.MICROSECONDS);
    return pacer;
  }

  private void sendOne() {
    long sentNanos = System.nanoTime();
    long n = commands.sent() + 1;
    long p = phase.get();
    phaseOf.put(n, p);
    commands
        .send()
        .whenComplete(
            (ackedAt, error) -> {
              if (error != null) {
                errors.incrementAndGet();
                return;
              }
              acknowledged.add(n);
              Latencies acks = p == 0 ? ackBefore : ackAfter;
              if (p != 1) {
                acks.sent(true);
                acks.answered(true, ackedAt - sentNanos);
              }
            });
  }

  /** Puts each acknowledged command's first answer in the bucket of when it was sent. */
  void sortAnswers(List<ResponseMessage> responses, Instant killedAt, String prefix) {
    Map<String, Instant> sentAt = commands.sentAt();
    Map<String, Instant> firstAnswer = new HashMap<>();
    for (ResponseMessage r : responses) {
      firstAnswer.merge(r.responseUrlId(), r.time(), (a, b) -> a.isBefore(b) ? a : b);
    }
    for (long n : acknowledged) {
      String id = prefix + n;
      Instant answered = firstAnswer.get(id);
      if (answered == null) {
        continue;
      }
      long nanos = Duration.between(sentAt.get(id), answered).toNanos();
      Latencies bucket =
          phaseOf.get(n) == 2
              ? answerAfter
              : answered.isBefore(killedAt) ? answerBefore : answerOwed;
      bucket.sent(true);
      bucket.answered(true, nanos);
    }
  }
}
