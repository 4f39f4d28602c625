package io.tandem.core.agreement;

import io.tandem.core.store.Store;
import java.util.Optional;

/** The pair's working agreement in one line, for {@code status} and the Home. */
public final class AgreementLine {

  private AgreementLine() {}

  /** The line, or empty for a pair that has no agreement (paired before agreements existed). */
  public static Optional<String> of(Store store, long pairId) {
    return WorkingAgreements.in(store).ofPair(pairId).map(AgreementMessages::line);
  }
}
