package io.tandem.core.intake;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.intake.persistence.InboxRows;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an owed answer once: at the request's reply address while the platform takes it there,
 * otherwise (or when the platform refuses it) as a direct message through the outbox. Runs on an
 * intake worker.
 */
final class AnswerRequest {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerRequest.class);

  private final Database db;
  private final GroupCommit claims;
  private final Clock clock;
  private final Function<InboundRequest, AnswerPort> ports;

  AnswerRequest(
      Database db, GroupCommit claims, Clock clock, Function<InboundRequest, AnswerPort> ports) {
    this.db = db;
    this.claims = claims;
    this.clock = clock;
    this.ports = ports;
  }

  /** How long a platform takes answers at a request's reply address. */
  static Duration window(Platform platform) {
    // Slack: a response_url takes posts for 30 minutes; Discord: an interaction token lives 15
    return platform == Platform.SLACK ? Duration.ofMinutes(30) : Duration.ofMinutes(15);
  }

  void answer(InboundRequest request, Reply reply) {
    Instant now = clock.instant();
    boolean inTime = now.isBefore(request.receivedAt().plus(window(request.platform())));
    if (request.replyAddress() != null && inTime) {
      if (!claims.move(
          new InboxRows.Move(
              request.deliveryKey(), InboxRows.State.DONE, InboxRows.State.ANSWERING))) {
        return;
      }
      answerClaimed(request, reply);
    } else {
      directMessage(request, reply, InboxRows.State.DONE);
    }
  }

  /**
   * Sends an answer whose row this process has claimed (ANSWERING) at the request's reply address,
   * or as a direct message when the platform refuses it there.
   */
  void answerClaimed(InboundRequest request, Reply reply) {
    boolean sent;
    try {
      sent = ports.apply(request).answer(request, reply);
    } catch (RuntimeException e) {
      LOG.warn("Answering request {} failed: {}", request.deliveryKey(), e.toString());
      sent = false;
    }
    if (!sent) {
      directMessage(request, reply, InboxRows.State.ANSWERING);
    }
  }

  /** Queues the answer as a direct message, in the transaction that records it answered. */
  private void directMessage(InboundRequest request, Reply reply, InboxRows.State from) {
    db.transaction(
        store -> {
          if (!InboxRows.move(store, request.deliveryKey(), from, InboxRows.State.ANSWERED)) {
            return null;
          }
          Workspaces.in(store)
              .find(request.platform(), request.workspaceId())
              .ifPresentOrElse(
                  workspace ->
                      Outbox.queue(
                          store,
                          workspace.getId(),
                          request.platform(),
                          "answer:" + request.deliveryKey(),
                          new ChatTarget.DirectMessage(request.userId()),
                          reply.form() == null ? reply : withoutForm(reply),
                          clock.instant(),
                          clock.instant()),
                  () ->
                      LOG.warn(
                          "No workspace {} for the answer to {}; it is dropped",
                          request.workspaceId(),
                          request.deliveryKey()));
          return null;
        });
  }

  private static Reply withoutForm(Reply reply) {
    return new Reply(
        reply.kind(),
        reply.visibility(),
        reply.text(),
        reply.fields(),
        reply.buttons(),
        null,
        reply.inputErrors());
  }
}
