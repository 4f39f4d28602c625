package io.tandem.core.kernel;

import java.util.Objects;

/**
 * Tandem cannot start, or an operator command cannot run, because of how it was set up: a token,
 * the network, the database, a port. The message is one short paragraph for the operator: what
 * happened, the likely cause and the fix, in words that need no Java to read. The cause, if any, is
 * kept for {@code --debug}.
 *
 * <p>Thrown by the parts that meet the outside world when they start (the database, the platform
 * adapters, the HTTP server); the program turns the {@link Kind} into its exit code.
 */
public final class SetupFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What the operator has to look at; each has its own exit code. */
  public enum Kind {
    /** The configuration (tandem.yml or the environment) is wrong or incomplete. */
    CONFIG,
    /** The database cannot be reached, opened, created or used as it is. */
    DATABASE,
    /** Slack or Discord refused Tandem, or could not be reached. */
    PLATFORM,
    /** Another program already listens on the address Tandem's HTTP server wants. */
    PORT_IN_USE
  }

  private final Kind kind;

  private SetupFailure(Kind kind, String paragraph, Throwable cause) {
    super(paragraph, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * A failure explained in three sentences.
   *
   * @param happened what went wrong, e.g. "Slack did not accept the bot token (invalid_auth)."
   * @param likelyCause why that usually happens
   * @param fix what to do about it, naming the setting or command
   * @param cause the exception behind it, shown with {@code --debug}; may be {@code null}
   */
  public static SetupFailure of(
      Kind kind, String happened, String likelyCause, String fix, Throwable cause) {
    return new SetupFailure(
        kind, sentence(happened) + " " + sentence(likelyCause) + " " + sentence(fix), cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The first set-up failure in {@code failure}'s chain of causes, or {@code null}. */
  public static SetupFailure in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SetupFailure setup) {
        return setup;
      }
    }
    return null;
  }

  /** {@code text} as a sentence: a capital first letter and a full stop unless it has one. */
  private static String sentence(String text) {
    String s = Objects.requireNonNull(text, "text").strip();
    if (!s.isEmpty()) {
      s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
    return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
  }
}
