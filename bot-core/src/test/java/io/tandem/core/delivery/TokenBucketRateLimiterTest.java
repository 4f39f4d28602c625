package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The token bucket rate limiter")
class TokenBucketRateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));

  @Test
  @DisplayName("allows the burst at once, then one permit per interval, booked in order")
  void burstThenRate() {
    TokenBucketRateLimiter limiter =
        new TokenBucketRateLimiter("test", 1.0, 3, clock, d -> clock.advance(d));

    assertThat(limiter.reserve("C1")).isZero();
    assertThat(limiter.reserve("C1")).isZero();
    assertThat(limiter.reserve("C1")).isZero();
    assertThat(limiter.reserve("C1")).isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.reserve("C1")).isEqualTo(Duration.ofSeconds(2));

    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.reserve("C1")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("keys have separate budgets")
  void keysAreIndependent() {
    TokenBucketRateLimiter limiter =
        new TokenBucketRateLimiter("test", 1.0, 1, clock, d -> clock.advance(d));

    assertThat(limiter.reserve("C1")).isZero();
    assertThat(limiter.reserve("C2")).isZero();
    assertThat(limiter.reserve("C1")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("acquire waits exactly as long as the rate requires")
  void acquireWaits() throws Exception {
    List<Duration> waits = new ArrayList<>();
    TokenBucketRateLimiter limiter =
        new TokenBucketRateLimiter(
            "workspace",
            50 / 60.0,
            1,
            clock,
            d -> {
              waits.add(d);
              clock.advance(d);
            });

    Instant start = clock.instant();
    for (int i = 0; i < 51; i++) {
      limiter.acquire("T1");
    }

    // 50 a minute with no burst: 51 permits take 50 intervals of 1.2 s
    assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(60));
    assertThat(waits).hasSize(50).allMatch(d -> d.equals(Duration.ofMillis(1200)));
  }

  @Test
  @DisplayName("a quiet spell refills the bucket up to the burst only")
  void refillIsCapped() {
    TokenBucketRateLimiter limiter =
        new TokenBucketRateLimiter("test", 10, 2, clock, d -> clock.advance(d));
    limiter.reserve("k");
    limiter.reserve("k");

    clock.advance(Duration.ofHours(1));

    assertThat(limiter.reserve("k")).isZero();
    assertThat(limiter.reserve("k")).isZero();
    assertThat(limiter.reserve("k")).isEqualTo(Duration.ofMillis(100));
  }
}
