package io.tandem.core.reminders;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.CheckInSignals;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.reminders.persistence.ReminderStore;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cadence reminders: what is due at an instant (called by the reminder job), and what people do
 * with a reminder — snooze it, pick another day, ask the admins for help.
 *
 * <p>A pair's round starts at approval, at its last logged session, or when it last restarted
 * ({@link PairPeople#base()}); slots follow every {@code cadenceDays}. Each person hears about a
 * slot at their preferred hour on the slot's local date, outside quiet hours and weekends ({@link
 * io.tandem.core.reminders.ReminderTimes}). A reminder goes out only while it is less than {@link
 * ReminderSettings#catchUp()} late, so downtime never causes a flood. Keys {@code
 * reminder:{pairId}:{occurrence}:{userId}} (the occurrence is the slot's UTC date) make a job that
 * fires twice change nothing.
 */
public final class Reminders {

  static final String SNOOZE_EXAMPLE = "snooze 2d";
  static final int MAX_SNOOZE_DAYS = 30;

  private final Database db;
  private final Clock clock;
  private final ReminderSettings settings;

  public Reminders(Database db, Clock clock, ReminderSettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Queues every reminder due at {@code at}; one transaction per program.
   *
   * @return how many messages were newly queued
   */
  public int queueDue(Instant at) {
    return PairPeople.sumOverRunningPairs(db, (store, people) -> queueFor(store, people, at));
  }

  private int queueFor(Store store, PairPeople pp, Instant at) {
    if (!pp.bothActive() || pp.pair().getAtRiskAt() != null) {
      return 0;
    }
    int queued = 0;
    for (Instant occurrence : occurrences(pp, at, 1)) {
      for (PairPeople.Person person : pp.people()) {
        Instant send = person.sendTime(occurrence, settings.quietHours());
        if (send.isAfter(at) || !at.isBefore(send.plus(settings.catchUp()))) {
          continue;
        }
        String day = PairPeople.occurrence(occurrence);
        String key = "reminder:" + pp.pair().getId() + ":" + day + ":" + person.userId();
        Instant notBefore = person.firstAllowed(at, settings.quietHours());
        if (Outbox.queue(
            store,
            pp.workspace().getId(),
            pp.workspace().getPlatform(),
            key,
            new ChatTarget.DirectMessage(person.userId()),
            reminder(pp, person, occurrence),
            notBefore,
            at)) {
          signal(store, pp, person, SignalType.REMINDER_SENT, Map.of("occurrence", day), at);
          queued++;
        }
      }
    }
    return queued;
  }

  /**
   * The occurrences the job considers at {@code at}: the current and the next {@code ahead} cadence
   * slots, minus those before the day a snooze moved the reminder to, plus that day.
   */
  private static List<Instant> occurrences(PairPeople pp, Instant at, int ahead) {
    List<Instant> occurrences = new ArrayList<>();
    long rounds = pp.missedRounds(at);
    Instant moved = pp.pair().getRemindOn();
    String movedDay = moved == null ? null : PairPeople.occurrence(moved);
    for (long k = Math.max(1, rounds); k <= rounds + ahead; k++) {
      Instant slot = pp.slot(k);
      // a snoozed or moved reminder replaces the slots before the day it moved to
      if (movedDay == null || PairPeople.occurrence(slot).compareTo(movedDay) >= 0) {
        occurrences.add(slot);
      }
    }
    if (moved != null) {
      occurrences.add(moved);
    }
    return occurrences;
  }

  /**
   * When the reminder job will next send {@code person} a reminder, judged at {@code at} by the
   * same rules as {@link #queueDue}: the earliest send time after {@code at} among the occurrences
   * the job will consider (one round further ahead, since a send time can fall after its slot).
   * Empty while the pair is not reminded at all (someone paused or left, or the pair is at risk).
   * Status and the App Home show it; it never queues anything.
   */
  public static Optional<Instant> nextFor(
      PairPeople pp, PairPeople.Person person, Instant at, ReminderTimes.QuietHours quiet) {
    if (!pp.bothActive() || pp.pair().getAtRiskAt() != null) {
      return Optional.empty();
    }
    return occurrences(pp, at, 2).stream()
        .map(occurrence -> person.sendTime(occurrence, quiet))
        .filter(send -> send.isAfter(at))
        .min(Instant::compareTo);
  }

  private static Reply reminder(PairPeople pp, PairPeople.Person person, Instant occurrence) {
    PairPeople.Person partner = pp.partnerOf(person.participant().getId());
    String last =
        pp.lastSession() == null
            ? "You haven't logged a session together yet."
            : "Your last session was on "
                + pp.lastSession().atZone(person.zone()).toLocalDate()
                + ".";
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "Time to meet *"
            + Markup.text(partner.name())
            + "* again! In *"
            + Markup.text(pp.program().getName())
            + "* you meet every "
            + pp.program().getCadenceDays()
            + " days, and your next session is due around "
            + occurrence.atZone(person.zone()).toLocalDate()
            + ". "
            + last,
        List.of(),
        reminderButtons(),
        null);
  }

  /** The buttons every reminder and nudge carries; each sends a command of the core grammar. */
  static List<Reply.Button> reminderButtons() {
    return List.of(
        new Reply.Button(
            CommandDispatcher.COMMAND_ACTION, "We met — log it", "log", Reply.Button.Style.PRIMARY),
        new Reply.Button(CommandDispatcher.COMMAND_ACTION, "Snooze 2 days", "snooze 2d", null),
        new Reply.Button(CommandDispatcher.COMMAND_ACTION, "Pick another day", "snooze pick", null),
        new Reply.Button(CommandDispatcher.COMMAND_ACTION, "We need help", "support", null));
  }

  /** {@code snooze Nd}: the pair's reminder comes back in N days. */
  public Reply snooze(Actor actor, int days) {
    return moveReminder(actor, ctx -> Optional.of(now().plus(Duration.ofDays(days))));
  }

  /** {@code snooze until DATE}: the reminder comes back on that day (the actor's time zone). */
  public Reply snoozeUntil(Actor actor, LocalDate day) {
    return moveReminder(
        actor,
        ctx -> {
          LocalDate today = ctx.today(now());
          if (!day.isAfter(today) || day.isAfter(today.plusDays(MAX_SNOOZE_DAYS))) {
            return Optional.empty();
          }
          return Optional.of(day.atTime(12, 0).atZone(ctx.zone()).toInstant());
        });
  }

  /** {@code snooze pick}: offers the next weekdays as buttons. */
  public Reply pickDay(Actor actor) {
    return db.inTransaction(
        em -> {
          Optional<PairContext> found = PairContext.of(new Store(em), actor);
          if (found.isEmpty() || !found.get().paired()) {
            return notPaired();
          }
          LocalDate day = found.get().today(now());
          List<Reply.Button> buttons = new ArrayList<>();
          while (buttons.size() < 5) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
              continue;
            }
            buttons.add(
                new Reply.Button(
                    CommandDispatcher.COMMAND_ACTION,
                    day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                        + " "
                        + day.getDayOfMonth()
                        + " "
                        + day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    "snooze until " + day,
                    null));
          }
          return new Reply(
              Reply.Kind.INFO,
              Reply.Visibility.PRIVATE,
              "Which day suits you and " + Markup.text(found.get().partnerName()) + " better?",
              List.of(),
              buttons,
              null);
        });
  }

  private Reply moveReminder(
      Actor actor, java.util.function.Function<PairContext, Optional<Instant>> when) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<PairContext> found = PairContext.of(store, actor);
          if (found.isEmpty() || !found.get().paired()) {
            return notPaired();
          }
          PairContext ctx = found.get();
          Optional<Instant> to = when.apply(ctx);
          if (to.isEmpty()) {
            return Reply.error(
                "Pick a day after today and at most " + MAX_SNOOZE_DAYS + " days ahead.",
                "snooze until " + ctx.today(now()).plusDays(3));
          }
          ctx.pair().remindOn(to.get());
          LocalDate day = to.get().atZone(ctx.zone()).toLocalDate();
          CheckInSignals.record(
              ctx, SignalType.REMINDER_MOVED, Map.of("to", day.toString()), now());
          return Reply.success(
              "Done: Tandem will remind you and "
                  + Markup.text(ctx.partnerName())
                  + " again on "
                  + day
                  + ". Log the session whenever you meet with `"
                  + Markup.command("log")
                  + "`.",
              List.of());
        });
  }

  /** "We need help": tells the workspace's admins, privately, who asks. */
  public Reply support(Actor actor) {
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<PairContext> found = PairContext.of(store, actor);
          if (found.isEmpty()) {
            return notPaired();
          }
          PairContext ctx = found.get();
          Instant now = now();
          List<String> admins = new ReminderStore(store).admins(ctx.me().getWorkspaceId());
          String who = Markup.text(ctx.member().getDisplayName());
          String text =
              "*"
                  + who
                  + "* asks for help with their Tandem pairing in *"
                  + Markup.text(ctx.program().getName())
                  + "*"
                  + (ctx.paired() ? " (partner: " + Markup.text(ctx.partnerName()) + ")" : "")
                  + ". Please reach out to them directly.";
          var workspace = store.workspaceById(ctx.me().getWorkspaceId()).orElseThrow();
          int told = 0;
          for (String admin : admins) {
            if (Outbox.queue(
                store,
                workspace.getId(),
                workspace.getPlatform(),
                "help:" + ctx.me().getId() + ":" + now.toEpochMilli() + ":" + admin,
                new ChatTarget.DirectMessage(admin),
                Reply.info(text, List.of()),
                now,
                now)) {
              told++;
            }
          }
          CheckInSignals.record(ctx, SignalType.HELP_REQUESTED, Map.of("admins", told), now);
          if (told == 0) {
            return Reply.info(
                "No program admin has used Tandem in this workspace yet, so nobody could be told."
                    + " Please ask your HR or L&D contact directly.",
                List.of());
          }
          return Reply.success(
              "Thanks for asking. The program admins have been told and will reach out to you.",
              List.of());
        });
  }

  static Reply notPaired() {
    return Reply.error(
        "You don't have a partner in a Tandem program right now, so there is nothing to remind"
            + " you about.",
        "status");
  }

  static void signal(
      Store store,
      PairPeople pp,
      PairPeople.Person person,
      SignalType type,
      Map<String, ?> details,
      Instant at) {
    store.add(
        new Signal(
            pp.workspace().getId(),
            type,
            person == null ? null : person.member().getId(),
            pp.program().getId(),
            person == null ? null : person.participant().getId(),
            pp.pair().getId(),
            at,
            Json.object(details)));
  }

  private Instant now() {
    return clock.instant();
  }
}
