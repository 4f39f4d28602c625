package io.tandem.simulator.slack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Finds the bytes of the first part with a file name in a multipart/form-data body. */
final class MultipartFile {
  private MultipartFile() {}

  /** The content of the first part whose headers name a {@code filename}, or {@code null}. */
  static byte[] firstFile(String contentType, byte[] body) {
    int at = contentType.indexOf("boundary=");
    if (at < 0) {
      return null;
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
      if (headersEnd < 0 || next < 0) {
        return null;
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      if (headers.contains("filename=")) {
        int contentEnd = next - 2; // the CRLF before the delimiter
        return Arrays.copyOfRange(body, headersEnd + separator.length, contentEnd);
      }
      start = next;
    }
    return null;
  }

  static int indexOf(byte[] haystack, byte[] needle, int from) {
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
