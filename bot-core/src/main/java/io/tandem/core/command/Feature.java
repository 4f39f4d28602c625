package io.tandem.core.command;

/**
 * A capability of Tandem as the chat sees it: it declares its commands, buttons, forms and jobs on
 * {@link Routes}, once, at start-up. Each feature package holds one; the app's composition root
 * lists them all.
 */
@FunctionalInterface
public interface Feature {

  /** Declares this feature's handlers on {@code routes}; called once, before any request. */
  void register(Routes routes);
}
