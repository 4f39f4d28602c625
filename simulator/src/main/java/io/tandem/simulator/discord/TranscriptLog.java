package io.tandem.simulator.discord;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What people and the bot said, in order, and who listens to it as it happens. */
final class TranscriptLog {
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptLog.class);

  private final Clock clock;
  private final Journal<TranscriptEntry> entries = new Journal<>();
  private final List<Consumer<TranscriptEntry>> listeners = new CopyOnWriteArrayList<>();

  TranscriptLog(Clock clock) {
    this.clock = clock;
  }

  void listen(Consumer<TranscriptEntry> listener) {
    listeners.add(listener);
  }

  List<TranscriptEntry> snapshot() {
    return entries.snapshot();
  }

  void say(TranscriptEntry.Speaker speaker, String who, String text, boolean privately) {
    TranscriptEntry entry = new TranscriptEntry(clock.instant(), speaker, who, text, privately);
    HeldUntilRecorded.publish(() -> append(entry));
  }

  private void append(TranscriptEntry entry) {
    entries.append(entry);
    for (Consumer<TranscriptEntry> listener : listeners) {
      try {
        listener.accept(entry);
      } catch (RuntimeException e) {
        LOG.warn("Transcript listener failed", e);
      }
    }
  }
}
