package io.tandem.simulator.slack;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} in both directions, as Slack's slash-command and
 * interaction requests and its Web API use it.
 */
public final class Forms {
  private Forms() {}

  /** Decodes a form or query string; a repeated name keeps its last value. */
  public static Map<String, String> decode(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return fields;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** Encodes fields in their iteration order. */
  public static String encode(Map<String, String> fields) {
    StringJoiner joiner = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            joiner.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
    return joiner.toString();
  }
}
