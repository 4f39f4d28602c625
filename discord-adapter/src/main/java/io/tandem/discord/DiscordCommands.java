package io.tandem.discord;

import java.util.Optional;

/** Tandem's Discord commands as people type them, for the demo and end-to-end tests. */
public final class DiscordCommands {

  private DiscordCommands() {}

  /**
   * A command of the core grammar as typed in Discord's slash-command UI: {@code log 45m Reels} is
   * {@code /tandem log duration:45m topic:Reels}, {@code match preview} is {@code /tandem-admin
   * match preview}. Empty when Discord's UI would not let a person send it.
   */
  public static Optional<String> typed(String coreText) {
    return TandemCommand.typed(coreText);
  }
}
