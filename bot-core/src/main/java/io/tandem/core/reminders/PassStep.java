package io.tandem.core.reminders;

import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One thing the reminder job does for one pair at one instant: planned from a snapshot of every
 * active pair outside any transaction ({@link QueueReminders#plan}, {@link ClimbNudgeLadder#plan}),
 * planned again from the pair as it is inside the batch that writes it ({@link ReminderPass}).
 */
sealed interface PassStep {

  /** The outbox keys this step queues messages under. */
  List<String> keys(long pairId);

  /**
   * A private message to one person of the pair.
   *
   * @param signal what to record when the message is new, or {@code null} for nothing
   */
  record Tell(
      PairPeople.Person person,
      String key,
      Reply reply,
      Instant notBefore,
      SignalType signal,
      Map<String, ?> details)
      implements PassStep {
    @Override
    public List<String> keys(long pairId) {
      return List.of(key);
    }
  }

  /**
   * The admins' alert about a pair past due, one message each; its text (the pair's history) is
   * written in the batch, from the signals as they are then.
   */
  record Escalate(List<String> admins, String dueDay) implements PassStep {
    @Override
    public List<String> keys(long pairId) {
      return admins.stream().map(admin -> key(pairId, admin)).toList();
    }

    String key(long pairId, String admin) {
      return "escalate:" + pairId + ":" + dueDay + ":" + admin;
    }
  }

  /** The pair missed too many rounds without a session: it is marked at risk. */
  record MarkAtRisk(long rounds) implements PassStep {
    @Override
    public List<String> keys(long pairId) {
      return List.of();
    }
  }
}
