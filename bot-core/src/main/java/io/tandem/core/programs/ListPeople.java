package io.tandem.core.programs;

import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code program waitlist [NAME]} and {@code program people [NAME]}: a short private list for
 * admins, in joining order, of who waits for a place or who holds one.
 */
public final class ListPeople {

  /** How many names a list shows; the rest are counted. */
  static final int SHOWN = 30;

  private final Database db;

  public ListPeople(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public Reply list(Actor actor, ProgramControl.ListPeople command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        ProgramControlGrammar.WAITLIST_EXAMPLE,
        (store, program) -> {
          List<Participant> people =
              Participants.in(store).inProgram(program.getId()).stream()
                  .filter(p -> shows(command.listing(), p.getStatus()))
                  .toList();
          Members members = Members.in(store);
          List<String> lines = new ArrayList<>();
          for (int i = 0; i < Math.min(SHOWN, people.size()); i++) {
            lines.add(line(members, people.get(i), i + 1));
          }
          return Reply.info(
              title(command.listing(), program, people.size()) + body(lines, people.size()),
              List.of());
        });
  }

  private static boolean shows(ProgramControl.Listing listing, ParticipantStatus status) {
    return listing == ProgramControl.Listing.WAITLIST
        ? status == ParticipantStatus.WAITLISTED
        : status == ParticipantStatus.ACTIVE || status == ParticipantStatus.PAUSED;
  }

  private static String title(ProgramControl.Listing listing, Program program, int count) {
    String name = "*" + Markup.text(program.getName()) + "*";
    if (listing == ProgramControl.Listing.WAITLIST) {
      return count == 0
          ? "Nobody is waiting for a place in " + name + "."
          : count
              + (count == 1 ? " person waits" : " people wait")
              + " for a place in "
              + name
              + ", first in line first:";
    }
    return count == 0
        ? "Nobody has a place in " + name + " yet."
        : count + (count == 1 ? " person is" : " people are") + " enrolled in " + name + ":";
  }

  private static String line(Members members, Participant p, int number) {
    String name =
        members.byId(p.getMemberId()).map(m -> Markup.text(m.getDisplayName())).orElse("?");
    return number
        + ". "
        + name
        + " — "
        + p.getRole().name().toLowerCase(Locale.ROOT)
        + (p.getStatus() == ParticipantStatus.PAUSED ? ", paused" : "")
        + ", joined "
        + p.getJoinedAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static String body(List<String> lines, int count) {
    if (lines.isEmpty()) {
      return "";
    }
    return "\n"
        + String.join("\n", lines)
        + (count > lines.size() ? "\n… and " + (count - lines.size()) + " more." : "");
  }
}
