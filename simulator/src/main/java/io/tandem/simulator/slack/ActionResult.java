package io.tandem.simulator.slack;

import java.time.Duration;

/**
 * What came of one thing a person did: the app's ack, and a way to wait for what the app later
 * posts to the action's {@code response_url} (apps ack first and answer there).
 */
public final class ActionResult {
  private final SlackSimulator simulator;
  private final Ack ack;
  private final String responseUrlId;
  private final String triggerId;

  ActionResult(SlackSimulator simulator, Ack ack, String responseUrlId, String triggerId) {
    this.simulator = simulator;
    this.ack = ack;
    this.responseUrlId = responseUrlId;
    this.triggerId = triggerId;
  }

  /** The app's acknowledgement. */
  public Ack ack() {
    return ack;
  }

  /** The {@code response_url} id sent with the action, or {@code null} when there was none. */
  public String responseUrlId() {
    return responseUrlId;
  }

  /** The absolute {@code response_url}, or {@code null}. */
  public String responseUrl() {
    return responseUrlId == null ? null : simulator.responseUrl(responseUrlId);
  }

  /** The {@code trigger_id} sent with the action, or {@code null} for events. */
  public String triggerId() {
    return triggerId;
  }

  /**
   * Waits for the first message the app posts to this action's {@code response_url}.
   *
   * @throws AssertionError when nothing arrives within {@code timeout}, or the action had none
   */
  public ResponseMessage awaitResponse(Duration timeout) {
    if (responseUrlId == null) {
      throw new AssertionError("this action had no response_url");
    }
    return simulator.awaitResponse(responseUrlId, timeout);
  }

  /**
   * What the person got back: the ack's text when the app answered in the ack, else the first
   * {@code response_url} message, waiting for it up to {@code timeout}.
   */
  public String awaitReplyText(Duration timeout) {
    String inAck = ack.readableText();
    if (inAck != null && !inAck.isBlank()) {
      return inAck;
    }
    return awaitResponse(timeout).readableText();
  }

  @Override
  public String toString() {
    return "ActionResult[ack=" + ack + ", responseUrlId=" + responseUrlId + "]";
  }
}
