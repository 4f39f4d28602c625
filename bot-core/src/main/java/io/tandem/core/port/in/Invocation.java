package io.tandem.core.port.in;

import java.util.Objects;

/**
 * One {@code /tandem …} command as a person typed it.
 *
 * @param actor who ran it
 * @param channelId where it was run (used for public replies)
 * @param text everything after {@code /tandem}, exactly as typed; the core parses it
 */
public record Invocation(Actor actor, String channelId, String text) {

  public Invocation {
    Objects.requireNonNull(actor, "actor");
    text = text == null ? "" : text;
  }
}
