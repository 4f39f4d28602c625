package io.tandem.core.port.in;

/**
 * The single entry point for {@code /tandem} commands from every platform.
 *
 * <p>Called by the Slack and Discord adapters on one of their worker threads, after they have
 * acknowledged the platform request, never on the acknowledgement path. Each call runs in its own
 * transaction: the state change, its engagement signals and any outbox messages are stored together
 * or not at all. Never throws for bad input: that is answered with an error {@link Reply}. Safe to
 * call from many threads at once.
 */
public interface HandleCommandUseCase {

  Reply handle(Invocation invocation);
}
