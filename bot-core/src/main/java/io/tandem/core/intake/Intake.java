package io.tandem.core.intake;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.command.CommandParser;
import io.tandem.core.command.HeldCounts;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.intake.persistence.InboxRows;
import io.tandem.core.kernel.AlreadyDone;
import io.tandem.core.kernel.DaemonThreads;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// Long because it holds both ways a request is taken (stored then run, or run and answered in the
// acknowledgement) beside the crash points they share, read in one place.
/**
 * The inbox: every request an adapter acknowledges is a row first ({@link #accept}), then runs on
 * the intake's workers, then is answered; see {@link IntakeUseCase} for the promise and
 * V10__inbox.sql for the states.
 *
 * <p><b>Crash points.</b> Killed after the row is stored but before the effect committed: the row
 * is PENDING and a restart runs it ({@link #resume}). The effect commits in the same transaction
 * that moves the row to DONE with its answer (a {@link Database.Rider}), so a request never takes
 * effect twice. Killed after that but before the answer went out: the row is DONE and a restart
 * sends the stored answer. The row moves to ANSWERING in its own commit just before the answer is
 * sent and is never sent from ANSWERING again: killed in the milliseconds of that one send, the
 * person may miss the answer (a {@code response_url} post cannot be looked up afterwards), but is
 * never answered twice. Answers owed for longer than the platform takes them ({@link
 * AnswerRequest#window}) go as a direct message through the outbox, whose own exactly-once delivery
 * then applies.
 *
 * <p><b>Answered as they arrive.</b> A quick command ({@link #acceptOrAnswer}) is no row until its
 * effect commits: the rider inserts the row, finished, in the effect's own transaction: ANSWERED
 * when the acknowledgement carries the answer, which goes out after that commit; ANSWERING, claimed
 * for this process's answer senders, when the acknowledgement cannot carry it (a Slack button), so
 * the answer is posted to the reply address right after with no second commit; DONE when there is
 * no reply address. Killed before the commit: nothing was stored and nothing was acknowledged (the
 * platform shows the person an error, and they try again). Killed after it but before the
 * acknowledgement left or the claimed answer was posted: the effect is made, and the answer is lost
 * (at most once, as above); a repeat of the request gets the stored answer and no second effect. A
 * graceful stop sends every claimed answer first. A command that fails stores nothing and is
 * answered with a short apology. A restart runs nothing of these again. At most as many quick
 * commands run on acknowledgement threads as the intake has workers; one that finds no turn within
 * {@link #TURN_WAIT} is {@link #accept}ed instead, so an overloaded Tandem still acknowledges in
 * time.
 *
 * <p>Thread-safe. Use cases run on the intake's workers, never on the acknowledgement path, except
 * for {@link #answerNow} and the quick commands of {@link #acceptOrAnswer}.
 */
public final class Intake implements IntakeUseCase {

  private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

  /** How long finished keys are kept to recognise a repeat (platforms retry within the hour). */
  static final Duration KEEP = Duration.ofDays(1);

  /**
   * How old an unfinished row must be before a running instance takes it up: older than any request
   * takes on a live instance, so it is one whose instance died (with several instances on one
   * database) or whose run failed.
   */
  static final Duration STALE = Duration.ofMinutes(5);

  /** How long a quick command waits for a turn to run in its acknowledgement. */
  private static final Duration TURN_WAIT = Duration.ofMillis(250);

  /**
   * Threads that send the owed answers of requests already done (a button's quick command, a
   * resumed row). Each spends its time waiting, for its claim's commit and then for the platform:
   * on the intake's few workers, the answers of clicks queued behind one another's claims, each
   * batch of claims no larger than the workers. With this many, the claims that wait together share
   * one commit ({@link GroupCommit}). Killed mid-send, at most one answer per sender is lost
   * (claimed, maybe not sent; never sent twice).
   */
  public static final int ANSWER_SENDERS = 16;

  static final String FAILURE =
      "Something went wrong on our side and nothing was saved. Please try again in a minute.";

