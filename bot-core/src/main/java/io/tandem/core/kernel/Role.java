package io.tandem.core.kernel;

import java.util.Locale;
import java.util.Optional;

/** A participant's side of a pair. In reverse mentoring the mentor is usually the junior person. */
public enum Role {
  MENTOR,
  MENTEE;

  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
