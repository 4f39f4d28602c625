package io.tandem.simulator.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds back what a REST request makes visible (a message shown, a transcript line) until the
 * simulator has recorded the request, so a test that saw a message also finds the call that sent it
 * in {@link DiscordSimulator#calls()}. Each request is served on one thread, start to end.
 */
final class HeldUntilRecorded {
  private static final ThreadLocal<List<Runnable>> HELD = new ThreadLocal<>();

  private HeldUntilRecorded() {}

  /** Starts holding the effects of the request served on this thread. */
  static void begin() {
    HELD.set(new ArrayList<>());
  }

  /** Runs {@code effect} now, or after the request is recorded when one is being served. */
  static void publish(Runnable effect) {
    List<Runnable> held = HELD.get();
    if (held == null) {
      effect.run();
    } else {
      held.add(effect);
    }
  }

  /** Makes the held effects visible, in the order they happened, and stops holding. */
  static void release() {
    List<Runnable> held = HELD.get();
    HELD.remove();
    if (held != null) {
      held.forEach(Runnable::run);
    }
  }
}
