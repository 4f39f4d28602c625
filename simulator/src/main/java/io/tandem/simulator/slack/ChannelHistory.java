package io.tandem.simulator.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code conversations.history} reads: the messages the app posted with {@code
 * chat.postMessage}, per channel, as Slack stores them (with their {@code metadata}). Thread-safe.
 *
 * <p>Pages newest first, like Slack: {@code oldest}/{@code latest} bound the range ({@code
 * inclusive} includes messages at exactly those timestamps), {@code limit} caps a page, and a page
 * that stops early carries {@code has_more} and a {@code response_metadata.next_cursor} to pass
 * back as {@code cursor}.
 */
final class ChannelHistory {

  private static final String CURSOR_PREFIX = "next_ts:";

  /** Slack's default page size for {@code conversations.history}, and its maximum. */
  static final int DEFAULT_LIMIT = 100;

  static final int MAX_LIMIT = 999;

  private final Map<String, List<JsonObject>> byChannel = new HashMap<>();

  /** Stores a posted message ({@code ts} increases across the simulator, so order is kept). */
  synchronized void append(String channel, JsonObject message) {
    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(message.deepCopy());
  }

  /** Removes a deleted message; true when it was there. */
  synchronized boolean remove(String channel, String ts) {
    List<JsonObject> messages = byChannel.get(channel);
    return messages != null && messages.removeIf(m -> ts.equals(m.get("ts").getAsString()));
  }

  /**
   * One page of a channel's history, as the body of a successful {@code conversations.history}
   * answer.
   *
   * @param includeAllMetadata when false, each message's metadata keeps only its {@code
   *     event_type}: Slack returns the {@code event_payload} only when asked for all metadata
   */
  synchronized JsonObject page(
      String channel,
      String oldest,
      String latest,
      boolean inclusive,
      int limit,
      String cursor,
      boolean includeAllMetadata) {
    BigDecimal low = oldest == null || oldest.isBlank() ? null : new BigDecimal(oldest);
    BigDecimal high = latest == null || latest.isBlank() ? null : new BigDecimal(latest);
    BigDecimal from = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor);
    int size = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);

    List<JsonObject> messages = byChannel.getOrDefault(channel, List.of());
    JsonArray page = new JsonArray();
    String nextCursor = null;
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonObject message = messages.get(i);
      BigDecimal ts = new BigDecimal(message.get("ts").getAsString());
      if (from != null && ts.compareTo(from) > 0) {
        continue;
      }
      if (high != null && (inclusive ? ts.compareTo(high) > 0 : ts.compareTo(high) >= 0)) {
        continue;
      }
      if (low != null && (inclusive ? ts.compareTo(low) < 0 : ts.compareTo(low) <= 0)) {
        break;
      }
      if (page.size() == size) {
        nextCursor = encodeCursor(message.get("ts").getAsString());
        break;
      }
      page.add(shown(message, includeAllMetadata));
    }
    JsonObject answer = new JsonObject();
    answer.addProperty("ok", true);
    answer.add("messages", page);
    answer.addProperty("has_more", nextCursor != null);
    answer.addProperty("pin_count", 0);
    JsonObject responseMetadata = new JsonObject();
    responseMetadata.addProperty("next_cursor", nextCursor == null ? "" : nextCursor);
    answer.add("response_metadata", responseMetadata);
    return answer;
  }

  private static JsonObject shown(JsonObject message, boolean includeAllMetadata) {
    JsonObject copy = message.deepCopy();
    if (!includeAllMetadata && copy.has("metadata") && copy.get("metadata").isJsonObject()) {
      JsonObject metadata = copy.getAsJsonObject("metadata");
      JsonObject typeOnly = new JsonObject();
      if (metadata.has("event_type")) {
        typeOnly.add("event_type", metadata.get("event_type"));
      }
      copy.add("metadata", typeOnly);
    }
    return copy;
  }

  private static String encodeCursor(String ts) {
    return Base64.getEncoder()
        .encodeToString((CURSOR_PREFIX + ts).getBytes(StandardCharsets.UTF_8));
  }

  private static BigDecimal decodeCursor(String cursor) {
    String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
    if (!text.startsWith(CURSOR_PREFIX)) {
      throw new IllegalArgumentException("not a history cursor: " + cursor);
    }
    return new BigDecimal(text.substring(CURSOR_PREFIX.length()));
  }
}
