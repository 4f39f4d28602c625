package io.tandem.core.port.out;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.Reply;

/**
 * How one platform's adapter tells the intake who acted and delivers the answer to a request it
 * accepted. Registered by the adapter with the intake before it accepts anything.
 *
 * <p><b>Threads and transactions.</b> Called on the intake's worker threads (and at start-up for
 * requests a restart resumes), outside any transaction; may block on the network.
 */
public interface AnswerPort {

  /**
   * Who sent {@code request}, with what the platform knows of them now (Slack looks up the time
   * zone and admin flag; Discord sent them with the request).
   */
  Actor actor(InboundRequest request);

  /**
   * Sends {@code reply} at the request's reply address (Slack {@code response_url}, a form opened
   * with the trigger; Discord: the interaction's response or its deferred answer). The intake calls
   * it once per request, only while the platform still takes answers there, and never again for the
   * same request, whatever happens.
   *
   * @return false when the platform refused it (the intake then sends it as a direct message)
   */
  boolean answer(InboundRequest request, Reply reply);
}
