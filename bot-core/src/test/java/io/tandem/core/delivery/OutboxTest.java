package io.tandem.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Queueing in the outbox")
class OutboxTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T09:00:00Z"));
  private TestDatabase testDatabase;
  private Database db;
  private OutboxRows rows;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(clock);
    rows = new OutboxRows(db, clock, Platform.SLACK);
  }

  @AfterEach
  void close() {
    testDatabase.close();
  }

  @Test
  @DisplayName("a second queue with the same key changes nothing")
  void dedup() {
    // GIVEN a queued reminder
    assertThat(rows.queueDm("reminder:7:2025-03-10", "U1")).isTrue();
    OutboxRows.Row first = rows.row("reminder:7:2025-03-10");

    // WHEN the same key is queued again, even with other content and later
    clock.advance(java.time.Duration.ofMinutes(5));
    boolean again =
        rows.queue(
            Platform.SLACK,
            "reminder:7:2025-03-10",
            new ChatTarget.ChannelMessage("C1"),
            Reply.info("different", List.of()));

    // THEN nothing changed
    assertThat(again).isFalse();
    assertThat(rows.all()).containsExactly(first);
  }

  @Test
  @DisplayName("the stored payload reads back as the target and reply queued")
  void payloadStored() {
    rows.queue(
        Platform.SLACK,
        "intro:1",
        new ChatTarget.GroupMessage(List.of("U1", "U2")),
        OutboxPayloadTest.EVERYTHING);

    OutboxPayload payload = OutboxPayload.parse(rows.row("intro:1").payload());

    assertThat(payload.target()).isEqualTo(new ChatTarget.GroupMessage(List.of("U1", "U2")));
    assertThat(payload.reply()).isEqualTo(OutboxPayloadTest.EVERYTHING);
  }

  @Test
  @DisplayName("a group message on Discord becomes one DM per person, each deduplicated")
  void discordGroupFansOut() {
    OutboxRows discord = new OutboxRows(db, clock, Platform.DISCORD);
    ChatTarget group = new ChatTarget.GroupMessage(List.of("111", "222"));

    assertThat(discord.queue(Platform.DISCORD, "intro:5", group, Reply.info("Hi", List.of())))
        .isTrue();
    assertThat(discord.queue(Platform.DISCORD, "intro:5", group, Reply.info("Hi", List.of())))
        .isFalse();

    assertThat(rows.all())
        .extracting(OutboxRows.Row::dedupKey)
        .containsExactly("intro:5/111", "intro:5/222");
    assertThat(OutboxPayload.parse(rows.row("intro:5/222").payload()).target())
        .isEqualTo(new ChatTarget.DirectMessage("222"));
  }

  @Test
  @DisplayName("the signal fires after a commit that queued a message, not before or on rollback")
  void signalAfterCommit() {
    OutboxSignal signal = OutboxSignal.attach(db);
    AtomicInteger fired = new AtomicInteger();
    signal.subscribe(fired::incrementAndGet);

    // a commit that queues: fired once, after the row is visible to others
    int[] seenInside = new int[1];
    db.inTransaction(
        em -> {
          Outbox.queue(
              new Store(em),
              rows.workspaceId,
              Platform.SLACK,
              "k1",
              new ChatTarget.DirectMessage("U1"),
              Reply.info("x", List.of()),
              clock.instant(),
              clock.instant());
          em.flush();
          seenInside[0] = fired.get();
          return null;
        });
    assertThat(seenInside[0]).isZero();
    assertThat(fired).hasValue(1);

    // a commit without outbox rows: not fired
    db.inTransaction(em -> new Store(em).outboxKeyExists("k1"));
    assertThat(fired).hasValue(1);

    // a rollback: not fired
    try {
      db.inTransaction(
          em -> {
            rows.getClass();
            Outbox.queue(
                new Store(em),
                rows.workspaceId,
                Platform.SLACK,
                "k2",
                new ChatTarget.DirectMessage("U1"),
                Reply.info("x", List.of()),
                clock.instant(),
                clock.instant());
            throw new IllegalStateException("boom");
          });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(fired).hasValue(1);
    assertThat(rows.find("k2")).isEmpty();
  }
}
