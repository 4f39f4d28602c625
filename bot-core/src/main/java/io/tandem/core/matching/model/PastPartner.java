package io.tandem.core.matching.model;

import java.time.Instant;
import java.util.Objects;

/** Someone a participant was paired with before, and when that pair was made. */
public record PastPartner(String personId, Instant pairedAt) {
  public PastPartner {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(pairedAt, "pairedAt");
  }
}
