package io.tandem.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.intake.persistence.InboxRows;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox's group commit: requests stored and answers claimed at the same time share
 * transactions, and each caller learns its own outcome, committed, when its call returns.
 */
class GroupCommitTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path dir;

  /** The database the inbox is in: a SQLite file here. */
  TestDatabase database() {
    return TestDatabase.sqlite(dir);
  }

  @Test
  @DisplayName(
      "40 requests stored and 40 answers claimed at once: each caller gets its own outcome")
  void insertsAndClaimsTogether() throws Exception {
    try (TestDatabase test = database()) {
      Database db = test.open(Clock.systemUTC());
      InboxRows inbox = new InboxRows(db);
      for (int i = 0; i < 40; i++) {
        inbox.insert("done-" + i, Platform.SLACK, "COMMAND", "{}", RECEIVED);
        inbox.markDone("done-" + i, InboxRows.State.DONE, "{}", RECEIVED);
      }
      GroupCommit commits = new GroupCommit(inbox);
      ExecutorService callers = Executors.newFixedThreadPool(16);
      List<CompletableFuture<Boolean>> stored = new ArrayList<>();
      List<CompletableFuture<Boolean>> claimed = new ArrayList<>();
      try {
        for (int i = 0; i < 40; i++) {
          String key = "new-" + i;
          String done = "done-" + i;
          stored.add(
              CompletableFuture.supplyAsync(
                  () ->
                      commits.insert(
                          new InboxRows.NewRow(key, Platform.SLACK, "COMMAND", "{}", RECEIVED)),
                  callers));
          claimed.add(
              CompletableFuture.supplyAsync(
                  () ->
                      commits.move(
                          new InboxRows.Move(
                              done, InboxRows.State.DONE, InboxRows.State.ANSWERING)),
                  callers));
        }
        // a second claim of the same answer and a repeated request: nothing changes
        assertThat(stored).allSatisfy(f -> assertThat(f.get()).isTrue());
        assertThat(claimed).allSatisfy(f -> assertThat(f.get()).isTrue());
        assertThat(
                commits.move(
                    new InboxRows.Move("done-0", InboxRows.State.DONE, InboxRows.State.ANSWERING)))
            .isFalse();
        assertThat(
                commits.insert(
                    new InboxRows.NewRow("new-0", Platform.SLACK, "COMMAND", "{}", RECEIVED)))
            .isFalse();
      } finally {
        callers.shutdownNow();
        commits.close();
      }

      assertThat(inbox.count(InboxRows.State.PENDING)).isEqualTo(40);
      assertThat(inbox.count(InboxRows.State.ANSWERING)).isEqualTo(40);
      assertThat(inbox.count(InboxRows.State.DONE)).isZero();
    }
  }
}
