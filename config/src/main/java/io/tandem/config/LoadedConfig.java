package io.tandem.config;

import java.util.Map;
import java.util.Objects;

/**
 * A validated configuration together with where each of its settings came from.
 *
 * @param config the configuration
 * @param sources by key path ({@code http.port}), the settings that were set; a key not here has
 *     its default
 * @param strayVariables environment variables that start with {@value ConfigLoader#ENV_PREFIX} but
 *     set no setting (a typo, or a setting that no longer exists), each with the closest setting's
 *     variable when one is close
 */
public record LoadedConfig(
    TandemConfig config, Map<String, ValueSource> sources, Map<String, String> strayVariables) {

  public LoadedConfig {
    Objects.requireNonNull(config, "config");
    sources = Map.copyOf(sources);
    strayVariables = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(strayVariables));
  }

  /** Where the setting at {@code key} (like {@code database.password}) came from. */
  public ValueSource sourceOf(String key) {
    return sources.getOrDefault(key, ValueSource.DEFAULT);
  }
}
