package io.tandem.config;

import java.util.Map;
import java.util.Objects;

/**
 * A validated configuration together with where each of its settings came from.
 *
 * @param config the configuration
 * @param sources by key path ({@code http.port}), the settings that were set; a key not here has
 *     its default
 */
public record LoadedConfig(TandemConfig config, Map<String, ValueSource> sources) {

  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    sources = Map.copyOf(sources);
  }

  /** Where the setting at {@code key} (like {@code database.password}) came from. */
  public ValueSource sourceOf(String key) {
    return sources.getOrDefault(key, ValueSource.DEFAULT);
  }
}
