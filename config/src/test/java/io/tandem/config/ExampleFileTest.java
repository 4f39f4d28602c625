package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("tandem.example.yml")
class ExampleFileTest {

  private static String example() throws IOException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/tandem.example.yml")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName("is valid and equals the defaults when no variables are set")
  void matchesDefaults() throws Exception {
    assertThat(ConfigLoader.fromYaml(example(), Map.of())).isEqualTo(TandemConfig.defaults());
  }

  @Test
  @DisplayName("picks up tokens from the environment")
  void withTokens() throws Exception {
    // given
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", ConfigLoaderTest.BOT_TOKEN,
            "SLACK_APP_TOKEN", ConfigLoaderTest.APP_TOKEN);
    // when
    TandemConfig config = ConfigLoader.fromYaml(example(), env);
    // then
    assertThat(config.slack().configured()).isTrue();
    assertThat(config.discord().configured()).isFalse();
  }
}
