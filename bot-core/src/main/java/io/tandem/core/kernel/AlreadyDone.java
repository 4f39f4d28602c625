package io.tandem.core.kernel;

/**
 * Rolls back the effect of a request that another run of it finished first: a platform's retry or
 * duplicate delivery, on this instance or another one sharing the database. Thrown inside the use
 * case's transaction, just before it would commit. Nothing failed, so the handlers that turn a use
 * case's failure into a logged apology let it pass to the intake, which answers with the first
 * run's answer.
 */
public final class AlreadyDone extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AlreadyDone(String deliveryKey) {
    super("request " + deliveryKey + " is done already", null, false, false);
  }
}
