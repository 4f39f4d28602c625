package io.tandem.simulator.slack;

import java.time.Instant;

/**
 * A file the app uploaded and shared with Slack's external upload flow ({@code
 * files.getUploadURLExternal}, a POST of the bytes to the {@code upload_url}, {@code
 * files.completeUploadExternal}).
 *
 * @param id the file id ({@code F…})
 * @param name the {@code filename} given to {@code files.getUploadURLExternal}
 * @param title the title given to {@code files.completeUploadExternal}, or the name
 * @param altText the {@code alt_txt}, or empty
 * @param channel where it was shared ({@code channel_id})
 * @param initialComment the message text shared with it, or empty
 * @param bytes the uploaded bytes
 * @param time when it was shared, by the simulator's clock
 */
public record SlackFile(
    String id,
    String name,
    String title,
    String altText,
    String channel,
    String initialComment,
    byte[] bytes,
    Instant time) {

  public SlackFile {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "SlackFile[" + id + " " + name + " in " + channel + ", " + bytes.length + " bytes]";
  }
}
