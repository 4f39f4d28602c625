package io.tandem.core.port.in;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code /tandem …} command as a person typed it.
 *
 * @param actor who ran it
 * @param channelId where it was run (used for public replies)
 * @param text everything after {@code /tandem}, exactly as typed; the core parses it
 * @param mentions the people the text mentions in its platform's syntax, as the adapter recognised
 *     them: each token exactly as it stands in {@code text}, with the user id it names (see {@link
 *     InboundRequest#mentions()}); empty when it mentions nobody that way
 */
public record Invocation(Actor actor, String channelId, String text, Map<String, String> mentions) {

  public Invocation {
    Objects.requireNonNull(actor, "actor");
    text = text == null ? "" : text;
    mentions = mentions == null ? Map.of() : Map.copyOf(mentions);
  }

  /** A command that mentions nobody in a platform's syntax (Tandem's plain forms still work). */
  public Invocation(Actor actor, String channelId, String text) {
    this(actor, channelId, text, Map.of());
  }
}
