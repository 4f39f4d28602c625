package io.tandem.core.delivery;

import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The messages of one conversation held in this process, in claim order. Its fields are guarded by
 * the dispatcher's lane map, {@code lock}.
 */
final class Lane implements DeliverMessage.Conversation {

  final String key;
  final ArrayDeque<ClaimedMessage> queue = new ArrayDeque<>();
  boolean running;
  Instant blockedUntil;
  private final Object lock;

  Lane(String key, Object lock) {
    this.key = key;
    this.lock = lock;
  }

  @Override
  public Instant blockedUntil() {
    synchronized (lock) {
      return blockedUntil;
    }
  }

  @Override
  public void block(Instant until) {
    synchronized (lock) {
      if (blockedUntil == null || blockedUntil.isBefore(until)) {
        blockedUntil = until;
      }
    }
  }
}
