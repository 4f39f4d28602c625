package io.tandem.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Outside text made safe for one log line")
class LogTextTest {

  @Test
  @DisplayName("line breaks and control characters are escaped, so no log line can be forged")
  void escapesLineBreaks() {
    String forged = "U1\n2026-01-01 ERROR [main] forged\r\u0000\u2028\u001b[31m";

    String safe = LogText.of(forged);

    assertThat(safe).doesNotContain("\n", "\r", "\u0000", "\u2028", "\u001b");
    assertThat(safe).isEqualTo("U1\\n2026-01-01 ERROR [main] forged\\r\\u0000\\u2028\\u001b[31m");
  }

  @Test
  @DisplayName("long text is cut, saying how much was left out")
  void cutsLongText() {
    String safe = LogText.of("x".repeat(5_000_000));

    assertThat(safe)
        .startsWith("x".repeat(LogText.MAX_LENGTH))
        .endsWith("(4999800 more characters)");
    assertThat(safe.length()).isLessThan(LogText.MAX_LENGTH + 40);
  }

  @Test
  @DisplayName("plain text and null pass as they are")
  void plainText() {
    assertThat(LogText.of("U024BE7LH")).isEqualTo("U024BE7LH");
    assertThat(LogText.of(null)).isEqualTo("null");
    assertThat(LogText.of("Zoë 👩‍💻")).isEqualTo("Zoë 👩‍💻");
  }
}
