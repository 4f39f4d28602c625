package io.tandem.simulator.discord;

/**
 * A file the bot attached to a message it sent ({@code multipart/form-data} on {@code POST
 * channels/{id}/messages}).
 *
 * @param id the attachment id the simulator assigned
 * @param messageId the message it belongs to
 * @param filename its file name
 * @param description its description (alt text), or empty
 * @param contentType its content type, e.g. {@code image/png}
 * @param bytes the uploaded bytes
 */
public record DiscordAttachment(
    String id,
    String messageId,
    String filename,
    String description,
    String contentType,
    byte[] bytes) {

  public DiscordAttachment {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "DiscordAttachment[" + filename + ", " + bytes.length + " bytes]";
  }
}
