package io.tandem.core.intake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.Platform;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code inbox.request}: an {@link InboundRequest} as JSON, and back. */
final class RequestJson {

  private RequestJson() {}

  static String write(InboundRequest r) {
    JsonObject json = new JsonObject();
    json.addProperty("platform", r.platform().name());
    json.addProperty("key", r.deliveryKey());
    json.addProperty("kind", r.kind().name());
    json.addProperty("workspace", r.workspaceId());
    json.addProperty("user", r.userId());
    json.addProperty("userName", r.userName());
    json.addProperty("timeZone", r.timeZone());
    json.addProperty("admin", r.admin());
    json.addProperty("channel", r.channelId());
    json.addProperty("name", r.name());
    json.addProperty("value", r.value());
    JsonObject values = new JsonObject();
    r.values().forEach(values::addProperty);
    json.add("values", values);
    json.addProperty("replyAddress", r.replyAddress());
    json.addProperty("receivedAt", r.receivedAt().toEpochMilli());
    if (!r.mentions().isEmpty()) {
      JsonObject mentions = new JsonObject();
      r.mentions().forEach(mentions::addProperty);
      json.add("mentions", mentions);
    }
    return json.toString();
  }

  static InboundRequest read(String text) {
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    Map<String, String> values = new LinkedHashMap<>();
    json.getAsJsonObject("values")
        .entrySet()
        .forEach(e -> values.put(e.getKey(), string(e.getValue())));
    JsonElement admin = json.get("admin");
    // rows stored before mentions travelled beside the text have none
    Map<String, String> mentions = new LinkedHashMap<>();
    if (json.has("mentions")) {
      json.getAsJsonObject("mentions")
          .entrySet()
          .forEach(e -> mentions.put(e.getKey(), string(e.getValue())));
    }
    return new InboundRequest(
        Platform.valueOf(json.get("platform").getAsString()),
        json.get("key").getAsString(),
        InboundRequest.Kind.valueOf(json.get("kind").getAsString()),
        string(json.get("workspace")),
        string(json.get("user")),
        string(json.get("userName")),
        string(json.get("timeZone")),
        admin == null || admin.isJsonNull() ? null : admin.getAsBoolean(),
        string(json.get("channel")),
        string(json.get("name")),
        string(json.get("value")),
        values,
        string(json.get("replyAddress")),
        Instant.ofEpochMilli(json.get("receivedAt").getAsLong()),
        mentions);
  }

  private static String string(JsonElement element) {
    return element == null || element.isJsonNull() ? null : element.getAsString();
  }
}
