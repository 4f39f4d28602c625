package io.tandem.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import io.tandem.core.port.out.DeliveryResult;
import io.tandem.core.port.out.OutgoingMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The first half of Slack's external upload flow for a message's charts and files: {@code
 * files.getUploadURLExternal} (file name, length, alt text), then a POST of the bytes to the {@code
 * upload_url} it returns. {@code files.completeUploadExternal} then shares them.
 */
final class SlackFileUploads {
  /** The uploaded files, ready to be shared, or why they are not. */
  record Uploaded(List<FileDetails> files, DeliveryResult failure) {}

  /** How long the POST of one file's bytes to its {@code upload_url} may take. */
  private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(30);

  private final MethodsClient methods;
  private final SlackChatPort.Limits limits;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  SlackFileUploads(MethodsClient methods, SlackChatPort.Limits limits) {
    this.methods = methods;
    this.limits = limits;
  }

  /** Uploads every file of {@code message}; stops at the first failure. */
  Uploaded upload(OutgoingMessage message)
      throws IOException, SlackApiException, InterruptedException {
    List<FileDetails> files = new ArrayList<>();
    for (OutgoingMessage.Upload attachment : message.uploads()) {
      byte[] bytes = attachment.bytes();
      limits.workspace().acquire("workspace");
      FilesGetUploadURLExternalResponse url =
          methods.filesGetUploadURLExternal(
              r ->
                  r.filename(attachment.fileName())
                      .length(bytes.length)
                      .altTxt(attachment.title()));
      if (!url.isOk()) {
        return new Uploaded(List.of(), SlackErrors.failure(url));
      }
      DeliveryResult failed = post(url.getUploadUrl(), bytes);
      if (failed != null) {
        return new Uploaded(List.of(), failed);
      }
      files.add(FileDetails.builder().id(url.getFileId()).title(attachment.title()).build());
    }
    return new Uploaded(files, null);
  }

  /**
   * POSTs one file's bytes to its {@code upload_url}.
   *
   * @return {@code null} when Slack took them, else the failure
   */
  private DeliveryResult post(String uploadUrl, byte[] bytes)
      throws IOException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(uploadUrl);
    } catch (IllegalArgumentException | NullPointerException e) {
      return DeliveryResult.permanentFailure(
          "files.getUploadURLExternal gave no usable upload_url");
    }
    limits.workspace().acquire("workspace");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (status == 200) {
      return null;
    }
    if (status == 429) {
      return DeliveryResult.retryAfter(
          SlackErrors.retryAfter(response.headers().firstValue("Retry-After").orElse(null)),
          "file upload rate-limited");
    }
    if (status >= 500) {
      return DeliveryResult.transientFailure("file upload: HTTP " + status);
    }
    // an upload_url lapses after a while; a new try asks for a new one
    return DeliveryResult.transientFailure("file upload refused: HTTP " + status);
  }
}
