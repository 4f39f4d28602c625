package io.tandem.core.reminders;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.command.Command;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
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
import java.util.function.Function;

/**
 * {@code snooze Nd}, {@code snooze until DATE} and {@code snooze pick}: the pair's next reminder.
 */
final class MoveReminder {

  static final int MAX_SNOOZE_DAYS = 30;

  private final Database db;
  private final Clock clock;

  MoveReminder(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** {@code snooze Nd}: the pair's reminder comes back in N days. */
  Reply snooze(Actor actor, int days, Command.Target target) {
    return move(
        actor,
        target,
        "snooze " + days + "d",
        ctx -> Optional.of(clock.instant().plus(Duration.ofDays(days))));
  }

  /** {@code snooze until DATE}: the reminder comes back on that day (the actor's time zone). */
  Reply snoozeUntil(Actor actor, LocalDate day, Command.Target target) {
    return move(
        actor,
        target,
        "snooze until " + day,
        ctx -> {
          LocalDate today = ctx.today(clock.instant());
          if (!day.isAfter(today) || day.isAfter(today.plusDays(MAX_SNOOZE_DAYS))) {
            return Optional.empty();
          }
          return Optional.of(day.atTime(12, 0).atZone(ctx.zone()).toInstant());
        });
  }

  /** {@code snooze pick}: offers the next weekdays as buttons. */
  Reply pickDay(Actor actor, Command.Target target) {
    return paired(
        actor,
        target,
        "snooze pick",
        ctx -> {
          LocalDate day = ctx.today(clock.instant());
          List<Reply.Button> buttons = new ArrayList<>();
          while (buttons.size() < 5) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
              continue;
            }
            buttons.add(
                ReminderMessages.button(
                    label(day), "snooze until " + day + " pair:" + ctx.pair().getId(), null));
          }
          return new Reply(
              Reply.Kind.INFO,
              Reply.Visibility.PRIVATE,
              "Which day suits you and " + Markup.text(ctx.partnerName()) + " better?",
              List.of(),
              buttons,
              null);
        });
  }

  private static String label(LocalDate day) {
    return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
        + " "
        + day.getDayOfMonth()
        + " "
        + day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }

  private Reply move(
      Actor actor,
      Command.Target target,
      String retry,
      Function<PairContext, Optional<Instant>> when) {
    return paired(
        actor,
        target,
        retry,
        ctx -> {
          Optional<Instant> to = when.apply(ctx);
          if (to.isEmpty()) {
            return Reply.error(
                "Pick a day after today and at most " + MAX_SNOOZE_DAYS + " days ahead.",
                "snooze until " + ctx.today(clock.instant()).plusDays(3));
          }
          ctx.pair().remindOn(to.get());
          LocalDate day = to.get().atZone(ctx.zone()).toLocalDate();
          CheckInSignals.record(
              ctx, SignalType.REMINDER_MOVED, Map.of("to", day.toString()), clock.instant());
          return ReminderMessages.moved(ctx.partnerName(), day);
        });
  }

  private Reply paired(
      Actor actor, Command.Target target, String retry, Function<PairContext, Reply> work) {
    Reply notPaired = ReminderMessages.notPaired();
    return db.transaction(
        store -> PairContext.whenPaired(store, actor, target, retry, notPaired, notPaired, work));
  }
}
