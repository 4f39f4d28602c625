package io.tandem.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tandem.core.delivery.MutableClock;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.intake.persistence.InboxRows;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import io.tandem.core.store.Database;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/**
 * The intake when what it calls fails: a use case that throws, an answer port that throws. The
 * doubles are Mockito mocks, so each test states the one failure it needs and checks what the
 * intake handed on.
 */
@DisplayName("The intake, with a use case or answer port that fails (Mockito)")
class IntakeFailuresTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T09:00:00Z"));
  private TestDatabase testDatabase;
  private Database db;
  private Intake intake;
  private final HandleCommandUseCase commands = mock(HandleCommandUseCase.class);
  private final AnswerPort port = mock(AnswerPort.class);

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.sqlite(dir);
    db = testDatabase.open(clock);
    db.transaction(store -> store.add(new Workspace(Platform.SLACK, "T1", clock.instant())));
    when(port.actor(any()))
        .thenAnswer(call -> ((InboundRequest) call.getArgument(0)).actor("UTC", false));
    intake =
        new Intake(
            db,
            clock,
            commands,
            mock(HandleInteractionUseCase.class),
            HandleMembershipUseCase.NONE,
            1);
    intake.answerThrough(Platform.SLACK, port);
  }

  @AfterEach
  void close() throws InterruptedException {
    intake.stop(Duration.ofSeconds(5));
    testDatabase.close();
  }

  @Test
  @DisplayName("a use case that throws: the person is told, and the request is done, not retried")
  void useCaseThrows() throws Exception {
    // GIVEN a command use case that fails
    when(commands.handle(any())).thenThrow(new IllegalStateException("database is locked"));
    when(port.answer(any(), any())).thenReturn(true);

    // WHEN a command arrives
    intake.accept(command("slack:t:1", "goal add Learn reels"));
    assertThat(intake.stop(Duration.ofSeconds(10))).isTrue();

    // THEN the use case got what the platform sent, once, and the person got the failure answer
    ArgumentCaptor<Invocation> invocation = ArgumentCaptor.forClass(Invocation.class);
    verify(commands, times(1)).handle(invocation.capture());
    assertThat(invocation.getValue().text()).isEqualTo("goal add Learn reels");
    assertThat(invocation.getValue().actor().userId()).isEqualTo("U1");
    assertThat(invocation.getValue().channelId()).isEqualTo("D1");
    ArgumentCaptor<Reply> reply = ArgumentCaptor.forClass(Reply.class);
    verify(port, times(1)).answer(any(), reply.capture());
    assertThat(reply.getValue().text()).isEqualTo(Intake.FAILURE);
    assertThat(new InboxRows(db).find("slack:t:1").orElseThrow().state())
        .isNotEqualTo(InboxRows.State.PENDING);
  }

  @Test
  @DisplayName("a quick command that throws: the ack carries the short apology, nothing is stored")
  void quickCommandThrows() throws Exception {
    // GIVEN a command use case that fails with a message no person should read
    when(commands.handle(any()))
        .thenThrow(new IllegalStateException("SQLITE_BUSY at org.sqlite.core.DB.throwex"));

    // WHEN a quick command arrives on the path that answers in the ack
    var taken = intake.acceptOrAnswer(command("slack:t:3", "goal add Learn reels"), reply -> true);
    assertThat(intake.stop(Duration.ofSeconds(10))).isTrue();

    // THEN the ack says so in plain words, the port sends nothing, and no row is kept
    assertThat(taken.inAck()).map(Reply::text).contains(Intake.FAILURE);
    assertThat(taken.inAck().orElseThrow().isPrivate()).isTrue();
    verify(port, times(0)).answer(any(), any());
    assertThat(new InboxRows(db).find("slack:t:3")).isEmpty();
  }

  @Test
  @DisplayName("an answer port that throws: the answer goes as a direct message through the outbox")
  void answerPortThrows() throws Exception {
    // GIVEN a use case that answers, and a platform that fails to take the answer
    when(commands.handle(any())).thenReturn(Reply.success("Done", List.of()));
    when(port.answer(any(), any())).thenThrow(new IllegalStateException("response_url expired"));

    // WHEN a command arrives
    intake.accept(command("slack:t:2", "goal add Learn reels"));
    assertThat(intake.stop(Duration.ofSeconds(10))).isTrue();

    // THEN the answer was tried once at the reply address, then queued as a DM, and recorded
    verify(port, times(1)).answer(any(), any());
    assertThat(new InboxRows(db).find("slack:t:2").orElseThrow().state())
        .isEqualTo(InboxRows.State.ANSWERED);
    long queued =
        db.transaction(
            store ->
                store
                    .entityManager()
                    .createQuery(
                        "SELECT COUNT(m) FROM OutboxMessage m WHERE m.dedupKey = :key", Long.class)
                    .setParameter("key", "answer:slack:t:2")
                    .getSingleResult());
    assertThat(queued).isEqualTo(1L);
  }

  private InboundRequest command(String key, String text) {
    return new InboundRequest(
        Platform.SLACK,
        key,
        InboundRequest.Kind.COMMAND,
        "T1",
        "U1",
        "ana",
        null,
        null,
        "D1",
        text,
        null,
        Map.of(),
        "http://127.0.0.1:1/response/" + key,
        clock.instant(),
        Map.of());
  }
}
