package io.tandem.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import io.tandem.core.usecases.UseCaseFixture;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.AdditionalAnswers;

/**
 * {@code match approve} when its transaction loses a race: the pairs repository of the first
 * attempt fails with a serialization conflict halfway through, after the pairs were approved and
 * introduced. The attempt rolls back and runs again, so each pair is introduced exactly once.
 */
class ApproveMatchConflictTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
  static final Actor ADMIN =
      new Actor(Platform.SLACK, "T_ACME", "U_MAYA", "Maya", "Europe/Berlin", true, null);
  static final Actor ANA =
      new Actor(Platform.SLACK, "T_ACME", "U_ANA", "Ana", "Europe/Berlin", false, null);
  static final Actor BEN =
      new Actor(Platform.SLACK, "T_ACME", "U_BEN", "Ben", "Europe/Berlin", false, null);

  @TempDir Path dir;
  TestDatabase testDatabase;
  Database db;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(CLOCK);
    UseCaseFixture.enrol(db, CLOCK, ANA, Role.MENTOR);
    UseCaseFixture.enrol(db, CLOCK, BEN, Role.MENTEE);
    new PreviewMatch(db, CLOCK).preview(ADMIN, null);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("a write conflict mid-approval is retried and introduces the pair once")
  void conflictIsRetried() {
    List<Pairs> handedOut = new ArrayList<>();
    Function<Store, Pairs> pairsOf =
        store -> {
          Pairs real = Pairs.in(store);
          if (!handedOut.isEmpty()) {
            handedOut.add(real);
            return real;
          }
          Pairs conflicting = mock(Pairs.class, AdditionalAnswers.delegatesTo(real));
          doThrow(
                  new PersistenceException(
                      "could not serialize access", new SQLException("conflict", "40001")))
              .when(conflicting)
              .inProgram(anyLong(), eq(Pair.Status.ACTIVE));
          handedOut.add(conflicting);
          return conflicting;
        };

    Reply reply = new ApproveMatch(db, CLOCK, pairsOf).approve(ADMIN, null);

    assertThat(reply.kind()).isEqualTo(Reply.Kind.SUCCESS);
    assertThat(reply.text()).startsWith("Approved 1 pair in ");
    assertThat(handedOut).hasSize(2);
    verify(handedOut.get(0), atLeastOnce()).inProgram(anyLong(), eq(Pair.Status.ACTIVE));
    assertThat(
            UseCaseFixture.rows(
                db, "SELECT dedup_key FROM outbox_message WHERE dedup_key LIKE 'intro:%'"))
        .hasSize(1);
    assertThat(UseCaseFixture.rows(db, "SELECT type FROM signal WHERE type = 'MATCH_APPROVED'"))
        .hasSize(1);
    assertThat(UseCaseFixture.rows(db, "SELECT status FROM mentoring_pair"))
        .containsExactly("ACTIVE");
  }
}
