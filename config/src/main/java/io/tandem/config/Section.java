package io.tandem.config;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One mapping of the file, keyed by canonical (kebab-case) key.
 *
 * @param known the keys it may hold
 * @param inTable whether it is a section of {@link SettingKeys#SECTIONS}, so that each of its
 *     settings has an environment variable
 */
record Section(String path, Map<String, JsonNode> entries, List<String> known, boolean inTable) {

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The raw value at {@code key}, or {@code null}. */
  JsonNode raw(String key) {
    JsonNode node = entries.get(key);
    return node == null || node.isNull() || node.isMissingNode() ? null : node;
  }
}
