package io.tandem.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pair check-ins in the report: numbers only from the anonymity threshold")
class CheckInSummaryTest {

  @Test
  @DisplayName("below the threshold an admin reads no number at all")
  void belowThreshold() {
    assertThat(new CheckInSummary(0, 0, 0, 0, 0, 0, 5).text()).isEqualTo("no answers yet");
    assertThat(new CheckInSummary(4, 4, 6, 4, 0, 0, 5).text()).isEqualTo("too few answers to show");
  }

  @Test
  @DisplayName("from the threshold: answers, the mean rating and how many partners learn")
  void aboveThreshold() {
    CheckInSummary summary = new CheckInSummary(12, 10, 41, 10, 8, 1, 5);

    assertThat(summary.text())
        .isEqualTo("12 answers, mean 4.1 of 5, partner learning: 80 % yes, 10 % partly");
  }

  @Test
  @DisplayName("a part answered by fewer people than the threshold is left out")
  void partBelowThreshold() {
    CheckInSummary summary = new CheckInSummary(6, 6, 24, 3, 3, 0, 5);

    assertThat(summary.text()).isEqualTo("6 answers, mean 4.0 of 5");
  }
}
