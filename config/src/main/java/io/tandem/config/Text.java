package io.tandem.config;

import java.util.List;
import java.util.Locale;

/** Small string helpers shared by the records and the loader. */
final class Text {

  private Text() {}

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static boolean isDigits(String value) {
    return value != null && !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static List<String> immutableList(List<String> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
