package io.tandem.simulator.discord;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A modal the bot opened (callback type 9).
 *
 * @param customId the modal's custom id, to pass to {@link DiscordUser#submits}
 * @param title its title
 * @param json the callback data as sent
 */
public record DiscordModal(String customId, String title, JsonObject json) {

  /** The text inputs, whether sent inside labels (type 18) or legacy action rows (type 1). */
  public List<TextInput> inputs() {
    List<TextInput> inputs = new ArrayList<>();
    for (JsonElement element : Json.array(json, "components")) {
      JsonObject outer = element.getAsJsonObject();
      int type = Json.integer(outer, "type", 0);
      if (type == 18 && outer.has("component")) {
        JsonObject inner = outer.getAsJsonObject("component");
        inputs.add(input(inner, Json.string(outer, "label", "")));
      } else if (type == 1) {
        for (JsonElement child : Json.array(outer, "components")) {
          JsonObject inner = child.getAsJsonObject();
          inputs.add(input(inner, Json.string(inner, "label", "")));
        }
      }
    }
    return List.copyOf(inputs);
  }

  private static TextInput input(JsonObject component, String label) {
    return new TextInput(
        Json.string(component, "custom_id", ""),
        label,
        Json.integer(component, "style", 1) == 2,
        !component.has("required") || component.get("required").getAsBoolean(),
        Json.string(component, "value", null));
  }

  /** A text input; {@code paragraph} for multi-line inputs. */
  public record TextInput(
      String customId, String label, boolean paragraph, boolean required, String value) {}
}
