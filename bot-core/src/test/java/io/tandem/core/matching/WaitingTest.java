package io.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.PairedProgram;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Who waits for a partner since an earlier round")
class WaitingTest {

  private static final Instant PAIRED = Instant.parse("2026-11-03T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(PAIRED.plus(Duration.ofDays(30)), ZoneOffset.UTC);

  @TempDir Path dir;
  private TestDatabase testDatabase;

  @AfterEach
  void close() {
    testDatabase.close();
  }

  private static void unmatched(Database db, long participant, Instant at) {
    db.transaction(
        store ->
            store.add(
                Signal.aboutParticipant(
                    SignalType.UNMATCHED, 1, null, 1, participant, Map.of(), at)));
  }

  @Test
  @DisplayName(
      "someone left out waits from the first round that left them out; a later pair ends it")
  void sinceFirstRoundUntilPaired() throws Exception {
    // GIVEN participants 1 and 2 paired on 3 Nov, and 3 and 4 never paired
    testDatabase = TestDatabase.sqlite(dir);
    Database db = testDatabase.open(CLOCK);
    PairedProgram.seed(db, 2, PAIRED);
    db.transaction(
        store -> {
          store
              .entityManager()
              .createNativeQuery("DELETE FROM mentoring_pair WHERE mentor_id = 3")
              .executeUpdate();
          return null;
        });
    // AND participant 2 was left out before that pair, 3 in two rounds after it
    Instant before = PAIRED.minus(Duration.ofDays(14));
    Instant firstRound = PAIRED.plus(Duration.ofDays(7));
    unmatched(db, 2, before);
    unmatched(db, 3, firstRound);
    unmatched(db, 3, firstRound.plus(Duration.ofDays(14)));

    // WHEN the next round reads who waits
    Map<Long, Instant> waiting = db.transaction(store -> Waiting.in(store).since(1));

    // THEN only 3 waits, since the first round that left them out
    assertThat(waiting).containsExactly(Map.entry(3L, firstRound));
  }
}
