package io.tandem.core.learning;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import java.util.Map;
import java.util.Objects;

/**
 * A form Tandem opened was closed without submitting: records {@link SignalType#FORM_ABANDONED}
 * with the form id only (never what was typed). Nothing for people who have not joined.
 */
final class RecordAbandonedForm {

  private final PlanTransactions tx;

  RecordAbandonedForm(PlanTransactions tx) {
    this.tx = tx;
  }

  void formClosed(Actor actor, String formId) {
    Objects.requireNonNull(formId, "formId");
    String form = formId.length() > 64 ? formId.substring(0, 64) : formId;
    tx.db()
        .transaction(
            store -> {
              PairContext.of(store, actor)
                  .ifPresent(
                      ctx ->
                          CheckInSignals.record(
                              ctx, SignalType.FORM_ABANDONED, Map.of("form", form), tx.now()));
              return null;
            });
  }
}
