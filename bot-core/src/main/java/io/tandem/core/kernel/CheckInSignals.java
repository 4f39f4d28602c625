package io.tandem.core.kernel;

import io.tandem.core.checkins.PairContext;
import io.tandem.core.store.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records check-in signals for an actor and their pair. Details never hold what people wrote. */
public final class CheckInSignals {

  private CheckInSignals() {}

  public static Signal record(
      PairContext ctx, SignalType type, Map<String, ?> details, Instant now) {
    return ctx.store()
        .add(
            new Signal(
                ctx.me().getWorkspaceId(),
                type,
                ctx.member().getId(),
                ctx.me().getProgramId(),
                ctx.me().getId(),
                ctx.pair() == null ? null : ctx.pair().getId(),
                now,
                Json.object(new LinkedHashMap<>(details))));
  }
}
