package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code files.getUploadURLExternal} and {@code files.completeUploadExternal}: Slack's two-step
 * upload, with the bytes POSTed to the upload URL in between.
 */
final class FileMethods {
  private final SlackSimulator sim;

  FileMethods(SlackSimulator sim) {
    this.sim = sim;
  }

  JsonObject getUploadUrlExternal(ApiCall call) {
    String name = call.param("filename");
    String length = call.param("length");
    if (WebApiAnswers.isBlank(name) || WebApiAnswers.isBlank(length)) {
      return WebApiHandler.error("invalid_arguments");
    }
    int bytes;
    try {
      bytes = Integer.parseInt(length.strip());
    } catch (NumberFormatException e) {
      return WebApiHandler.error("invalid_arguments");
    }
    if (bytes < 1) {
      return WebApiHandler.error("invalid_arguments");
    }
    String fileId =
        sim.uploads()
            .begin(name, bytes, call.param("alt_txt") == null ? "" : call.param("alt_txt"));
    JsonObject answer = WebApiAnswers.ok();
    answer.addProperty("upload_url", sim.baseUri() + "upload/" + fileId);
    answer.addProperty("file_id", fileId);
    return answer;
  }

  JsonObject completeUploadExternal(ApiCall call) {
    JsonElement list = WebApiHandler.parseJson(call.param("files"));
    if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
      return WebApiHandler.error("invalid_arguments");
    }
    String channelId = call.param("channel_id");
    Optional<String> channel =
        WebApiAnswers.isBlank(channelId)
            ? Optional.<String>empty()
            : WebApiAnswers.resolveChannel(sim, channelId);
    if (!WebApiAnswers.isBlank(channelId) && channel.isEmpty()) {
      return WebApiHandler.error("channel_not_found");
    }
    List<SlackFile> shared = new ArrayList<>();
    JsonArray filesJson = new JsonArray();
    String comment = call.param("initial_comment") == null ? "" : call.param("initial_comment");
    for (JsonElement element : list.getAsJsonArray()) {
      Optional<String> refused = complete(call, element, channel, comment, shared);
      if (refused.isPresent()) {
        return WebApiHandler.error(refused.get());
      }
      SlackFile file = shared.get(shared.size() - 1);
      JsonObject fileJson = new JsonObject();
      fileJson.addProperty("id", file.id());
      fileJson.addProperty("title", file.title());
      filesJson.add(fileJson);
    }
    shared.forEach(sim.uploads()::share);
    if (channel.isPresent()) {
      String ts = sim.ids().ts();
      JsonArray noBlocks = new JsonArray();
      sim.recordMessage(
          new SlackMessage(
              channel.get(), ts, comment, noBlocks, false, null, call.method(), call.time()));
      sim.traffic().publishFromApp(call, channel.get());
    }
    JsonObject answer = WebApiAnswers.ok();
    answer.add("files", filesJson);
    return answer;
  }

  /**
   * Adds the file one entry of {@code files} names to {@code shared}, or says Slack's error when
   * the entry has no id or its upload is unknown, unfinished or of another length.
   */
  private Optional<String> complete(
      ApiCall call,
      JsonElement element,
      Optional<String> channel,
      String comment,
      List<SlackFile> shared) {
    if (!element.isJsonObject() || !element.getAsJsonObject().has("id")) {
      return Optional.of("invalid_arguments");
    }
    JsonObject details = element.getAsJsonObject();
    String id = details.get("id").getAsString();
    Optional<Uploads.PendingUpload> pending = sim.uploads().pending(id);
    if (pending.isEmpty()) {
      return Optional.of("file_not_found");
    }
    if (pending.get().bytes() == null) {
      return Optional.of("file_upload_incomplete");
    }
    if (pending.get().bytes().length != pending.get().length()) {
      return Optional.of("file_size_mismatch");
    }
    String title =
        details.has("title") && !details.get("title").isJsonNull()
            ? details.get("title").getAsString()
            : pending.get().name();
    shared.add(
        new SlackFile(
            id,
            pending.get().name(),
            title,
            pending.get().altText(),
            channel.orElse(null),
            comment,
            pending.get().bytes(),
            call.time()));
    return Optional.empty();
  }
}
