package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("retention.private-notes")
class RetentionConfigTest {

  @Test
  @DisplayName("is off by default, so private notes are kept")
  void offByDefault() throws Exception {
    TandemConfig config = ConfigLoader.fromYaml("stop-grace: 20s\n", Map.of());
    assertThat(config.retention().privateNotes()).isEmpty();
    assertThat(config.describe()).contains("retention:\n  private-notes: (kept)");
  }

  @Test
  @DisplayName("takes an age in days")
  void age() throws Exception {
    TandemConfig config = ConfigLoader.fromYaml("retention:\n  private-notes: 365d\n", Map.of());
    assertThat(config.retention().privateNotes()).contains(Duration.ofDays(365));
    assertThat(config.describe()).contains("private-notes: 365d");
  }

  @Test
  @DisplayName("a bad age is reported with its key and an example")
  void badAge() {
    ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class,
            () -> ConfigLoader.fromYaml("retention:\n  private-notes: soon\n", Map.of()));
    assertThat(e.problems())
        .containsExactly(
            "retention.private-notes: \"soon\" is not an age between 1d and 36500d (like 365d)");
  }
}
