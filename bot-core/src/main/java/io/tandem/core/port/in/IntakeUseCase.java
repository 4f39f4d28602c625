package io.tandem.core.port.in;

import java.util.Optional;

/**
 * The one way a platform request enters Tandem: nothing is acknowledged before it is durable.
 *
 * <p><b>Who calls it.</b> The Slack and Discord adapters, for every command, click, form and event
 * they acknowledge. {@link #accept} is on the acknowledgement path: one short insert, no use case;
 * {@link #acceptOrAnswer} runs a quick command's use case there, in one write transaction.
 *
 * <p><b>What it promises.</b> An accepted request reaches its effect exactly once (the effect and
 * the record that it happened commit in one transaction), also across a crash or a restart, which
 * runs what was pending again. Its answer goes to the platform's {@link
 * io.tandem.core.port.out.AnswerPort} at most once; when the process died before sending it, a
 * restart sends it while the platform still takes it, and otherwise as a direct message through the
 * outbox. A second delivery of the same {@link InboundRequest#deliveryKey()} changes nothing and
 * sends nothing.
 */
public interface IntakeUseCase {

  /** What became of a request handed to {@link #accept}. */
  enum Acceptance {
    /** Stored; it runs on the intake's workers and is answered through the {@code AnswerPort}. */
    ACCEPTED,
    /** Seen before: acknowledge it and do nothing else. */
    DUPLICATE,
    /**
     * Tandem is stopping and takes no new work: answer with a retryable error (HTTP 503), not an
     * acknowledgement.
     */
    REFUSED
  }

  /** Stores the request (committed when this returns) and hands it to a worker. */
  Acceptance accept(InboundRequest request);

  /**
   * For requests the platform wants answered in the acknowledgement itself (a Slack form keeps its
   * errors or moves to its next page): stores the request and runs it now, its effect committed
   * when this returns, the answer marked as being sent (the caller sends it in the ack).
   *
   * @return the answer; for a request seen before, the answer it got then (empty when it has none
   *     yet, e.g. it is still running); empty too when Tandem is stopping ({@link #accepting})
   */
  Optional<Reply> answerNow(InboundRequest request);

  /**
   * What became of a request handed to {@link #acceptOrAnswer}.
   *
   * @param acceptance as {@link #accept} says; {@code REFUSED}: answer with HTTP 503
   * @param inAck the answer to send in the acknowledgement itself; empty for a plain one
   */
  record Taken(Acceptance acceptance, Optional<Reply> inAck) {}

  /**
   * For a platform that shows an acknowledgement's body to the person who acted (a Slack slash
   * command): a quick command runs now and is answered in the acknowledgement, its effect and its
   * record committed in one transaction before this returns; a long one (its verb says so) is
   * {@link #accept}ed, and so is a quick one that arrives while many run already. An answer that
   * {@code fitsAck} refuses (a form to open) is sent through the {@code AnswerPort} after the
   * effect committed. A failing command stores nothing and is answered with a short private
   * apology. A second delivery of the same request gets the answer the first got in its
   * acknowledgement, and no second effect.
   */
  Taken acceptOrAnswer(InboundRequest request, java.util.function.Predicate<Reply> fitsAck);

  /** Whether new requests are taken; false once Tandem has begun to stop. */
  boolean accepting();
}
