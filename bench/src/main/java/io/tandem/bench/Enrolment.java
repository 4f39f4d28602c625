package io.tandem.bench;

import io.tandem.app.Tandem;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import java.util.Map;

/**
 * Enrols benchmark people straight through Tandem's core ports (join, then both pages of the
 * profile form), so the measured {@code /tandem log} commands do real work. Setup only: it is not
 * what the benchmark measures.
 */
final class Enrolment {

  private static final Map<String, String> ABOUT =
      Map.of(
          "department", "Finance",
          "band", "4",
          "communication", "call",
          "timezone", "Europe/Berlin");

  private static final Map<String, String> SKILLS =
      Map.of("learn", "Instagram reels 1", "teach", "Budgeting", "availability", "Tue 14-16");

  private Enrolment() {}

  /** Enrols one mentee; returns the last answer's first line for the log. */
  static String mentee(Tandem tandem, Platform platform, String workspaceId, String userId) {
    Actor actor = new Actor(platform, workspaceId, userId, userId, "Europe/Berlin", false);
    Reply reply = tandem.commands().handle(new Invocation(actor, null, "join mentee"));
    for (Map<String, String> page : new Map[] {ABOUT, SKILLS}) {
      if (reply.form() == null) {
        break;
      }
      reply = tandem.interactions().submitted(actor, null, reply.form().formId(), page);
    }
    if (reply.kind() == Reply.Kind.ERROR) {
      throw new IllegalStateException("could not enrol " + userId + ": " + reply.text());
    }
    return reply.text();
  }
}
