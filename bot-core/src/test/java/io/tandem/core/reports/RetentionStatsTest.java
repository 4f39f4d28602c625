package io.tandem.core.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.core.reports.ProgramReport.Group;
import io.tandem.core.reports.ProgramReport.Retention;
import io.tandem.core.reports.ProgramReport.RetentionSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The retention comparison on small examples worked out by hand. */
@DisplayName("Retention: difference of proportions with a 95% confidence interval")
class RetentionStatsTest {

  @Test
  @DisplayName("15 of 20 against 28 of 40: +5 points, CI −18.7 to +28.7, no clear difference")
  void overlappingZero() {
    // p1 = 0.75, p2 = 0.7, d = 0.05
    // SE² = 0.75·0.25/20 + 0.7·0.3/40 = 0.009375 + 0.00525 = 0.014625, SE = 0.120934
    // 1.96·SE = 0.237026 → 0.05 ± 0.237026 = −0.187026 … 0.287026
    Retention r =
        RetentionStats.compare(RetentionSource.ROSTER, new Group(20, 15), new Group(40, 28));
    assertThat(r.enoughData()).isTrue();
    assertThat(r.difference()).isCloseTo(5.0, within(1e-9));
    assertThat(r.low()).isCloseTo(-18.70, within(0.01));
    assertThat(r.high()).isCloseTo(28.70, within(0.01));
    assertThat(r.note())
        .isEqualTo(
            "+5.0 points (95% CI -18.7 to +28.7); the interval includes 0, so no clear difference");
  }

  @Test
  @DisplayName("45 of 50 against 60 of 100: +30 points, CI +17.3 to +42.7")
  void clearDifference() {
    // p1 = 0.9, p2 = 0.6; SE² = 0.09/50 + 0.24/100 = 0.0042, SE = 0.0648074, 1.96·SE = 0.127022
    Retention r =
        RetentionStats.compare(RetentionSource.ROSTER, new Group(50, 45), new Group(100, 60));
    assertThat(r.low()).isCloseTo(17.30, within(0.01));
    assertThat(r.high()).isCloseTo(42.70, within(0.01));
    assertThat(r.note()).isEqualTo("+30.0 points (95% CI +17.3 to +42.7)");
  }

  @Test
  @DisplayName("not enough data: a group under 10, or under 5 who stayed or who left")
  void notEnoughData() {
    Retention small =
        RetentionStats.compare(RetentionSource.ROSTER, new Group(9, 8), new Group(40, 30));
    assertThat(small.enoughData()).isFalse();
    assertThat(small.difference()).isNull();
    assertThat(small.note()).isEqualTo("not enough data: 9 participants (needs 10)");

    Retention fewLeft =
        RetentionStats.compare(RetentionSource.ROSTER, new Group(30, 28), new Group(40, 30));
    assertThat(fewLeft.note())
        .isEqualTo("not enough data: participants: 28 stayed and 2 left (needs 5 of each)");

    Retention othersSmall =
        RetentionStats.compare(RetentionSource.ROSTER, new Group(20, 15), new Group(3, 3));
    assertThat(othersSmall.note()).isEqualTo("not enough data: 3 non-participants (needs 10)");
  }
}
