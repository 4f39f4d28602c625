package io.tandem.core.calendar;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 15 minutes: each planned session that ended more than {@link #GRACE} ago with nothing
 * logged for the pair gets one friendly "did you meet?" to the pair, with one-click answers. One
 * query finds them all; the outbox key (pair and occurrence) makes a re-run ask nothing twice.
 */
public final class DidYouMeet implements ScheduledJob {

  public static final String KEY = "did-you-meet";

  /** How long after a planned session's end a log is waited for before asking. */
  static final Duration GRACE = Duration.ofHours(3);

  /** How long before a planned start a logged session still counts for it. */
  static final Duration LOGGED_AHEAD = Duration.ofDays(1);

  private static final Logger LOG = LoggerFactory.getLogger(DidYouMeet.class);

  private final Database db;

  public DidYouMeet(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Every(Duration.ofMinutes(15), Schedule.Misfire.FIRE_ONCE_NOW);
  }

  @Override
  public void run(Instant firedAt) {
    int asked = db.transactionRetryingConflicts(store -> ask(store, firedAt));
    if (asked > 0) {
      LOG.info("Asked {} pairs whether they met as planned", asked);
    }
  }

  private static int ask(Store store, Instant now) {
    int asked = 0;
    for (PlannedSessions.Due due :
        PlannedSessions.in(store).startedBefore(now.minus(GRACE).minus(Meetings.LENGTH))) {
      PlannedSession session = due.planned();
      Pair pair = Pairs.in(store).byId(session.getPairId()).orElseThrow();
      Instant at = session.getNextAt();
      boolean logged =
          due.lastLogged() != null && !due.lastLogged().isBefore(at.minus(LOGGED_AHEAD));
      if (pair.getStatus() == Pair.Status.ACTIVE && !logged) {
        List<Meetings.Side> sides = Meetings.sides(store, pair);
        Workspace workspace = Workspaces.in(store).byId(pair.getWorkspaceId()).orElseThrow();
        if (Outbox.queue(
            store,
            workspace.getId(),
            workspace.getPlatform(),
            "met:" + pair.getId() + ":" + at.getEpochSecond(),
            Meetings.group(sides),
            CalendarMessages.didYouMeet(session, sides),
            now,
            now)) {
          asked++;
        }
      }
      Meetings.asked(pair, session, now);
    }
    return asked;
  }
}
