package io.tandem.core.kernel;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.util.Optional;

/** The one check every admin command makes first. */
public final class Admins {

  private Admins() {}

  /** Runs {@code work} for admins; everyone else gets the refusal and nothing runs. */
  public static Reply only(Actor actor, String example, java.util.function.Supplier<Reply> work) {
    return refuse(actor, example).orElseGet(work);
  }

  /** An error for anyone who is not a program admin; empty for admins. */
  public static Optional<Reply> refuse(Actor actor, String example) {
    if (actor.admin()) {
      return Optional.empty();
    }
    return Optional.of(
        Reply.error(
            "Only program admins can do that. On Slack that is workspace admins and the users"
                + " listed under `slack.admins`; on Discord, people with Manage Server or the"
                + " admin role.",
            example));
  }
}
