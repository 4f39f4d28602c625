package io.tandem.core.reminders;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.home.Home;
import io.tandem.core.home.ReminderChoicesForm;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code remind me}, {@code remind me at 9:00}, {@code remind me [not] on weekends} and the form on
 * the Home: each person's own reminder time (in their own zone) and weekend choice, kept on their
 * member row so that it applies to every pair and program they are in. The reminder job reads it
 * with the pairs ({@link PairPeople#reminderTime}). A choice Tandem can't keep (a time in quiet
 * hours) is refused with an example and nothing is stored.
 */
final class ChooseReminderTimes {

  private static final Map<String, Boolean> YES_NO =
      Map.of("yes", true, "y", true, "true", true, "no", false, "n", false, "false", false);

  private final Database db;
  private final Clock clock;
  private final ReminderSettings settings;

  ChooseReminderTimes(Database db, Clock clock, ReminderSettings settings) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
  }

  /** What {@code person} chose (or the program's settings), where they stand. */
  private record Choices(Member member, Optional<PairContext> ctx, ZoneId zone) {
    LocalTime time() {
      return PairPeople.reminderTime(program(), participant(), member);
    }

    boolean weekends() {
      return PairPeople.reminderWeekends(program(), participant(), member);
    }

    private Program program() {
      return ctx.map(PairContext::program).orElse(null);
    }

    private Participant participant() {
      return ctx.map(PairContext::me).orElse(null);
    }
  }

  /** {@code remind me}: the current choices, with the button that opens the form. */
  Reply show(Actor actor) {
    return db.transaction(
        store ->
            choices(store, actor)
                .map(c -> ReminderChoicesText.current(c.time(), c.weekends(), c.zone(), mine(c)))
                .orElseGet(ReminderChoicesText::unknown));
  }

  /** The button on the Home or under {@code remind me}: the form, filled with the choices. */
  Reply openForm(Actor actor) {
    return db.transaction(
        store ->
            choices(store, actor)
                .map(
                    c ->
                        Reply.openForm(
                            "Choose when Tandem reminds you.",
                            ReminderChoicesForm.form(c.time(), c.weekends())))
                .orElseGet(ReminderChoicesText::unknown));
  }

  /** {@code remind me at …} / {@code [not] on weekends}: either may be {@code null}. */
  Reply choose(Actor actor, LocalTime at, Boolean weekends) {
    if (at != null && settings.quietHours().contains(at)) {
      return Reply.error(ReminderChoicesText.quiet(at, settings.quietHours()), "remind me at 9:00");
    }
    return save(actor, at, weekends);
  }

  /** The form was sent: both inputs are read before anything is stored. */
  Reply submitted(Actor actor, Map<String, String> values) {
    Reply.Form refilled = ReminderChoicesForm.form(values);
    LocalTime at;
    try {
      at = TimeOfDay.parse(values.getOrDefault(ReminderChoicesForm.TIME, ""));
    } catch (IllegalArgumentException e) {
      return Reply.formError(ReminderChoicesForm.TIME, e.getMessage(), refilled);
    }
    if (settings.quietHours().contains(at)) {
      return Reply.formError(
          ReminderChoicesForm.TIME, ReminderChoicesText.quiet(at, settings.quietHours()), refilled);
    }
    String answer =
        values.getOrDefault(ReminderChoicesForm.WEEKENDS, "").strip().toLowerCase(Locale.ROOT);
    Boolean weekends = YES_NO.get(answer);
    if (weekends == null) {
      return Reply.formError(
          ReminderChoicesForm.WEEKENDS,
          "Answer yes or no: may reminders reach you on Saturdays and Sundays?",
          refilled);
    }
    return save(actor, at, weekends);
  }

  private Reply save(Actor actor, LocalTime at, Boolean weekends) {
    return db.transaction(
        store -> {
          Optional<Choices> found = choices(store, actor);
          if (found.isEmpty()) {
            return ReminderChoicesText.unknown();
          }
          Choices c = found.get();
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          c.member().preferReminders(at, weekends, now);
          c.ctx().ifPresent(ctx -> recordAndRefresh(ctx, at, weekends, now));
          return ReminderChoicesText.saved(c.time(), c.weekends(), c.zone());
        });
  }

  private void recordAndRefresh(PairContext ctx, LocalTime at, Boolean weekends, Instant now) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (at != null) {
      details.put("at", at.toString());
    }
    if (weekends != null) {
      details.put("weekends", weekends);
    }
    long version = CheckInSignals.record(ctx, SignalType.REMINDERS_CHOSEN, details, now).getId();
    Home.refresh(ctx, version, now, settings.quietHours());
  }

  private static boolean mine(Choices c) {
    return c.member().getReminderTime() != null || c.member().getReminderWeekends() != null;
  }

  /** The actor's member row and current participation, when Tandem knows them. */
  private static Optional<Choices> choices(Store store, Actor actor) {
    Optional<PairContext> ctx = PairContext.of(store, actor);
    if (ctx.isPresent()) {
      return Optional.of(new Choices(ctx.get().member(), ctx, ctx.get().zone()));
    }
    return Workspaces.in(store)
        .find(actor.platform(), actor.workspaceId())
        .flatMap(w -> Members.in(store).find(w.getId(), actor.userId()))
        .map(
            m ->
                new Choices(
                    m, Optional.empty(), PairContext.zoneOf(m.getTimeZone(), actor.timeZone())));
  }
}
