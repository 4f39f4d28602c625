package io.tandem.core.reminders;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The nudge ladder for one pair at an instant ({@link Nudges}): what is due, planned without
 * storage; {@link ReminderPass} writes it for every active pair of every running program.
 */
final class ClimbNudgeLadder {

  private ClimbNudgeLadder() {}

  /**
   * What the ladder does for one pair at {@code at}, in order: the admins' alert, then either
   * marking the pair at risk (and asking each person) or the nudges.
   *
   * @param admins the people who acted as admins in the pair's workspace, first seen first
   */
  static List<PassStep> plan(
      PairPeople pp, Instant at, List<String> admins, ReminderSettings settings) {
    if (!pp.bothActive()) {
      return List.of();
    }
    Program program = pp.program();
    ReminderTimes.QuietHours quiet = settings.quietHours();
    Instant due = pp.due();
    String dueDay = PairPeople.occurrence(due);
    List<PassStep> steps = new ArrayList<>();
    if (!at.isBefore(due.plus(Duration.ofDays(program.getEscalateDays()))) && !admins.isEmpty()) {
      steps.add(new PassStep.Escalate(List.copyOf(admins), dueDay));
    }
    if (pp.pair().getAtRiskAt() != null) {
      return steps;
    }
    if (pp.missedRounds(at) >= program.getAtRiskRounds()) {
      // the pair missed too many rounds: each person is asked privately what to do
      steps.add(new PassStep.MarkAtRisk(pp.missedRounds(at)));
      for (PairPeople.Person person : pp.people()) {
        steps.add(
            new PassStep.Tell(
                person,
                "atrisk:" + pp.pair().getId() + ":" + dueDay + ":" + person.userId(),
                ReminderMessages.atRisk(pp, person),
                person.firstAllowed(at, quiet),
                null,
                Map.of()));
      }
      return steps;
    }
    for (PairPeople.Person person : pp.people()) {
      Instant first = person.sendTime(due.plus(Duration.ofDays(program.getNudgeDays())), quiet);
      Instant second =
          person.sendTime(due.plus(Duration.ofDays(program.getSecondNudgeDays())), quiet);
      int step = !at.isBefore(second) ? 2 : !at.isBefore(first) ? 1 : 0;
      if (step == 0) {
        continue;
      }
      steps.add(
          new PassStep.Tell(
              person,
              "nudge:" + pp.pair().getId() + ":" + dueDay + ":" + step + ":" + person.userId(),
              ReminderMessages.nudge(pp, person, step),
              person.firstAllowed(at, quiet),
              SignalType.NUDGE_SENT,
              Map.of("step", step)));
    }
    return steps;
  }

  /** The admins' alert about a pair past due, with its history. */
  static Reply escalation(PairPeople pp, Instant at, Map<SignalType, Long> history) {
    return ReminderMessages.escalation(
        pp,
        Duration.between(pp.due(), at).toDays(),
        history.getOrDefault(SignalType.REMINDER_SENT, 0L),
        history.getOrDefault(SignalType.NUDGE_SENT, 0L));
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
}