  private final Database db;
  private final InboxRows inbox;
  private final GroupCommit inboxWrites;
  private final Clock clock;
  private final RunRequest running;
  private final AnswerRequest answering;
  private final ExecutorService workers;
  private final ExecutorService senders;
  private final Semaphore runningNow;
  private final java.util.concurrent.ScheduledExecutorService forgetting;
  private final Map<Platform, AnswerPort> ports = new ConcurrentHashMap<>();
  private final Instant startedAt;
  private volatile boolean accepting = true;

  public Intake(
      Database db,
      Clock clock,
      HandleCommandUseCase commands,
      HandleInteractionUseCase interactions,
      HandleMembershipUseCase membership,
      int workers) {
    this.db = Objects.requireNonNull(db, "db");
    this.inbox = new InboxRows(db);
    this.inboxWrites = new GroupCommit(inbox);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedAt = clock.instant();
    this.running = new RunRequest(commands, interactions, membership, this::port);
    this.answering = new AnswerRequest(db, inboxWrites, clock, this::port);
    this.forgetting =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tandem-inbox-forget"));
    forgetting.scheduleWithFixedDelay(this::forgetFinished, 1, 1, TimeUnit.HOURS);
    forgetting.scheduleWithFixedDelay(this::resumeStale, 1, 1, TimeUnit.MINUTES);
    this.runningNow = new Semaphore(workers);
    this.workers = Executors.newFixedThreadPool(workers, DaemonThreads.numbered("tandem-intake-"));
    this.senders =
        Executors.newFixedThreadPool(ANSWER_SENDERS, DaemonThreads.numbered("tandem-answer-"));
  }

  /** Who answers {@code platform}'s requests; the adapter registers itself before it accepts. */
  public void answerThrough(Platform platform, AnswerPort port) {
    ports.put(platform, Objects.requireNonNull(port, "port"));
  }

  @Override
  public boolean accepting() {
    return accepting;
  }

  @Override
  public Acceptance accept(InboundRequest request) {
    if (!accepting) {
      return Acceptance.REFUSED;
    }
    try (RequestLogContext logged = RequestLogContext.open(request)) {
      if (!store(request)) {
        LOG.info("Ignored a repeated request");
        return Acceptance.DUPLICATE;
      }
      try {
        workers.execute(() -> run(request));
      } catch (RejectedExecutionException e) {
        // stopping: the row is stored, so the next start runs it
        LOG.info("Request stored while stopping; the next start runs it");
      }
      return Acceptance.ACCEPTED;
    }
  }

  @Override
  public Optional<Reply> answerNow(InboundRequest request) {
    if (!accepting) {
      return Optional.empty();
    }
    try (RequestLogContext logged = RequestLogContext.open(request)) {
      if (!store(request)) {
        LOG.info("Answered a repeated request as the first time");
        return inbox.find(request.deliveryKey()).map(InboxRows.Row::answer).map(Intake::replyOf);
      }
      long started = System.nanoTime();
      // the answer goes out in the acknowledgement: at most once, so it is marked as sent with the
      // effect
      Optional<Reply> reply = effect(request, InboxRows.State.ANSWERED);
      handled(request, reply, started);
      return reply;
    }
  }

  @Override
  public Taken acceptOrAnswer(InboundRequest request, Predicate<Reply> fitsAck) {
    if (!quick(request)) {
      return new Taken(accept(request), Optional.empty());
    }
    if (!accepting) {
      return new Taken(Acceptance.REFUSED, Optional.empty());
    }
    if (!awaitTurn()) {
      // as many run on acknowledgement threads as the intake has workers and none finished soon:
      // the acknowledgement would wait for the database, so this one is answered later instead
      return new Taken(accept(request), Optional.empty());
    }
    try (RequestLogContext logged = RequestLogContext.open(request)) {
      return runNow(request, fitsAck);
    } finally {
      runningNow.release();
    }
  }

  /** A quick command, typed or behind a command button: it runs in milliseconds. */
  private static boolean quick(InboundRequest request) {
    return switch (request.kind()) {
      case COMMAND -> CommandParser.answersInAck(request.name());
      case CLICK ->
          CommandDispatcher.COMMAND_ACTION.equals(request.name())
              && CommandParser.answersInAck(request.value());
      default -> false;
    };
  }

