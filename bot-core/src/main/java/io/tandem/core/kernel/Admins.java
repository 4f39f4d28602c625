package io.tandem.core.kernel;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import java.util.Optional;

/**
 * The check every workspace-level admin command makes first ({@code program create}, {@code forget
 * @person}, …). Commands that act on one program ask {@code io.tandem.core.programs.AdminRights}
 * instead, which also lets that program's own admins in.
 */
public final class Admins {

  private Admins() {}

  /** Runs {@code work} for admins; everyone else gets the refusal and nothing runs. */
  public static Reply only(Actor actor, String example, java.util.function.Supplier<Reply> work) {
    return refuse(actor, example).orElseGet(work);
  }

  /**
   * An error for anyone who is not a workspace admin, saying who is one; empty for admins. It names
   * no configuration: the person reading it can do nothing with a config key.
   */
  public static Optional<Reply> refuse(Actor actor, String example) {
    if (actor.admin()) {
      return Optional.empty();
    }
    return Optional.of(
        Reply.error(
            "Only workspace admins can do that: on Slack, the workspace's admins and owners and"
                + " the people Tandem was set up to treat as admins; on Discord, people with Manage"
                + " Server or Tandem's admin role. Ask one of them.",
            example));
  }
}
