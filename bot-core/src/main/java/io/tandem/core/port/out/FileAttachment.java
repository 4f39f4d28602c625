package io.tandem.core.port.out;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A text file that travels with an outgoing message, e.g. the JSON of {@code my data}. The outbox
 * stores its text in the message's payload; the {@link ChatPort} uploads it (Slack) or attaches it
 * (Discord) like a chart.
 *
 * @param fileName 1 to 80 letters, digits, dots, dashes or underscores, with an extension
 * @param text the file's content, sent as UTF-8
 */
public record FileAttachment(String fileName, String text) {

  /** The most a file may hold: far below both platforms' upload limits. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,76}\\.[a-z]{1,4}");

  public FileAttachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(text, "text");
    if (!FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException(
          "a file name is up to 80 letters, digits, '.', '-' or '_' with an extension, not \""
              + fileName
              + "\"");
    }
    if (text.length() > MAX_BYTES) {
      throw new IllegalArgumentException("a file holds at most " + MAX_BYTES + " bytes");
    }
  }

  public byte[] bytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
