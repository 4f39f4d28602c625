package io.tandem.core.domain;

import java.util.Locale;
import java.util.Optional;

/** How a participant prefers to meet. */
public enum Communication {
  CHAT("chat"),
  CALL("call"),
  IN_PERSON("in person");

  private final String label;

  Communication(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** {@code chat}, {@code call}, {@code in person} (also {@code in-person}, {@code inperson}). */
  public static Optional<Communication> parse(String text) {
    String key =
        text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    for (Communication c : values()) {
      if (c.label.replace(" ", "").equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
