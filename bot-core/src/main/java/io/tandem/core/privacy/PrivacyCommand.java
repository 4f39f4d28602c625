package io.tandem.core.privacy;

import io.tandem.core.command.Command;
import java.util.Objects;

/**
 * The commands about a person's own data; {@link PrivacyGrammar} parses them. Sealed here, so that
 * routing can check each has a handler.
 */
public sealed interface PrivacyCommand extends Command.Privacy {

  /** {@code my data}: send the actor everything Tandem holds about them, as a file. */
  record MyData() implements PrivacyCommand {}

  /**
   * {@code forget me [confirm]}, or an admin's {@code forget @person [confirm]}: end the person's
   * participation and erase their personal data; without {@code confirmed} Tandem asks first.
   *
   * @param userId the person to forget, or {@code null} for the actor themselves
   */
  record Forget(String userId, boolean confirmed) implements PrivacyCommand {}

  /** {@code forget me} as a record. */
  static Forget forgetMe(boolean confirmed) {
    return new Forget(null, confirmed);
  }

  /** {@code forget @person}, for admins. */
  static Forget forget(String userId, boolean confirmed) {
    return new Forget(Objects.requireNonNull(userId, "userId"), confirmed);
  }
}
