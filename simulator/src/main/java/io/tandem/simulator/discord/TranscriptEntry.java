package io.tandem.simulator.discord;

import java.time.Instant;

/**
 * One line of what happened in the simulated Discord, for demos and debugging.
 *
 * @param time when it happened
 * @param speaker {@code user} for what a person did, {@code bot} for what the bot said
 * @param who the user's name, or the bot's name
 * @param text a one-line human rendering (a command line, a click, message content and fields)
 * @param privately whether only the person sees it (ephemeral)
 */
public record TranscriptEntry(
    Instant time, Speaker speaker, String who, String text, boolean privately) {

  public enum Speaker {
    USER,
    BOT
  }

  @Override
  public String toString() {
    return who + (privately ? " (only you)" : "") + ": " + text;
  }
}
