package io.tandem.config;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Wording shared by the problems the loader reports. */
final class Messages {

  private Messages() {}

  /** {@code is not a known setting; known: …; did you mean …?} */
  static String unknownKey(String key, List<String> known) {
    return "is not a known setting; known: "
        + String.join(", ", known)
        + Suggestions.closest(key, known)
            .map(suggestion -> "; did you mean " + suggestion + "?")
            .orElse("");
  }

  /** {@code a mapping}, {@code a list} or {@code a single value}. */
  static String kind(JsonNode raw) {
    if (raw.isObject()) {
      return "a mapping";
    }
    if (raw.isArray()) {
      return "a list";
    }
    return "a single value";
  }

  /** {@code missing: is required when present is set (set VARIABLE)}. */
  static String requiredWhen(Setting missing, Setting present, String envVar) {
    return missing.missing("is required when " + present.path() + " is set (set " + envVar + ")");
  }
}
