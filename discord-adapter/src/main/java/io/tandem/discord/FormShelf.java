package io.tandem.discord;

import io.tandem.core.port.in.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Forms that could not open at once. Discord opens a modal only as the first answer to an
 * interaction, so a form that arrives after a deferral or a modal submit is shown behind a button;
 * the button's click opens it from here. Kept in memory for as long as Discord keeps an
 * interaction's token (15 minutes); a click after that asks the person to start again.
 */
final class FormShelf {

  /** The action id of the button that opens a shelved form; its value is the shelf key. */
  static final String OPEN_FORM_ACTION = "tandem.form";

  private static final Duration KEEP = Duration.ofMinutes(15);

  private record Shelved(Reply.Form form, Instant until) {}

  private final ConcurrentMap<String, Shelved> forms = new ConcurrentHashMap<>();
  private final Clock clock;

  FormShelf(Clock clock) {
    this.clock = clock;
  }

  /** The reply with an "open the form" button in place of its form. */
  Reply shelve(Reply reply) {
    Instant now = clock.instant();
    forms.values().removeIf(s -> s.until().isBefore(now));
    String key = UUID.randomUUID().toString().substring(0, 12);
    forms.put(key, new Shelved(reply.form(), now.plus(KEEP)));
    java.util.List<Reply.Button> buttons = new java.util.ArrayList<>(reply.buttons());
    buttons.add(
        new Reply.Button(
            OPEN_FORM_ACTION,
            reply.kind() == Reply.Kind.ERROR ? "Fix it" : "Open the form",
            key,
            Reply.Button.Style.PRIMARY));
    return new Reply(reply.kind(), reply.visibility(), reply.text(), reply.fields(), buttons, null);
  }

  Optional<Reply.Form> take(String key) {
    Shelved shelved = forms.get(key);
    if (shelved == null || shelved.until().isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(shelved.form());
  }
}
