package io.tandem.core.agreement;

import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hourly, for all pairs at once: tells the program's admins, once, of each pair that has had {@link
 * #FLAG_AFTER} without reaching its working agreement; and asks both people of each pair with an
 * agreement, once, at mid-program (halfway from their matching to the program's end) whether it
 * still holds. Each is one query for every pair due, whatever their number; a missed firing runs
 * once on restart.
 */
public final class AgreementJob implements ScheduledJob {

  public static final String KEY = "working-agreement";

  /** How long a pair may take to agree before its program's admins hear of it. */
  public static final Duration FLAG_AFTER = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(AgreementJob.class);

  private final Database db;

  public AgreementJob(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Every(Duration.ofHours(1), Schedule.Misfire.FIRE_ONCE_NOW);
  }

  @Override
  public void run(Instant firedAt) {
    Instant now = firedAt.truncatedTo(ChronoUnit.MILLIS);
    int flagged = db.transactionRetryingConflicts(store -> flag(store, now));
    int asked = db.transactionRetryingConflicts(store -> review(store, now));
    if (flagged + asked > 0) {
      LOG.info(
          "Working agreements: {} pairs flagged to admins, {} asked at mid-program",
          flagged,
          asked);
    }
  }

  static int flag(Store store, Instant now) {
    List<AgreementPair> due = WorkingAgreements.in(store).unagreedSince(now.minus(FLAG_AFTER));
    Map<Long, List<String>> admins = new HashMap<>();
    for (AgreementPair ap : due) {
      List<String> tell =
          admins.computeIfAbsent(
              ap.program().getId(), id -> AdminRights.toTell(store, ap.workspace().getId(), id));
      long days = Duration.between(ap.agreement().getOpenedAt(), now).toDays();
      for (String admin : tell) {
        AgreementSteps.queue(
            store,
            ap,
            "agreement-flag:" + ap.pair().getId() + ":" + ap.agreement().getVersion() + ":" + admin,
            new ChatTarget.DirectMessage(admin),
            AgreementMessages.flag(ap, days),
            now);
      }
      ap.agreement().flagged(now);
      AgreementSteps.signal(
          store, ap, null, SignalType.AGREEMENT_FLAGGED, Map.of("admins", tell.size()), now);
    }
    return due.size();
  }

  static int review(Store store, Instant now) {
    int asked = 0;
    for (AgreementPair ap : WorkingAgreements.in(store).reachedNotReviewed()) {
      if (!midProgram(ap, now)) {
        continue;
      }
      ap.agreement().reviewAsked(now);
      AgreementSteps.queue(
          store,
          ap,
          "agreement-review:" + ap.pair().getId(),
          AgreementSteps.both(ap),
          AgreementMessages.review(ap, ap.agreement().terms().orElseThrow()),
          now);
      asked++;
    }
    return asked;
  }

  /** Whether the pair is past halfway from its matching to the program's end, and not ended. */
  static boolean midProgram(AgreementPair ap, Instant now) {
    Program program = ap.program();
    if (program.getStatus() != ProgramStatus.RUNNING) {
      return false;
    }
    Instant from = ap.pair().getCreatedAt();
    Instant end = program.endsAt();
    Instant half = from.plus(Duration.between(from, end).dividedBy(2));
    return !now.isBefore(half) && now.isBefore(end);
  }
}
