package io.tandem.simulator.slack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Faults queued per Web API method; each call to that method consumes one. Thread-safe. */
final class FaultPlan {
  private final Map<String, Deque<Fault>> queued = new ConcurrentHashMap<>();

  void add(String method, int times, Fault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    queued.compute(
        method,
        (name, faults) -> {
          Deque<Fault> next = faults == null ? new ArrayDeque<>() : faults;
          for (int i = 0; i < times; i++) {
            next.add(fault);
          }
          return next;
        });
  }

  /** The next fault for {@code method}, removed from the plan, or {@code null}. */
  Fault take(String method) {
    Fault[] taken = new Fault[1];
    queued.computeIfPresent(
        method,
        (name, faults) -> {
          taken[0] = faults.poll();
          return faults.isEmpty() ? null : faults;
        });
    return taken[0];
  }

  void clear() {
    queued.clear();
  }
}
