package io.tandem.core.reminders;

import io.tandem.core.guidance.Guidance;
import io.tandem.core.guidance.GuideText;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Store;
import java.util.List;

/**
 * Each cadence reminder ends with a session agenda from the program's library that fits the pair
 * ({@link Guidance#agendaFor}): both people read the same one for a meeting, the next meeting gets
 * another. In the transaction that queues the reminders.
 */
final class ReminderAgendas {

  private ReminderAgendas() {}

  /** {@code steps} with an agenda added to each reminder among them. */
  static List<PassStep> added(Store store, PairPeople pp, List<PassStep> steps) {
    return steps.stream().map(step -> added(store, pp, step)).toList();
  }

  private static PassStep added(Store store, PairPeople pp, PassStep step) {
    if (!(step instanceof PassStep.Tell tell) || tell.signal() != SignalType.REMINDER_SENT) {
      return step;
    }
    String agenda =
        Guidance.agendaFor(
            store,
            pp.program(),
            pp.pair().getId(),
            List.of(pp.mentor().participant(), pp.mentee().participant()),
            String.valueOf(tell.details().get("occurrence")),
            new GuideText.Values(
                pp.mentor().name(),
                pp.mentee().name(),
                pp.program().getName(),
                pp.program().getCadenceDays()));
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
