package io.tandem.simulator.discord;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Small null-tolerant accessors over Gson trees. */
final class Json {
  static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  private Json() {}

  static String string(JsonObject object, String key, String fallback) {
    JsonElement value = object == null ? null : object.get(key);
    return value == null || value.isJsonNull() ? fallback : value.getAsString();
  }

  static int integer(JsonObject object, String key, int fallback) {
    JsonElement value = object == null ? null : object.get(key);
    return value == null || value.isJsonNull() ? fallback : value.getAsInt();
  }

  static JsonArray array(JsonObject object, String key) {
    JsonElement value = object == null ? null : object.get(key);
    return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
  }

  static JsonObject object(JsonObject object, String key) {
    JsonElement value = object == null ? null : object.get(key);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  static JsonArray strings(Iterable<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  static JsonObject parseObject(String text) {
    return GSON.fromJson(text, JsonObject.class);
  }
}
