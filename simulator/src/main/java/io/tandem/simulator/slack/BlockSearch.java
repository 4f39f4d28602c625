package io.tandem.simulator.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** Finds an interactive element by {@code action_id} in Block Kit JSON. */
final class BlockSearch {
  private BlockSearch() {}

  /** Where an element sits: its block's id and the element itself. */
  record Found(String blockId, JsonObject element) {}

  static Optional<Found> find(JsonElement blocks, String actionId) {
    if (blocks == null || !blocks.isJsonArray()) {
      return Optional.empty();
    }
    for (JsonElement block : blocks.getAsJsonArray()) {
      if (!block.isJsonObject()) {
        continue;
      }
      JsonObject object = block.getAsJsonObject();
      String blockId = BlockText.string(object, "block_id");
      for (String member : new String[] {"accessory", "element"}) {
        Optional<Found> found = match(object.get(member), blockId, actionId);
        if (found.isPresent()) {
          return found;
        }
      }
      JsonElement elements = object.get("elements");
      if (elements != null && elements.isJsonArray()) {
        for (JsonElement element : elements.getAsJsonArray()) {
          Optional<Found> found = match(element, blockId, actionId);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Found> match(JsonElement element, String blockId, String actionId) {
    if (element != null
        && element.isJsonObject()
        && actionId.equals(BlockText.string(element.getAsJsonObject(), "action_id"))) {
      return Optional.of(new Found(blockId == null ? "" : blockId, element.getAsJsonObject()));
    }
    return Optional.empty();
  }
}
