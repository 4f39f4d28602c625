package io.tandem.core.reminders;

import io.tandem.core.checkins.PairActivity;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.WorkspaceAdmins;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nudge ladder at an instant, for every active pair of every running program ({@link Nudges}).
 */
final class ClimbNudgeLadder {

  private final Database db;
  private final ReminderSettings settings;

  ClimbNudgeLadder(Database db, ReminderSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  int queueDue(Instant at) {
    return PairPeople.sumOverRunningPairs(
        db, (store, people) -> people.bothActive() ? climb(store, people, at) : 0);
  }

  private int climb(Store store, PairPeople pp, Instant at) {
    Program program = pp.program();
    Instant due = pp.due();
    String dueDay = PairPeople.occurrence(due);
    int queued = 0;
    if (!at.isBefore(due.plus(Duration.ofDays(program.getEscalateDays())))) {
      queued += escalate(store, pp, dueDay, at);
    }
    if (pp.pair().getAtRiskAt() != null) {
      return queued;
    }
    if (pp.missedRounds(at) >= program.getAtRiskRounds()) {
      return queued + markAtRisk(store, pp, dueDay, at);
    }
    for (PairPeople.Person person : pp.people()) {
      Instant first = person.sendTime(due.plus(Duration.ofDays(program.getNudgeDays())), quiet());
      Instant second =
          person.sendTime(due.plus(Duration.ofDays(program.getSecondNudgeDays())), quiet());
      int step = !at.isBefore(second) ? 2 : !at.isBefore(first) ? 1 : 0;
      if (step == 0) {
        continue;
      }
      String key = "nudge:" + pp.pair().getId() + ":" + dueDay + ":" + step + ":" + person.userId();
      Reply nudge = ReminderMessages.nudge(pp, person, step);
      if (send(store, pp, person, key, nudge, person.firstAllowed(at, quiet()), at)) {
        pp.signal(store, person, SignalType.NUDGE_SENT, Map.of("step", step), at);
        queued++;
      }
    }
    return queued;
  }

  /** The pair missed too many rounds: each person is asked privately what to do. */
  private int markAtRisk(Store store, PairPeople pp, String dueDay, Instant at) {
    pp.pair().markAtRisk(at);
    pp.signal(store, null, SignalType.PAIR_AT_RISK, Map.of("rounds", pp.missedRounds(at)), at);
    int queued = 0;
    for (PairPeople.Person person : pp.people()) {
      String key = "atrisk:" + pp.pair().getId() + ":" + dueDay + ":" + person.userId();
      Reply ask = ReminderMessages.atRisk(pp, person);
      queued += send(store, pp, person, key, ask, person.firstAllowed(at, quiet()), at) ? 1 : 0;
    }
    return queued;
  }

  private int escalate(Store store, PairPeople pp, String dueDay, Instant at) {
    List<String> admins = WorkspaceAdmins.in(store).of(pp.workspace().getId());
    int queued = 0;
    for (String admin : admins) {
      if (Outbox.queue(
          store,
          pp.workspace().getId(),
          pp.workspace().getPlatform(),
          "escalate:" + pp.pair().getId() + ":" + dueDay + ":" + admin,
          new ChatTarget.DirectMessage(admin),
          history(store, pp, at),
          at,
          at)) {
        queued++;
      }
    }
    if (queued > 0) {
      pp.signal(
          store, null, SignalType.PAIR_ESCALATED, Map.of("admins", queued, "due", dueDay), at);
    }
    return queued;
  }

  private static Reply history(Store store, PairPeople pp, Instant at) {
    PairActivity activity = PairActivity.in(store);
    long pairId = pp.pair().getId();
    Instant since = pp.pair().getCreatedAt();
    long reminders = activity.count(pairId, Set.of(SignalType.REMINDER_SENT), since);
    long nudges = activity.count(pairId, Set.of(SignalType.NUDGE_SENT), since);
    return ReminderMessages.escalation(
        pp, Duration.between(pp.due(), at).toDays(), reminders, nudges);
  }

  /** Queues {@code reply} to {@code person}; returns whether it was new. */
  static boolean send(
      Store store,
      PairPeople pp,
      PairPeople.Person person,
      String key,
      Reply reply,
      Instant notBefore,
      Instant now) {
    return Outbox.queue(
        store,
        pp.workspace().getId(),
        pp.workspace().getPlatform(),
        key,
        new ChatTarget.DirectMessage(person.userId()),
        reply,
        notBefore,
        now);
  }

  private ReminderTimes.QuietHours quiet() {
    return settings.quietHours();
  }
}
