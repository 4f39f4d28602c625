package io.tandem.core.home;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.reminders.ReminderSettings;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /tandem status} and the Slack App Home: where the actor stands ({@link StatusView}) —
 * partner, sessions so far and the last one, the next reminder, goals with progress, skill changes,
 * the pair's engagement in plain words — with buttons to log a session, add a goal and pause.
 * Records {@link SignalType#STATUS_VIEWED} (or {@link SignalType#HOME_OPENED}) for participants
 * only; someone who has not joined is told how to, and nothing is written.
 */
public final class ShowStatus {

  private static final Reply NOT_JOINED =
      Reply.info(
          "You haven't joined a program yet. Join as a mentor to teach, or as a mentee to learn: `"
              + Markup.command("join mentor")
              + "` or `"
              + Markup.command("join mentee")
              + "`.",
          List.of());

  private final Database db;
  private final Clock clock;

  private final ReminderSettings reminders;

  public ShowStatus(Database db, Clock clock) {
    this(db, clock, ReminderSettings.defaults());
  }

  /**
   * @param reminders the reminder job's settings, so the next reminder shown is the one it sends
   */
  public ShowStatus(Database db, Clock clock, ReminderSettings reminders) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reminders = Objects.requireNonNull(reminders, "reminders");
  }

  public Reply status(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    return db.readsFirst(
        store -> {
          List<PairContext> all = PairResolver.everything(store, actor);
          if (all.isEmpty()) {
            return NOT_JOINED;
          }
          Instant now = now();
          Reply reply = StatusView.renderAll(all, now, reminders.quietHours());
          CheckInSignals.record(all.get(0), SignalType.STATUS_VIEWED, Map.of(), now);
          return reply;
        });
  }

  /**
   * The person opened Tandem's Home tab: queues their dashboard ({@code views.publish}) through the
   * outbox. Does nothing for people who have not joined.
   */
  public void homeOpened(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    db.transaction(
        store -> {
          Optional<PairContext> found = PairContext.of(store, actor);
          if (found.isPresent()) {
            Instant now = now();
            Signal opened =
                CheckInSignals.record(found.get(), SignalType.HOME_OPENED, Map.of(), now);
            Home.publish(found.get(), opened.getId(), now, reminders.quietHours());
          }
          return null;
        });
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
