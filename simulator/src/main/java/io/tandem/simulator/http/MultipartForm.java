package io.tandem.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads multipart/form-data request bodies, as both simulators receive them: Slack file uploads
 * (the external upload URL) and Discord messages with files (JDA's {@code payload_json} and {@code
 * files[n]} parts). Parts are cut at the byte level so file contents stay exact.
 */
public final class MultipartForm {
  private MultipartForm() {}

  /**
   * One part of the form.
   *
   * @param name the form field name, e.g. {@code payload_json} or {@code files[0]}; empty if none
   * @param filename the file name from {@code Content-Disposition}, or {@code null} if the part is
   *     not a file
   * @param contentType the part's {@code Content-Type}, or {@code application/octet-stream}
   * @param bytes the content, without the line break before the next delimiter
   */
  public record Part(String name, String filename, String contentType, byte[] bytes) {
    /** Whether the part carries a file name, i.e. is an uploaded file. */
    public boolean isFile() {
      return filename != null;
    }

    /** The content as UTF-8 text. */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=(?:\"([^\"]*)\"|([^;\\s]*))");

  /** Whether a {@code Content-Type} header value announces a multipart/form-data body. */
  public static boolean isMultipart(String contentType) {
    return contentType != null && contentType.startsWith("multipart/form-data");
  }

  /** The parts of the body, in order; empty if the content type names no boundary. */
  public static List<Part> parts(String contentType, byte[] body) {
    List<Part> parts = new ArrayList<>();
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return parts;
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
      Matcher name = NAME.matcher(headers);
      Matcher filename = FILENAME.matcher(headers);
      String type = "application/octet-stream";
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          type = line.substring("content-type:".length()).strip();
        }
      }
      int contentStart = headersEnd + separator.length;
      int contentEnd = Math.max(contentStart, next - 2); // the CRLF before the delimiter
      parts.add(
          new Part(
              name.find() ? name.group(1) : "",
              filename.find()
                  ? Optional.ofNullable(filename.group(1)).orElse(filename.group(2))
                  : null,
              type,
              Arrays.copyOfRange(body, contentStart, contentEnd)));
      start = next;
    }
    return parts;
  }

  /** The files of the body, in order, with their exact bytes. */
  public static List<Part> files(String contentType, byte[] body) {
    return parts(contentType, body).stream().filter(Part::isFile).toList();
  }

  /** The first part with the given field name. */
  public static Optional<Part> field(String contentType, byte[] body, String name) {
    return parts(contentType, body).stream().filter(p -> p.name().equals(name)).findFirst();
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
}
