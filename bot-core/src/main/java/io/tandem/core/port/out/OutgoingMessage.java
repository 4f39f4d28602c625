package io.tandem.core.port.out;

import io.tandem.core.port.in.Reply;
import java.util.List;
import java.util.Objects;

/**
 * One message the outbox hands to a {@link ChatPort}.
 *
 * @param dedupKey the outbox deduplication key, e.g. {@code welcome:42}; stable across retries, so
 *     a port may pass it to the platform as an idempotency key where the platform has one
 * @param target where it goes
 * @param reply what it says, in the platform-neutral form (its visibility is ignored: a DM is
 *     private by nature, a channel message public)
 * @param attempt 1 for the first try, counting earlier failed tries
 * @param attachments charts to show with the message, drawn at delivery; usually none. A message
 *     with attachments goes to a DM or channel (an App Home view has no place for files)
 * @param files text files to send with the message, after the charts; usually none
 */
public record OutgoingMessage(
    String dedupKey,
    ChatTarget target,
    Reply reply,
    int attempt,
    List<ChartAttachment> attachments,
    List<FileAttachment> files) {
  public OutgoingMessage {
    Objects.requireNonNull(dedupKey, "dedupKey");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reply, "reply");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
    attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    files = List.copyOf(Objects.requireNonNull(files, "files"));
  }

  /** A message with charts and no files. */
  public OutgoingMessage(
      String dedupKey,
      ChatTarget target,
      Reply reply,
      int attempt,
      List<ChartAttachment> attachments) {
    this(dedupKey, target, reply, attempt, attachments, List.of());
  }

  /**
   * One file to upload with a message: a chart's PNG or a text file.
   *
   * @param title the title and alt text the platform shows
   */
  public record Upload(String fileName, byte[] bytes, String title) {}

  /** Every file to upload with this message: the charts (drawn now), then the text files. */
  public List<Upload> uploads() {
    List<Upload> uploads = new java.util.ArrayList<>();
    for (ChartAttachment chart : attachments) {
      uploads.add(new Upload(chart.fileName(), chart.png(), chart.altText()));
    }
    for (FileAttachment file : files) {
      uploads.add(new Upload(file.fileName(), file.bytes(), file.fileName()));
    }
    return uploads;
  }

  /** Whether anything is to be uploaded with the message. */
  public boolean hasUploads() {
    return !attachments.isEmpty() || !files.isEmpty();
  }

  /** A message without attachments. */
  public OutgoingMessage(String dedupKey, ChatTarget target, Reply reply, int attempt) {
    this(dedupKey, target, reply, attempt, List.of(), List.of());
  }
}
