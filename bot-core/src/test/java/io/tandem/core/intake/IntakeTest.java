package io.tandem.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.MutableClock;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.intake.persistence.InboxRows;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.IntakeUseCase.Acceptance;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import io.tandem.core.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The intake: stored before the ack, run once, answered once")
class IntakeTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T09:00:00Z"));
  private TestDatabase testDatabase;
  private Database db;
  private InboxRows inbox;
  private final List<Reply> answered = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger runs = new AtomicInteger();
  private final List<Invocation> invocations = Collections.synchronizedList(new ArrayList<>());
  private final List<Intake> intakes = new ArrayList<>();

  private final CountDownLatch slowCommandRunning = new CountDownLatch(1);
  private final CountDownLatch slowCommandMayFinish = new CountDownLatch(1);

  /**
   * A command whose effect is a queued message with a key of its own, so twice shows as two; one
   * whose text ends in "slowly" waits to be let through.
   */
  private final HandleCommandUseCase commands =
      invocation -> {
        invocations.add(invocation);
        if (invocation.text().endsWith("slowly")) {
          slowCommandRunning.countDown();
          awaitQuietly(slowCommandMayFinish);
        }
        int run = runs.incrementAndGet();
        return db.inTransaction(
            em -> {
              Store store = new Store(em);
              long workspace =
                  Workspaces.in(store).find(Platform.SLACK, "T1").orElseThrow().getId();
              Outbox.queue(
                  store,
                  workspace,
                  Platform.SLACK,
                  "effect:" + run,
                  new ChatTarget.DirectMessage("U1"),
                  Reply.info(invocation.text(), List.of()),
                  clock.instant(),
                  clock.instant());
              return Reply.success("Done: " + invocation.text(), List.of());
            });
      };

  private final AnswerPort port =
      new AnswerPort() {
        @Override
        public Actor actor(InboundRequest request) {
          return request.actor("UTC", false);
        }

        @Override
        public boolean answer(InboundRequest request, Reply reply) {
          answered.add(reply);
          return true;
        }
      };

  /** The database the intake runs on: a SQLite file here. */
  TestDatabase database() {
    return TestDatabase.sqlite(dir);
  }

  @BeforeEach
  void open() {
    testDatabase = database();
    db = testDatabase.open(clock);
    inbox = new InboxRows(db);
    db.inTransaction(em -> new Store(em).add(new Workspace(Platform.SLACK, "T1", clock.instant())));
  }

  @AfterEach
  void close() throws InterruptedException {
    for (Intake intake : intakes) {
      intake.stop(Duration.ofSeconds(5));
    }
    testDatabase.close();
  }

  private Intake intake() {
    Intake intake =
        new Intake(
            db,
            clock,
            commands,
            new HandleInteractionUseCase() {
              @Override
              public Reply clicked(Actor actor, String channelId, String actionId, String value) {
                // a command button runs its command, as the dispatcher does
                return CommandDispatcher.COMMAND_ACTION.equals(actionId)
                    ? commands.handle(new Invocation(actor, channelId, value, Map.of()))
                    : Reply.info("clicked", List.of());
              }

              @Override
              public Reply submitted(
                  Actor actor, String channelId, String formId, Map<String, String> values) {
                return Reply.info("submitted", List.of());
              }
            },
            HandleMembershipUseCase.NONE,
            2);
    intake.answerThrough(Platform.SLACK, port);
    intakes.add(intake);
    return intake;
  }

  private InboundRequest command(String key, String text) {
    return command(key, text, Map.of());
  }

  private InboundRequest command(String key, String text, Map<String, String> mentions) {
    return request(InboundRequest.Kind.COMMAND, key, text, null, mentions);
  }

  private InboundRequest request(
      InboundRequest.Kind kind,
      String key,
      String name,
      String value,
      Map<String, String> mentions) {
    return new InboundRequest(
        Platform.SLACK,
        key,
        kind,
        "T1",
        "U1",
        "ana",
        null,
        null,
        "D1",
        name,
        value,
        Map.of(),
        "http://127.0.0.1:1/response/" + key,
        clock.instant(),
        mentions);
  }

  /** A click on a button that runs {@code command}. */
  private InboundRequest commandButton(String key, String command) {
    return request(
        InboundRequest.Kind.CLICK, key, CommandDispatcher.COMMAND_ACTION, command, Map.of());
  }

  /** Waits until everything the intake took has finished. */
  private void drain(Intake intake) throws InterruptedException {
    assertThat(intake.stop(Duration.ofSeconds(10))).isTrue();
  }

  /** A request an earlier process acknowledged and left in {@code state}. */
  private InboundRequest leftBehind(String key, InboxRows.State state, Reply answer) {
    InboundRequest request = command(key, "goal add Learn reels");
    inbox.insert(key, Platform.SLACK, "COMMAND", RequestJson.write(request), request.receivedAt());
    if (state != InboxRows.State.PENDING) {
      inbox.markDone(
          key, state, Outbox.payload(new ChatTarget.DirectMessage("U1"), answer), clock.instant());
    }
    clock.advance(Duration.ofSeconds(1));
    return request;
  }

  @Test
  @DisplayName("an accepted command takes effect once and is answered once")
  void acceptedOnce() throws Exception {
    Intake intake = intake();

    assertThat(intake.accept(command("slack:t:1", "goal add Learn reels")))
        .isEqualTo(Acceptance.ACCEPTED);
    drain(intake);

    assertThat(effects()).isEqualTo(1);
    assertThat(answered).extracting(Reply::text).containsExactly("Done: goal add Learn reels");
  }

  @Test
  @DisplayName("the same delivery key again changes nothing and sends nothing")
  void duplicate() throws Exception {
    Intake intake = intake();
    intake.accept(command("slack:t:1", "goal add Learn reels"));

    assertThat(intake.accept(command("slack:t:1", "goal add Learn reels")))
        .isEqualTo(Acceptance.DUPLICATE);
    drain(intake);

    assertThat(effects()).isEqualTo(1);
    assertThat(answered).hasSize(1);
  }

  @Test
  @DisplayName("a request acknowledged before a crash, its effect not made, runs once at restart")
  void pendingResumed() throws Exception {
    leftBehind("slack:t:1", InboxRows.State.PENDING, null);

    Intake restarted = intake();
    assertThat(restarted.resume()).isEqualTo(1);
    drain(restarted);

    assertThat(effects()).isEqualTo(1);
    assertThat(answered).extracting(Reply::text).containsExactly("Done: goal add Learn reels");
  }

  @Test
  @DisplayName("a command's mentions are stored with it: run at restart, it knows whom they name")
  void mentionsStored() throws Exception {
    String text = "log 1h with <@U0BEN|ben>";
    InboundRequest request = command("slack:t:1", text, Map.of("<@U0BEN|ben>", "U0BEN"));
    inbox.insert(
        "slack:t:1", Platform.SLACK, "COMMAND", RequestJson.write(request), request.receivedAt());
    clock.advance(Duration.ofSeconds(1));

    Intake restarted = intake();
    assertThat(restarted.resume()).isEqualTo(1);
    drain(restarted);

    assertThat(invocations).hasSize(1);
    assertThat(invocations.get(0).text()).isEqualTo(text);
    assertThat(invocations.get(0).mentions()).containsExactly(Map.entry("<@U0BEN|ben>", "U0BEN"));
  }

  @Test
  @DisplayName(
      "a request another instance acknowledged and left unfinished is run by a live one, once")
  void staleRowsTakenUp() throws Exception {
    Intake running = intake();
    clock.advance(Duration.ofSeconds(1));
    leftBehind("slack:t:1", InboxRows.State.PENDING, null);
    leftBehind("slack:t:2", InboxRows.State.DONE, Reply.success("Goal added", List.of()));

    assertThat(running.resumeStale()).as("minutes old only: still another's to finish").isZero();
    clock.advance(Intake.STALE);
    assertThat(running.resumeStale()).isEqualTo(2);
    drain(running);

    assertThat(effects()).isEqualTo(1);
    assertThat(answered)
        .extracting(Reply::text)
        .containsExactlyInAnyOrder("Done: goal add Learn reels", "Goal added");
    assertThat(inbox.find("slack:t:1").orElseThrow().state()).isNotEqualTo(InboxRows.State.PENDING);
  }

  @Test
  @DisplayName("a request resumed twice at once takes effect once and is answered once")
  void racingRuns() throws Exception {
    leftBehind("slack:t:1", InboxRows.State.PENDING, null);

    Intake restarted = intake();
    restarted.resume();
    restarted.resume();
    drain(restarted);

    assertThat(effects()).isEqualTo(1);
    assertThat(answered).hasSize(1);
  }

  @Test
  @DisplayName("an answer owed at the crash is sent at restart, without a second effect")
  void owedAnswerSent() throws Exception {
    leftBehind("slack:t:1", InboxRows.State.DONE, Reply.success("Goal added", List.of()));

    Intake restarted = intake();
    restarted.resume();
    drain(restarted);

    assertThat(runs).hasValue(0);
    assertThat(answered).extracting(Reply::text).containsExactly("Goal added");
  }

  @Test
  @DisplayName("an answer that was being sent at the crash is never sent again")
  void answerInFlightNotRepeated() throws Exception {
    leftBehind("slack:t:1", InboxRows.State.DONE, Reply.success("Goal added", List.of()));
    inbox.move("slack:t:1", InboxRows.State.DONE, InboxRows.State.ANSWERING);

    Intake restarted = intake();
    assertThat(restarted.resume()).isZero();
    drain(restarted);

    assertThat(answered).isEmpty();
  }

  @Test
  @DisplayName("an answer owed past Slack's 30 minutes goes as a direct message through the outbox")
  void lateAnswerAsDirectMessage() throws Exception {
    leftBehind("slack:t:1", InboxRows.State.DONE, Reply.success("Goal added", List.of()));
    clock.advance(Duration.ofMinutes(31));

    Intake restarted = intake();
    restarted.resume();
    drain(restarted);

    assertThat(answered).isEmpty();
    String payload = outboxPayload("answer:slack:t:1");
    assertThat(OutboxPayload.parse(payload).reply().text()).isEqualTo("Goal added");
    assertThat(inbox.find("slack:t:1").orElseThrow().state()).isEqualTo(InboxRows.State.ANSWERED);
  }

  @Test
  @DisplayName("while stopping, a new request is refused, not acknowledged")
  void refusedWhileStopping() throws Exception {
    Intake intake = intake();
    drain(intake);

    assertThat(intake.accept(command("slack:t:2", "status"))).isEqualTo(Acceptance.REFUSED);
    assertThat(intake.accepting()).isFalse();
    assertThat(inbox.find("slack:t:2")).isEmpty();
  }

  @Test
  @DisplayName("a quick command is answered in the ack once its effect and its row are committed")
  void quickCommandAnsweredInAck() throws Exception {
    Intake intake = intake();

    IntakeUseCase.Taken taken =
        intake.acceptOrAnswer(command("slack:t:1", "goal add Learn reels"), reply -> true);
    drain(intake);

    assertThat(taken.acceptance()).isEqualTo(Acceptance.ACCEPTED);
    assertThat(taken.inAck()).map(Reply::text).contains("Done: goal add Learn reels");
    assertThat(answered).as("nothing more is sent at the response_url").isEmpty();
    assertThat(effects()).isEqualTo(1);
    // stored: a restart, opening the database again, finds it answered and runs nothing
    db = testDatabase.open(clock);
    InboxRows.Row row = new InboxRows(db).find("slack:t:1").orElseThrow();
    assertThat(row.state()).isEqualTo(InboxRows.State.ANSWERED);
    assertThat(OutboxPayload.parse(row.answer()).reply().text())
        .isEqualTo("Done: goal add Learn reels");
    Intake restarted = intake();
    assertThat(restarted.resume()).isZero();
    assertThat(runs).hasValue(1);
  }

  @Test
  @DisplayName(
      "a quick command's button runs as it is clicked, its answer sent once where the person"
          + " looks")
  void quickCommandButton() throws Exception {
    Intake intake = intake();
    InboundRequest click = commandButton("slack:t:9", "goal add Learn reels");

    IntakeUseCase.Taken taken = intake.acceptOrAnswer(click, reply -> false);
    assertThat(effects()).as("committed before the acknowledgement").isEqualTo(1);
    assertThat(intake.acceptOrAnswer(click, reply -> false).acceptance())
        .isEqualTo(Acceptance.DUPLICATE);
    drain(intake);

    assertThat(taken.inAck()).isEmpty();
    assertThat(answered).extracting(Reply::text).containsExactly("Done: goal add Learn reels");
    assertThat(effects()).isEqualTo(1);
    assertThat(inbox.find("slack:t:9").orElseThrow().state()).isEqualTo(InboxRows.State.ANSWERING);
  }

  @Test
  @DisplayName("a button clicked as Tandem stops takes effect, and the next start sends its answer")
  void quickCommandButtonWhileStopping() throws Exception {
    Intake intake = intake();
    InboundRequest click = commandButton("slack:t:9", "goal add Learn reels slowly");
    CompletableFuture<IntakeUseCase.Taken> taken =
        CompletableFuture.supplyAsync(() -> intake.acceptOrAnswer(click, reply -> false));
    assertThat(slowCommandRunning.await(10, TimeUnit.SECONDS)).isTrue();

    drain(intake);
    slowCommandMayFinish.countDown();

    assertThat(taken.get(10, TimeUnit.SECONDS).acceptance()).isEqualTo(Acceptance.ACCEPTED);
    assertThat(answered).as("no sender was left to post it").isEmpty();
    clock.advance(Duration.ofSeconds(1));
    Intake restarted = intake();
    restarted.resume();
    drain(restarted);
    assertThat(answered).extracting(Reply::text).containsExactly("Done: " + click.value());
    assertThat(effects()).isEqualTo(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  @DisplayName("the same quick command delivered again gets the first answer and no second effect")
  void quickCommandRepeated() throws Exception {
    Intake intake = intake();
    intake.acceptOrAnswer(command("slack:t:1", "goal add Learn reels"), reply -> true);

    IntakeUseCase.Taken again =
        intake.acceptOrAnswer(command("slack:t:1", "goal add Learn reels"), reply -> true);
    drain(intake);

    assertThat(again.acceptance()).isEqualTo(Acceptance.DUPLICATE);
    assertThat(again.inAck()).map(Reply::text).contains("Done: goal add Learn reels");
    assertThat(effects()).isEqualTo(1);
    assertThat(answered).isEmpty();
  }

  @Test
  @DisplayName("a long command is acknowledged at once and answered at its reply address")
  void longCommandAnsweredLater() throws Exception {
    Intake intake = intake();

    IntakeUseCase.Taken taken =
        intake.acceptOrAnswer(command("slack:t:1", "report Data pilot"), reply -> true);
    drain(intake);

    assertThat(taken.acceptance()).isEqualTo(Acceptance.ACCEPTED);
    assertThat(taken.inAck()).isEmpty();
    assertThat(answered).extracting(Reply::text).containsExactly("Done: report Data pilot");
  }

  @Test
  @DisplayName("a quick answer the ack cannot carry is sent once through the answer port")
  void answerThatDoesNotFit() throws Exception {
    Intake intake = intake();

    IntakeUseCase.Taken taken =
        intake.acceptOrAnswer(command("slack:t:1", "goal add Learn reels"), reply -> false);
    drain(intake);

    assertThat(taken.inAck()).isEmpty();
    assertThat(effects()).isEqualTo(1);
    assertThat(answered).extracting(Reply::text).containsExactly("Done: goal add Learn reels");
    assertThat(inbox.find("slack:t:1").orElseThrow().state()).isEqualTo(InboxRows.State.ANSWERING);
  }

  @Test
  @DisplayName("while stopping, a quick command is refused and not run")
  void quickCommandRefusedWhileStopping() throws Exception {
    Intake intake = intake();
    drain(intake);

    assertThat(intake.acceptOrAnswer(command("slack:t:2", "status"), reply -> true).acceptance())
        .isEqualTo(Acceptance.REFUSED);
    assertThat(runs).hasValue(0);
    assertThat(inbox.find("slack:t:2")).isEmpty();
  }

  private long effects() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM outbox_message WHERE dedup_key LIKE 'effect:%'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String outboxPayload(String key) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT payload FROM outbox_message WHERE dedup_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("a message queued under " + key).isTrue();
        return rs.getString(1);
      }
    }
  }
}
