package io.tandem.core.checkins;

import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records signals about participants and pairs. Details never hold what people wrote.
 *
 * <p>Both helpers write the same row; {@link #record} fills it from an actor's context, {@link
 * #about} from ids, for jobs and changes that have no actor's context.
 */
public final class CheckInSignals {

  private CheckInSignals() {}

  public static Signal record(
      PairContext ctx, SignalType type, Map<String, ?> details, Instant now) {
    return about(
        ctx.store(),
        new Subject(
            ctx.me().getWorkspaceId(),
            ctx.member().getId(),
            ctx.me().getProgramId(),
            ctx.me().getId(),
            ctx.pair() == null ? null : ctx.pair().getId()),
        type,
        details,
        now);
  }

  /**
   * Who a signal is about.
   *
   * @param memberId the member who acted or is concerned, or {@code null} for the pair as a whole
   * @param participantId their participation, or {@code null}
   * @param pairId their pair, or {@code null}
   */
  public record Subject(
      long workspaceId, Long memberId, long programId, Long participantId, Long pairId) {}

  public static Signal about(
      Store store, Subject subject, SignalType type, Map<String, ?> details, Instant now) {
    return store.add(unsaved(subject, type, details, now));
  }

  /** The signal {@link #about} records, not yet stored: for jobs that write many at once. */
  public static Signal unsaved(
      Subject subject, SignalType type, Map<String, ?> details, Instant now) {
    return new Signal(
        subject.workspaceId(),
        type,
        subject.memberId(),
        subject.programId(),
        subject.participantId(),
        subject.pairId(),
        now,
        Json.object(new LinkedHashMap<>(details)));
  }
}
