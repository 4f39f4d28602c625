package io.tandem.core.checkins;

import static io.tandem.core.usecases.UseCaseFixture.enrol;
import static io.tandem.core.usecases.UseCaseFixture.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import io.tandem.core.command.Command;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.kernel.Role;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.StoreStats;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.AdditionalAnswers;

/**
 * A log that fails after the session, the note, the signal and the partner's prompt were written
 * leaves nothing behind: the repository is the real one, except that its last read throws.
 */
@DisplayName("A check-in that fails mid-way")
class LogFromCommandFailureTest {

  static final Instant PAIRED = Instant.parse("2025-03-01T10:00:00Z");
  static final Instant NOW = Instant.parse("2025-03-04T09:15:30Z");
  static final Actor ANA = CheckInsTest.actor("U0ANA", "Ana");
  static final Actor BEN = CheckInsTest.actor("U0BEN", "Ben");

  @TempDir Path dir;

  TestDatabase testDatabase;
  Database db;
  MutableClock clock;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    clock = new MutableClock(PAIRED);
    db = testDatabase.open(clock);
    // GIVEN Ana (mentor) and Ben (mentee), paired
    enrol(db, clock, ANA, Role.MENTOR);
    enrol(db, clock, BEN, Role.MENTEE);
    db.transaction(
        store -> {
          Participant a = participant(store, ANA);
          Participant b = participant(store, BEN);
          Pair pair =
              new Pair(a.getWorkspaceId(), a.getProgramId(), a.getId(), b.getId(), 1, "", PAIRED);
          pair.approve(PAIRED);
          return store.add(pair);
        });
    clock.set(NOW);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("stores no session, note, signal or message, and the next log is session #1")
  void nothingHalfWritten() {
    List<Sessions> used = new ArrayList<>();
    LogFromCommand failing =
        new LogFromCommand(
            new CheckInTransactions(
                db,
                clock,
                store -> {
                  Sessions real = Sessions.in(store);
                  Sessions sessions =
                      mock(
                          Sessions.class,
                          withSettings().defaultAnswer(AdditionalAnswers.delegatesTo(real)));
                  // the partner's side is looked up last, after the session and note were added
                  doThrow(new IllegalStateException("disk gone"))
                      .when(sessions)
                      .note(anyLong(), anyLong());
                  used.add(sessions);
                  return sessions;
                }));
    Map<String, Long> before = StoreStats.counts(db);

    // WHEN Ana logs and the repository fails at the end
    assertThatThrownBy(() -> failing.log(ANA, new Command.Log(45, "Instagram reels")))
        .hasMessageContaining("disk gone");

    // THEN the writes had happened in the transaction, and none of them is stored
    assertThat(used).hasSize(1);
    verify(used.get(0)).nextNumber(anyLong(), anyLong());
    verify(used.get(0)).ofPair(anyLong());
    verify(used.get(0)).note(anyLong(), anyLong());
    assertThat(StoreStats.counts(db)).isEqualTo(before);

    // AND a log that succeeds afterwards is the pair's first session
    Reply logged = new LogFromCommand(db, clock).log(ANA, new Command.Log(45, "Instagram reels"));
    assertThat(logged.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(logged.text()).contains("session #1 with Ben");
  }
}
