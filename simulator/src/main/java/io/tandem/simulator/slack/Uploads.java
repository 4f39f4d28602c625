package io.tandem.simulator.slack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files on their way in through {@code files.getUploadURLExternal}, the upload URL and {@code
 * files.completeUploadExternal}, and the ones shared. Thread-safe.
 */
final class Uploads {
  /** A file between {@code files.getUploadURLExternal} and {@code files.completeUploadExternal}. */
  record PendingUpload(String name, int length, String altText, byte[] bytes) {}

  private final Ids ids;
  private final Map<String, PendingUpload> pending = new ConcurrentHashMap<>();
  private final Journal<SlackFile> shared = new Journal<>();

  Uploads(Ids ids) {
    this.ids = ids;
  }

  /** Starts an external upload; returns the file id. */
  String begin(String name, int length, String altText) {
    String id = ids.next('F');
    pending.put(id, new PendingUpload(name, length, altText, null));
    return id;
  }

  /** Takes the bytes POSTed to an upload URL; false when the file is unknown or completed. */
  boolean receive(String fileId, byte[] bytes) {
    PendingUpload upload = pending.get(fileId);
    if (upload == null) {
      return false;
    }
    pending.put(fileId, new PendingUpload(upload.name(), upload.length(), upload.altText(), bytes));
    return true;
  }

  /** A pending upload, if the file id is one. */
  Optional<PendingUpload> pending(String fileId) {
    return Optional.ofNullable(pending.get(fileId));
  }

  /** Completes an upload: the file is shared. */
  void share(SlackFile file) {
    pending.remove(file.id());
    shared.append(file);
  }

  /** The shared files. */
  Journal<SlackFile> shared() {
    return shared;
  }
}