  /** Whether a quick command may run on this acknowledgement thread, waiting briefly for a turn. */
  private boolean awaitTurn() {
    try {
      return runningNow.tryAcquire(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs a quick command as it arrives, with a rider that stores its row (already finished, with
   * its answer) in the transaction that makes the effect: one write transaction per command, and a
   * repeat finds the row's key taken, so its own effect rolls back. A command without a transaction
   * (help, a parse error) stores its row afterwards.
   */
  private Taken runNow(InboundRequest request, Predicate<Reply> fitsAck) {
    long started = System.nanoTime();
    InboxRows.NewRow row = newRow(request);
    Database.Rider rider =
        new Database.Rider() {
          @Override
          public boolean wants(Object result) {
            return result instanceof Reply;
          }

          @Override
          public void beforeCommit(Store store, Object result) {
            Reply reply = (Reply) result;
            if (!InboxRows.insertDone(
                store,
                row,
                finished(request, reply, fitsAck),
                answerJson(request, reply),
                clock.instant())) {
              throw new AlreadyDone(request.deliveryKey());
            }
          }
        };
    Reply reply;
    try (HeldCounts counts = HeldCounts.hold()) {
      Database.Ridden<Reply> ridden = db.withRider(rider, () -> running.invokeOrThrow(request));
      reply = ridden.result();
      if (!ridden.rode()
          && !inbox.insertDone(
              row,
              finished(request, reply, fitsAck),
              answerJson(request, reply),
              clock.instant())) {
        return repeated(request);
      }
      counts.release();
    } catch (AlreadyDone e) {
      return repeated(request);
    } catch (RuntimeException e) {
      LOG.error("The core failed on request {}", request.deliveryKey(), e);
      // stored: an effect that committed before a later step failed
      if (inbox.find(request.deliveryKey()).isPresent()) {
        return repeated(request);
      }
      return apologise(request, fitsAck);
    }
    handled(request, Optional.ofNullable(reply), started);
    InboxRows.State state = finished(request, reply, fitsAck);
    if (state == InboxRows.State.ANSWERED) {
      return new Taken(Acceptance.ACCEPTED, Optional.ofNullable(reply));
    }
    answerAfterAck(request, reply, state);
    return new Taken(Acceptance.ACCEPTED, Optional.empty());
  }

  /** The answer senders post (ANSWERING) or send (DONE) the answer once the ack has left. */
  private void answerAfterAck(InboundRequest request, Reply reply, InboxRows.State state) {
    try {
      senders.execute(
          state == InboxRows.State.ANSWERING
              ? () -> sendClaimed(request, reply)
              : () -> sendOwed(request, reply));
    } catch (RejectedExecutionException e) {
      owedToNextStart(request, state);
    }
  }

  /**
   * Stopping, and a sender can no longer take this answer: its row goes back to owing it, and the
   * next start sends it.
   */
  private void owedToNextStart(InboundRequest request, InboxRows.State state) {
    try {
      if (state == InboxRows.State.ANSWERING) {
        inbox.move(request.deliveryKey(), InboxRows.State.ANSWERING, InboxRows.State.DONE);
      }
      LOG.info("Request done while stopping; the next start sends its answer");
    } catch (RuntimeException e) {
      LOG.warn("Stopping: the answer to {} is lost: {}", request.deliveryKey(), e.toString());
    }
  }

  /**
   * Nothing was stored: the person is told so in the acknowledgement, or where the acknowledgement
   * shows nothing (a Slack button), once through the answer port.
   */
  private Taken apologise(InboundRequest request, Predicate<Reply> fitsAck) {
    Reply apology = Reply.info(FAILURE, List.of());
    if (fitsAck.test(apology)) {
      return new Taken(Acceptance.ACCEPTED, Optional.of(apology));
    }
    try {
      workers.execute(
          () -> {
            try {
              port(request).answer(request, apology);
            } catch (RuntimeException e) {
              LOG.warn("Could not tell {} nothing was saved: {}", request.userId(), e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.info("Stopping: the apology for request {} is not sent", request.deliveryKey());
    }
    return new Taken(Acceptance.ACCEPTED, Optional.empty());
  }

  /**
   * Answered in the acknowledgement; or claimed for this process's answer senders, which post it to
   * the reply address right after the acknowledgement (claimed with the effect, so a click commits
   * once); or owed, with no address to post to, through the answer port.
   */
  private static InboxRows.State finished(
      InboundRequest request, Reply reply, Predicate<Reply> fitsAck) {
    if (reply == null || fitsAck.test(reply)) {
      return InboxRows.State.ANSWERED;
    }
    return request.replyAddress() != null ? InboxRows.State.ANSWERING : InboxRows.State.DONE;
  }

  /** A repeat of a request run as it arrived: the answer its acknowledgement carried, if any. */
  private Taken repeated(InboundRequest request) {
    LOG.info("Answered a repeated request as the first time");
    return new Taken(
        Acceptance.DUPLICATE,
        inbox
            .find(request.deliveryKey())
            .filter(r -> r.state() == InboxRows.State.ANSWERED)
            .map(InboxRows.Row::answer)
            .map(Intake::replyOf));
  }

  /** The request's one line at info: what kind it was, how it ended and how long it took. */
  private static void handled(InboundRequest request, Optional<Reply> reply, long startedNanos) {
    LOG.info(
        "Handled a {} in {} ms: {}",
        request.kind().name().toLowerCase(java.util.Locale.ROOT),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos),
        reply
            .map(r -> r.kind().name().toLowerCase(java.util.Locale.ROOT) + " answer")
            .orElse(request.kind().answered() ? "done by another run" : "no answer"));
  }

  private boolean store(InboundRequest request) {
    return inboxWrites.insert(newRow(request));
  }

  private static InboxRows.NewRow newRow(InboundRequest request) {
    return new InboxRows.NewRow(
        request.deliveryKey(),
        request.platform(),
        request.kind().name(),
        RequestJson.write(request),
        request.receivedAt());
  }

  /**
   * Runs what a restart finds unfinished: PENDING requests again, owed answers of DONE ones. Call
   * once at start, after every adapter has registered its {@link AnswerPort}.
   *
   * @return how many requests it resumed
   */
  public int resume() {
    int forgotten = forgetFinished();
    // what this process accepted itself is on its workers already
    int resumed = resumeUnfinishedBefore(startedAt);
    if (resumed > 0 || forgotten > 0) {
      LOG.info(
          "Intake resumed {} unfinished requests and forgot {} finished ones", resumed, forgotten);
    }
    return resumed;
  }

  /**
   * Runs what has been unfinished for longer than {@link #STALE}: the acknowledged requests of an
   * instance that died while this one kept running, and the answers a failed send left owed. A row
   * another run still holds is safe to take too: the effect commits once and the answer is claimed
   * once. Runs every minute.
   *
   * @return how many requests it resumed
   */
  int resumeStale() {
    try {
      int resumed = resumeUnfinishedBefore(clock.instant().minus(STALE));
      if (resumed > 0) {
        LOG.info("Intake took up {} requests unfinished for over {}", resumed, STALE);
      }
      return resumed;
    } catch (RuntimeException e) {
      LOG.warn("Could not look for unfinished requests: {}", e.toString());
      return 0;
    }
  }

  private int resumeUnfinishedBefore(Instant before) {
    List<InboxRows.Row> unfinished = inbox.unfinishedBefore(before);
    try {
      for (InboxRows.Row row : unfinished) {
        InboundRequest request = RequestJson.read(row.request());
        if (row.state() == InboxRows.State.PENDING) {
          workers.execute(() -> run(request));
        } else {
          senders.execute(() -> sendOwed(request, replyOf(row.answer())));
        }
      }
    } catch (RejectedExecutionException e) {
      LOG.info("Stopping: unfinished requests are left for the next start");
    }
    return unfinished.size();
  }

  /** Forgets finished requests older than {@link #KEEP}; runs at start and every hour. */
  private int forgetFinished() {
    try {
      return inbox.forgetFinishedBefore(clock.instant().minus(KEEP));
    } catch (RuntimeException e) {
      LOG.warn("Could not forget old inbox rows: {}", e.toString());
      return 0;
    }
  }

  private void run(InboundRequest request) {
    try (RequestLogContext logged = RequestLogContext.open(request)) {
      try {
        long started = System.nanoTime();
        Optional<Reply> reply = effect(request, InboxRows.State.DONE);
        handled(request, reply, started);
        if (reply.isPresent() && request.kind().answered()) {
          answering.answer(request, reply.get());
        }
      } catch (RuntimeException e) {
        leftUnfinished(request, e);
      }
    }
  }

  private void sendOwed(InboundRequest request, Reply reply) {
    try (RequestLogContext logged = RequestLogContext.open(request)) {
      answering.answer(request, reply);
    } catch (RuntimeException e) {
      leftUnfinished(request, e);
    }
  }

  private void sendClaimed(InboundRequest request, Reply reply) {
    try (RequestLogContext logged = RequestLogContext.open(request)) {
      answering.answerClaimed(request, reply);
    } catch (RuntimeException e) {
      leftUnfinished(request, e);
    }
  }

  /** The row stays as it is, and a later pass or the next start tries again. */
  private void leftUnfinished(InboundRequest request, RuntimeException e) {
    if (accepting) {
      LOG.error("Running request {} failed", request.deliveryKey(), e);
    } else {
      // stopping: the inbox's writer may be closed already
      LOG.info("Stopping: request {} is left for the next start", request.deliveryKey());
    }
  }

  /**
   * Runs the use case with a rider that moves the row to {@code done} in the transaction that makes
   * the effect; use cases without a transaction (help, a parse error) are recorded afterwards. A
   * second run of the same request (a restart racing a late worker) finds the row done and rolls
   * its effect back, and its command is not counted.
   *
   * @return the answer, or empty when another run did the request
   */
  private Optional<Reply> effect(InboundRequest request, InboxRows.State done) {
    boolean answered = request.kind().answered();
    Database.Rider rider =
        new Database.Rider() {
          @Override
          public boolean wants(Object result) {
            return !answered || result instanceof Reply;
          }

          @Override
          public void beforeCommit(Store store, Object result) {
            if (!InboxRows.markDone(
                store,
                request.deliveryKey(),
                answered ? done : InboxRows.State.ANSWERED,
                answered ? answerJson(request, (Reply) result) : null,
                clock.instant())) {
              // done already (run twice at once): this run's effect must not commit
              throw new AlreadyDone(request.deliveryKey());
            }
          }
        };
    try (HeldCounts counts = HeldCounts.hold()) {
      Database.Ridden<Reply> ridden = db.withRider(rider, () -> running.invoke(request));
      Reply reply = ridden.result();
      if (!ridden.rode()
          && !inbox.markDone(
              request.deliveryKey(),
              answered ? done : InboxRows.State.ANSWERED,
              answered ? answerJson(request, reply) : null,
              clock.instant())) {
        return Optional.empty();
      }
      counts.release();
      return Optional.ofNullable(reply);
    } catch (AlreadyDone e) {
      return Optional.empty();
    }
  }

  private AnswerPort port(InboundRequest request) {
    AnswerPort port = ports.get(request.platform());
    if (port == null) {
      throw new IllegalStateException("no answer port for " + request.platform());
    }
    return port;
  }

  private static String answerJson(InboundRequest request, Reply reply) {
    return reply == null
        ? null
        : Outbox.payload(new ChatTarget.DirectMessage(request.userId()), reply);
  }

  private static Reply replyOf(String answerJson) {
    return answerJson == null ? null : OutboxPayload.parse(answerJson).reply();
  }

  /**
   * Takes no new requests from now on ({@link #accept} refuses them) and waits up to {@code grace}
   * for the running ones. What is still running then is interrupted and stays in the inbox, for the
   * next start.
   *
   * @return whether everything in flight finished
   */
  public boolean stop(Duration grace) throws InterruptedException {
    accepting = false;
    forgetting.shutdownNow();
    workers.shutdown();
    senders.shutdown();
    long deadline = System.nanoTime() + grace.toNanos();
    boolean finished =
        workers.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)
            && senders.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    if (!finished) {
      workers.shutdownNow();
      senders.shutdownNow();
    }
    // after the workers and senders: their answers claim their rows through it
    inboxWrites.close();
    LOG.info(
        finished
            ? "Intake stopped: every accepted request finished"
            : "Intake stopped: requests still running were left in the inbox for the next start");
    return finished;
  }
}
