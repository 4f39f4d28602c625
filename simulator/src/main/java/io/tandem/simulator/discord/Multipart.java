package io.tandem.simulator.discord;

import java.util.Optional;

/** Finds the {@code payload_json} part of a multipart/form-data body (JDA sends files that way). */
final class Multipart {
  private Multipart() {}

  static Optional<String> payloadJson(String contentType, String body) {
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return Optional.empty();
    }
    String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "").strip();
    for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      String headers = part.substring(0, headersEnd);
      if (headers.contains("name=\"payload_json\"")) {
        String content = part.substring(headersEnd + 4);
        return Optional.of(
            content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content);
      }
    }
    return Optional.empty();
  }
}
