package io.tandem.core.reminders;

import io.tandem.core.guidance.GuideText;
import io.tandem.core.guidance.SessionAgendas;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.reminders.persistence.AgendaRows;
import io.tandem.core.store.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each cadence reminder ends with a session agenda from the program's library that fits the pair
 * ({@link SessionAgendas}). In the transaction that queues the reminders; three queries and one
 * batch of writes for the whole batch, none when no reminder is due.
 */
final class ReminderAgendas {

  private ReminderAgendas() {}

  /** Adds an agenda to each reminder among the planned steps, in place. */
  static void addTo(Store store, Map<PairPeople, List<PassStep>> plans) {
    List<PairPeople> reminded =
        plans.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(ReminderAgendas::isReminder))
            .map(Map.Entry::getKey)
            .toList();
    if (reminded.isEmpty()) {
      return;
    }
    SessionAgendas agendas =
        SessionAgendas.load(
            store,
            reminded.stream().map(pp -> pp.program().getId()).collect(Collectors.toSet()),
            reminded.stream().map(pp -> pp.pair().getId()).toList());
    // both people of a pair get the same agenda for an occurrence: it is chosen once
    Map<String, String> chosen = new HashMap<>();
    plans.replaceAll(
        (pp, steps) -> steps.stream().map(s -> added(agendas, chosen, pp, s)).toList());
    AgendaRows.save(store, agendas.chosen());
  }

  private static boolean isReminder(PassStep step) {
    return step instanceof PassStep.Tell tell && tell.signal() == SignalType.REMINDER_SENT;
  }

  private static PassStep added(
      SessionAgendas agendas, Map<String, String> chosen, PairPeople pp, PassStep step) {
    if (!isReminder(step)) {
      return step;
    }
    PassStep.Tell tell = (PassStep.Tell) step;
    String occurrence = String.valueOf(tell.details().get("occurrence"));
    String agenda =
        chosen.computeIfAbsent(
            pp.pair().getId() + "/" + occurrence,
            key ->
                agendas.suggest(
                    pp.program(),
                    pp.pair().getId(),
                    List.of(pp.mentor().participant(), pp.mentee().participant()),
                    occurrence,
                    new GuideText.Values(
                        pp.mentor().name(),
                        pp.mentee().name(),
                        pp.program().getName(),
                        pp.program().getCadenceDays())));
    Reply reply = tell.reply();
    return new PassStep.Tell(
        tell.person(),
        tell.key(),
        new Reply(
            reply.kind(),
            reply.visibility(),
            reply.text() + "\n*An agenda for your next session:* " + agenda,
            reply.fields(),
            reply.buttons(),
            reply.form(),
            reply.inputErrors()),
        tell.notBefore(),
        tell.signal(),
        tell.details());
  }
}
