package io.tandem.core.pulse;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.store.Database;
import io.tandem.core.surveys.SurveyTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check-in job: every {@link #INTERVAL} it reads every person of every active pair at once
 * ({@link PairCheckIns#candidates}), and asks each whose pair reached a check-in point they were
 * not yet asked at. The asked row, the outbox message (key {@code checkin:PAIR:PARTICIPANT:POINT})
 * and the signal are written in one transaction, so a re-run or a recovered firing asks nobody
 * twice.
 */
public final class AskCheckIns implements ScheduledJob {

  private static final Logger LOG = LoggerFactory.getLogger(AskCheckIns.class);

  public static final String KEY = "pair-checkins";

  static final Duration INTERVAL = Duration.ofMinutes(15);

  private final Database db;

  AskCheckIns(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Every(INTERVAL, Schedule.Misfire.FIRE_ONCE_NOW);
  }

  @Override
  public void run(Instant firedAt) {
    int asked = askDue(firedAt);
    if (asked > 0) {
      LOG.info("Check-ins at {}: {} people asked", firedAt, asked);
    }
  }

  /** Asks everyone due at {@code now}; returns how many were asked. */
  int askDue(Instant now) {
    return db.transaction(
        store -> {
          PairCheckIns checkIns = PairCheckIns.in(store);
          int asked = 0;
          for (PairCheckIns.Candidate c : checkIns.candidates()) {
            Optional<Integer> due = c.checkInPoints().due(c.made(), now);
            if (due.isEmpty() || due.get() <= c.lastAsked()) {
              continue;
            }
            int point = due.get();
            checkIns.add(
                new PairCheckIn(
                    c.workspaceId(), c.programId(), c.pairId(), c.participantId(), point, now));
            Outbox.queue(
                store,
                c.workspaceId(),
                c.platform(),
                "checkin:" + c.pairId() + ":" + c.participantId() + ":" + point,
                new ChatTarget.DirectMessage(c.userId()),
                PulseMessages.question(c.pairId(), point, c.partnerName()),
                SurveyTimes.sensibleTime(now, c.timeZone()),
                now);
            CheckInSignals.about(
                store,
                new CheckInSignals.Subject(
                    c.workspaceId(), null, c.programId(), c.participantId(), c.pairId()),
                SignalType.PAIR_CHECKIN_SENT,
                Map.of("point", point),
                now);
            asked++;
          }
          return asked;
        });
  }
}
