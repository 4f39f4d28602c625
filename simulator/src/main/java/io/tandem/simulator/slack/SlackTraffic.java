package io.tandem.simulator.slack;

import java.time.Instant;

/**
 * One line of the chat transcript: something a person did, or something the app said.
 *
 * <p>Delivered to listeners registered with {@link SlackSimulator#onTraffic}; the demo prints them.
 *
 * @param direction who spoke
 * @param kind what it was: {@code command}, {@code click}, {@code submit}, {@code app_home}, {@code
 *     chat.postMessage}, {@code chat.postEphemeral}, {@code chat.update}, {@code views.open},
 *     {@code views.publish}, {@code views.update}, {@code views.push}, {@code response_url}
 * @param user the person's name (for {@link Direction#TO_APP}), or the user/channel the app
 *     addressed
 * @param channel the channel id, or {@code null} when there is none (views)
 * @param text a human-readable summary (the command line, or the message's text and blocks)
 * @param time when it happened, by the simulator's clock
 */
public record SlackTraffic(
    Direction direction, String kind, String user, String channel, String text, Instant time) {

  /** Who spoke. */
  public enum Direction {
    /** A person did something; the app receives it. */
    TO_APP,
    /** The app said something to Slack. */
    FROM_APP
  }

  @Override
  public String toString() {
    String arrow = direction == Direction.TO_APP ? "->" : "<-";
    return arrow + " " + user + " [" + kind + "] " + text;
  }
}
