package io.tandem.core.pulse;

import io.tandem.core.port.in.Platform;
import io.tandem.core.pulse.persistence.JpaPairCheckIns;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pair check-ins and the points programs ask them at. Called by the check-in job, the answer
 * buttons, {@code program checkins} and the report, inside the caller's transaction. One per
 * transaction, not thread-safe.
 */
public interface PairCheckIns {

  static PairCheckIns in(Store store) {
    return new JpaPairCheckIns(store);
  }

  Optional<PairCheckIn> find(long pairId, long participantId, int pointDays);

  void add(PairCheckIn checkIn);

  /** The points the program's admins set, or empty for {@link CheckInPoints#DEFAULT}. */
  Optional<ProgramCheckInPoints> points(long programId);

  void add(ProgramCheckInPoints points);

  /**
   * Every person of every active pair in a running program whose program asks check-ins, with what
   * is needed to ask them: one query, however many pairs.
   */
  List<Candidate> candidates();

  /**
   * The answers of a program's check-ins in {@code [from, end)}, counted, to be shown from {@code
   * threshold} answers on.
   */
  CheckInSummary summary(long programId, Instant from, Instant end, int threshold);

  /**
   * One person of an active pair.
   *
   * @param points the program's stored points, or {@code null} for the default
   * @param timeZone the person's time zone (profile, then platform), or {@code null}
   * @param lastAsked the latest point this person was asked at in this pair, or 0
   */
  record Candidate(
      long pairId,
      long workspaceId,
      long programId,
      Instant made,
      Platform platform,
      String points,
      long participantId,
      String userId,
      String partnerName,
      String timeZone,
      int lastAsked) {

    public CheckInPoints checkInPoints() {
      return points == null ? CheckInPoints.DEFAULT : CheckInPoints.stored(points);
    }
  }
}
