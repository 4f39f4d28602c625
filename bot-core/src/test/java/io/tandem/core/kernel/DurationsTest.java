package io.tandem.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 0 minutes",
    "1, 1 minute",
    "45, 45 minutes",
    "60, 1 hour",
    "90, 1 h 30 min",
    "120, 2 hours",
    "481, 8 h 1 min"
  })
  void formatsMinutesLikePeopleSayThem(long minutes, String expected) {
    assertThat(Durations.humanMinutes(minutes)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void rejectsNegative() {
    assertThatThrownBy(() -> Durations.humanMinutes(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
