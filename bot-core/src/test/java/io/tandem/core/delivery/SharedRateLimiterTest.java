package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A rate budget in the database, shared by instances")
class SharedRateLimiterTest {

  @TempDir Path dir;

  private TestDatabase testDatabase;
  private Database db;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(clock);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  private SharedRateLimiter limiter(String name, double perSecond, int burst) {
    return new SharedRateLimiter(db, name, perSecond, burst, clock, d -> clock.advance(d));
  }

  @Test
  @DisplayName("two instances draw from one budget: the burst, then one permit per interval")
  void instancesShareOneBudget() {
    // GIVEN two instances' limiters for the same budget: 1 a second, a burst of 3
    SharedRateLimiter a = limiter("slack workspace", 1, 3);
    SharedRateLimiter b = limiter("slack workspace", 1, 3);

    // WHEN they take permits in turn at the same instant
    // THEN the burst is shared, and each further permit waits one more second, whoever asks
    assertThat(a.reserve("workspace")).isZero();
    assertThat(b.reserve("workspace")).isZero();
    assertThat(a.reserve("workspace")).isZero();
    assertThat(b.reserve("workspace")).isEqualTo(Duration.ofSeconds(1));
    assertThat(a.reserve("workspace")).isEqualTo(Duration.ofSeconds(2));

    // AND another key and another budget are untouched
    assertThat(b.reserve("another channel")).isZero();
    assertThat(limiter("discord global", 1, 1).reserve("workspace")).isZero();

    // WHEN the budget has had time to refill
    clock.advance(Duration.ofSeconds(30));

    // THEN the burst is back, and no more
    assertThat(a.reserve("workspace")).isZero();
    assertThat(b.reserve("workspace")).isZero();
    assertThat(a.reserve("workspace")).isZero();
    assertThat(b.reserve("workspace")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("it books the same waits as the in-memory token bucket")
  void sameAsInMemoryBucket() {
    // GIVEN the in-memory bucket and the shared one with the same rate and burst
    TokenBucketRateLimiter memory =
        new TokenBucketRateLimiter("x", 4, 5, clock, d -> clock.advance(d));
    SharedRateLimiter shared = limiter("x", 4, 5);
    Random random = new Random(7);

    // WHEN both are asked the same things at the same instants, with pauses in between
    for (int i = 0; i < 300; i++) {
      String key = "k" + random.nextInt(3);
      Duration inMemory = memory.reserve(key);
      Duration inDatabase = shared.reserve(key);

      // THEN they answer the same wait (to the nanosecond rounding of the interval)
      assertThat(inDatabase.minus(inMemory).abs()).isLessThan(Duration.ofMillis(1));
      if (random.nextInt(4) == 0) {
        clock.advance(Duration.ofMillis(random.nextInt(3000)));
      }
    }
  }
}
