package io.tandem.simulator.discord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads multipart/form-data bodies (JDA sends files that way): {@code payload_json} and files. */
final class Multipart {
  private Multipart() {}

  /**
   * One file part, e.g. {@code files[0]}.
   *
   * @param field the form field name
   * @param filename the file name from {@code Content-Disposition}
   * @param contentType the part's {@code Content-Type}, or {@code application/octet-stream}
   * @param bytes the content
   */
  record FilePart(String field, String filename, String contentType, byte[] bytes) {}

  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  /** The parts that carry a file name, in order, with their exact bytes. */
  static List<FilePart> files(String contentType, byte[] body) {
    List<FilePart> files = new ArrayList<>();
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return files;
    }
    String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "").strip();
    int semicolon = boundary.indexOf(';');
    if (semicolon >= 0) {
      boundary = boundary.substring(0, semicolon);
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int headersStart = start + delimiter.length;
      int headersEnd = indexOf(body, separator, headersStart);
      int next = indexOf(body, delimiter, headersStart);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        break;
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      Matcher filename = FILENAME.matcher(headers);
      if (filename.find()) {
        Matcher name = NAME.matcher(headers);
        String type = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
            type = line.substring("content-type:".length()).strip();
          }
        }
        files.add(
            new FilePart(
                name.find() ? name.group(1) : "",
                filename.group(1),
                type,
                Arrays.copyOfRange(body, headersEnd + separator.length, next - 2)));
      }
      start = next;
    }
    return files;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

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
