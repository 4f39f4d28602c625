package io.tandem.core.matching.model;

import java.util.Objects;

/** A proposed pair by ids, e.g. one an admin adjusted with {@code match swap}. */
public record Pairing(String mentorId, String menteeId) {
  public Pairing {
    Objects.requireNonNull(mentorId, "mentorId");
    Objects.requireNonNull(menteeId, "menteeId");
  }
}
