package io.tandem.core.port.in;

import java.util.Map;

/**
 * Buttons and forms: what a person does with something Tandem showed them.
 *
 * <p>Called by the adapters on their worker threads, like {@link HandleCommandUseCase}; each call
 * is one transaction and never throws for bad input (the answer is an error {@link Reply}, and a
 * form answered with an error is shown again by the adapter where the platform allows).
 */
public interface HandleInteractionUseCase {

  /**
   * A button was clicked.
   *
   * @param actionId the {@link Reply.Button#actionId()} it was rendered with
   * @param value the {@link Reply.Button#value()} it was rendered with
   */
  Reply clicked(Actor actor, String channelId, String actionId, String value);

  /**
   * A button was clicked whose value mentions people in the platform's syntax (a command button
   * rendered before Tandem wrote its own plain form), as {@link InboundRequest#mentions()}.
   */
  default Reply clicked(
      Actor actor, String channelId, String actionId, String value, Map<String, String> mentions) {
    return clicked(actor, channelId, actionId, value);
  }

  /**
   * A form was submitted.
   *
   * @param formId the {@link Reply.Form#formId()} it was opened with
   * @param values each input's id mapped to what the person typed (blank inputs may be absent)
   */
  Reply submitted(Actor actor, String channelId, String formId, Map<String, String> values);

  /**
   * The person opened Tandem's home surface (Slack's App Home tab). The core queues a fresh
   * dashboard for them through the outbox ({@code ChatTarget.AppHome}); nothing is returned and
   * nothing is thrown. Platforms without a home never call it.
   */
  default void homeOpened(Actor actor) {}

  /**
   * The person closed a form Tandem opened without submitting it (Slack's {@code view_closed}; the
   * adapter opens every modal with {@code notify_on_close}). The core records that the form was
   * abandoned, by its id only; nothing is returned and nothing is thrown. Discord sends no event
   * when a modal is dismissed, so its adapter never calls this and abandonment is not seen there.
   *
   * @param formId the {@link Reply.Form#formId()} it was opened with
   */
  default void formClosed(Actor actor, String formId) {}
}
