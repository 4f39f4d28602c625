package io.tandem.core.reminders;

import io.tandem.core.checkins.persistence.CheckInStore;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.Admins;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.reminders.persistence.ReminderStore;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The nudge ladder for pairs that logged no session in their current round, and the admin {@code
 * nudge @person} command.
 *
 * <p>With {@code due} the end of the round ({@link PairPeople#due()}), each person gets a nudge at
 * their preferred local hour {@code nudge_days} past due and a second one at {@code
 * second_nudge_days} (only the highest step reached is sent, so downtime never sends both); the
 * workspace's admins get an alert with the pair's history at {@code escalate_days}; and once {@code
 * at_risk_rounds} full rounds passed without a session the pair is marked at risk and each person
 * is asked privately whether to continue, pause or end. At-risk pairs get no more reminders or
 * nudges until someone answers. Keys {@code nudge:{pairId}:{due}:{step}:{userId}}, {@code
 * escalate:{pairId}:{due}:{adminUserId}} and {@code atrisk:{pairId}:{due}:{userId}}.
 */
public final class Nudges {

  static final String NUDGE_EXAMPLE = "nudge @ana";

  private final Database db;
  private final Clock clock;
  private final ReminderSettings settings;

  public Nudges(Database db, Clock clock, ReminderSettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  /** Climbs the ladder for every active pair of every running program at {@code at}. */
  public int queueDue(Instant at) {
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
      pp.pair().markAtRisk(at);
      Reminders.signal(
          store, pp, null, SignalType.PAIR_AT_RISK, Map.of("rounds", pp.missedRounds(at)), at);
      for (PairPeople.Person person : pp.people()) {
        queued +=
            send(
                    store,
                    pp,
                    person,
                    "atrisk:" + pp.pair().getId() + ":" + dueDay + ":" + person.userId(),
                    atRisk(pp, person),
                    person.firstAllowed(at, settings.quietHours()),
                    at)
                ? 1
                : 0;
      }
      return queued;
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
      if (send(
          store, pp, person, key, nudge(pp, person, step), person.firstAllowed(at, quiet()), at)) {
        Reminders.signal(store, pp, person, SignalType.NUDGE_SENT, Map.of("step", step), at);
        queued++;
      }
    }
    return queued;
  }

  private int escalate(Store store, PairPeople pp, String dueDay, Instant at) {
    List<String> admins = new ReminderStore(store).admins(pp.workspace().getId());
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
      Reminders.signal(
          store, pp, null, SignalType.PAIR_ESCALATED, Map.of("admins", queued, "due", dueDay), at);
    }
    return queued;
  }

  private static Reply history(Store store, PairPeople pp, Instant at) {
    long reminders =
        new CheckInStore(store)
            .pairSignals(
                pp.pair().getId(), Set.of(SignalType.REMINDER_SENT), pp.pair().getCreatedAt());
    long nudges =
        new CheckInStore(store)
            .pairSignals(
                pp.pair().getId(), Set.of(SignalType.NUDGE_SENT), pp.pair().getCreatedAt());
    long days = Duration.between(pp.due(), at).toDays();
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "*A Tandem pair needs attention in "
            + Markup.text(pp.program().getName())
            + ".* "
            + Markup.text(pp.mentor().name())
            + " (mentor) and "
            + Markup.text(pp.mentee().name())
            + " (mentee) have not logged a session for "
            + days
            + " days past their due date.",
        List.of(
            new Reply.Field("Paired on", PairPeople.occurrence(pp.pair().getCreatedAt())),
            new Reply.Field("Meets every", pp.program().getCadenceDays() + " days"),
            new Reply.Field("Sessions logged", Integer.toString(pp.sessions())),
            new Reply.Field(
                "Last session",
                pp.lastSession() == null ? "none yet" : PairPeople.occurrence(pp.lastSession())),
            new Reply.Field("Due since", PairPeople.occurrence(pp.due())),
            new Reply.Field("Reminders and nudges sent", reminders + " and " + nudges)),
        List.of(
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION,
                "Nudge them now",
                CommandDispatcher.nudgeCommand(pp.mentor().userId()),
                null)),
        null);
  }

  private static Reply nudge(PairPeople pp, PairPeople.Person person, int step) {
    String partner = Markup.text(pp.partnerOf(person.participant().getId()).name());
    String text =
        step == 1
            ? "A gentle nudge: you and *"
                + partner
                + "* haven't logged a session in a while. Even 20 minutes counts — pick a time"
                + " that suits you both, and log it afterwards."
            : step == 2
                ? "Still no session logged with *"
                    + partner
                    + "*. Is something in the way? Snooze, pick another day, or tell us you need"
                    + " help — the program admins are happy to step in."
                : "A nudge from your program admins: time to meet *"
                    + partner
                    + "* again. Log it when you have.";
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        text,
        List.of(),
        Reminders.reminderButtons(),
        null);
  }

  private static Reply atRisk(PairPeople pp, PairPeople.Person person) {
    String partner = Markup.text(pp.partnerOf(person.participant().getId()).name());
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "You and *"
            + partner
            + "* have missed "
            + pp.program().getAtRiskRounds()
            + " rounds in a row. That happens! What would you like to do? Only you see this;"
            + " "
            + partner
            + " is asked separately.",
        List.of(),
        List.of(
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION,
                "Continue",
                "continue",
                Reply.Button.Style.PRIMARY),
            new Reply.Button(CommandDispatcher.COMMAND_ACTION, "Pause 2 weeks", "pause 2w", null),
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION,
                "End our pairing",
                "leave",
                Reply.Button.Style.DANGER)),
        null);
  }

  private boolean send(
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

  /** Admin {@code nudge @person}: one nudge to the person and their partner, now. */
  public Reply nudgeNow(Actor actor, String userId) {
    Optional<Reply> refused = Admins.refuse(actor, NUDGE_EXAMPLE);
    if (refused.isPresent()) {
      return refused.get();
    }
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
          Optional<Participant> participant =
              workspace
                  .flatMap(w -> store.member(w.getId(), userId))
                  .flatMap(
                      m ->
                          store.participations(m.getId()).stream()
                              .filter(
                                  p -> new CheckInStore(store).activePair(p.getId()).isPresent())
                              .findFirst());
          if (participant.isEmpty()) {
            return Reply.error(
                Markup.mention(userId)
                    + " has no active pair in any program, so there is nobody to nudge.",
                NUDGE_EXAMPLE);
          }
          Pair pair = new CheckInStore(store).activePair(participant.get().getId()).orElseThrow();
          Program program = store.program(pair.getProgramId()).orElseThrow();
          PairPeople pp = PairPeople.load(store, program, pair).orElseThrow();
          Instant now = clock.instant();
          new ReminderStore(store).recordAdmin(workspace.get().getId(), actor.userId(), now);
          StringBuilder later = new StringBuilder();
          for (PairPeople.Person person : pp.people()) {
            Instant notBefore = person.firstAllowed(now, quiet());
            send(
                store,
                pp,
                person,
                "nudge:" + pair.getId() + ":admin:" + now.toEpochMilli() + ":" + person.userId(),
                nudge(pp, person, 3),
                notBefore,
                now);
            Reminders.signal(
                store, pp, person, SignalType.NUDGE_SENT, Map.of("step", "admin"), now);
            if (notBefore.isAfter(now)) {
              later.append(
                  " "
                      + Markup.text(person.name())
                      + " is in quiet hours and gets it at "
                      + notBefore.atZone(person.zone()).toLocalTime()
                      + " their time.");
            }
          }
          return Reply.success(
              "Nudged "
                  + Markup.text(pp.mentor().name())
                  + " and "
                  + Markup.text(pp.mentee().name())
                  + "."
                  + later,
              List.of());
        });
  }

  private io.tandem.core.reminders.ReminderTimes.QuietHours quiet() {
    return settings.quietHours();
  }
}
