package io.tandem.simulator.discord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a typed command line into the {@code data.options} of an INTERACTION_CREATE, the way the
 * Discord client does: subcommand groups and subcommands nest, option values get the type the
 * registered command declares, and (like the client) unknown options, missing required options and
 * values outside the declared choices are refused.
 */
final class SlashOptions {
  private static final int SUB_COMMAND = 1;
  private static final int SUB_COMMAND_GROUP = 2;
  private static final int STRING = 3;
  private static final int INTEGER = 4;
  private static final int BOOLEAN = 5;
  private static final int NUMBER = 10;

  private SlashOptions() {}

  /**
   * @param definition the registered command, or null to send every word as a subcommand and every
   *     value as a string
   */
  static JsonArray build(CommandLine line, JsonObject definition) {
    JsonArray declared = definition == null ? null : Json.array(definition, "options");
    JsonArray top = new JsonArray();
    JsonArray target = top;
    List<String> path = line.path();
    for (int i = 0; i < path.size(); i++) {
      String word = path.get(i);
      int type = i == path.size() - 1 ? SUB_COMMAND : SUB_COMMAND_GROUP;
      if (declared != null) {
        JsonObject option = find(declared, word, "/" + line.name());
        type = Json.integer(option, "type", SUB_COMMAND);
        declared = Json.array(option, "options");
      }
      JsonObject nested = new JsonObject();
      nested.addProperty("name", word);
      nested.addProperty("type", type);
      JsonArray children = new JsonArray();
      nested.add("options", children);
      target.add(nested);
      target = children;
    }
    for (Map.Entry<String, String> given : line.options().entrySet()) {
      JsonObject option = new JsonObject();
      option.addProperty("name", given.getKey());
      int type = STRING;
      if (declared != null) {
        JsonObject declaration = find(declared, given.getKey(), "/" + line.name() + " " + path);
        type = Json.integer(declaration, "type", STRING);
        checkChoice(declaration, given.getValue());
      }
      option.addProperty("type", type);
      switch (type) {
        case INTEGER -> option.addProperty("value", Long.parseLong(given.getValue()));
        case NUMBER -> option.addProperty("value", Double.parseDouble(given.getValue()));
        case BOOLEAN -> option.addProperty("value", Boolean.parseBoolean(given.getValue()));
        default -> option.addProperty("value", given.getValue());
      }
      target.add(option);
    }
    if (declared != null) {
      for (JsonElement element : declared) {
        JsonObject declaration = element.getAsJsonObject();
        boolean required =
            declaration.has("required") && declaration.get("required").getAsBoolean();
        int type = Json.integer(declaration, "type", STRING);
        String name = Json.string(declaration, "name", "");
        if (required && type > SUB_COMMAND_GROUP && !line.options().containsKey(name)) {
          throw new IllegalArgumentException(
              "Discord would not send this command: option " + name + " is required");
        }
      }
    }
    return top;
  }

  /**
   * The names of the value options {@code definition} declares under {@code path} (subcommand group
   * and subcommand names), or {@code null} when the path is not one of its subcommands.
   */
  static Set<String> declaredNames(JsonObject definition, List<String> path) {
    JsonArray declared = Json.array(definition, "options");
    for (String word : path) {
      JsonObject found = null;
      for (JsonElement element : declared) {
        JsonObject option = element.getAsJsonObject();
        if (word.equals(Json.string(option, "name", null))
            && Json.integer(option, "type", STRING) <= SUB_COMMAND_GROUP) {
          found = option;
        }
      }
      if (found == null) {
        return null;
      }
      declared = Json.array(found, "options");
    }
    Set<String> names = new HashSet<>();
    for (JsonElement element : declared) {
      JsonObject option = element.getAsJsonObject();
      if (Json.integer(option, "type", STRING) > SUB_COMMAND_GROUP) {
        names.add(Json.string(option, "name", ""));
      }
    }
    return names;
  }

  private static JsonObject find(JsonArray declared, String name, String where) {
    for (JsonElement element : declared) {
      JsonObject option = element.getAsJsonObject();
      if (name.equals(Json.string(option, "name", null))) {
        return option;
      }
    }
    throw new IllegalArgumentException(
        "Discord would not send this command: " + where + " has no option or subcommand " + name);
  }

  private static void checkChoice(JsonObject declaration, String value) {
    JsonArray choices = Json.array(declaration, "choices");
    if (choices.isEmpty()) {
      return;
    }
    for (JsonElement choice : choices) {
      if (value.equals(Json.string(choice.getAsJsonObject(), "value", null))) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "Discord would not send this command: "
            + value
            + " is not one of the choices of "
            + Json.string(declaration, "name", "")
            + ": "
            + choices);
  }
}
