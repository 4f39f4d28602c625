package io.tandem.core.programs;

import io.tandem.core.command.CommandParser.Parsed;
import io.tandem.core.kernel.MentionedUsers;
import java.util.Optional;

/**
 * {@code program edit|waitlist|people|remove …}: the admin controls of a program that exists.
 * Settings are read by {@link ProgramGrammar#read}, the reader of {@code program create}.
 */
final class ProgramControlGrammar {

  static final String EDIT_EXAMPLE = "program edit Data pilot cap 40";
  static final String WAITLIST_EXAMPLE = "program waitlist Data pilot";
  static final String REMOVE_EXAMPLE = "program remove @ben Data pilot";
  static final String COPY_EXAMPLE = "program copy Data pilot as Data rollout";

  private ProgramControlGrammar() {}

  /** The command, when {@code action} is one of these controls; empty otherwise. */
  static Optional<Parsed> parse(String action, String args, MentionedUsers mentions) {
    return switch (action) {
      case "edit" -> Optional.of(edit(args));
      case "waitlist" -> Optional.of(list(ProgramControl.Listing.WAITLIST, args));
      case "people" -> Optional.of(list(ProgramControl.Listing.ENROLLED, args));
      case "remove" -> Optional.of(remove(args, mentions));
      case "copy" -> Optional.of(copy(args));
      default -> Optional.empty();
    };
  }

  private static Parsed edit(String args) {
    ProgramGrammar.Read read = ProgramGrammar.read(args, EDIT_EXAMPLE);
    if (read.rejected() != null) {
      return read.rejected();
    }
    ProgramGrammar.CreateSettings s = read.settings();
    if (s.given.isEmpty()) {
      return new Parsed.Rejected(
          "Say what to change: every, for, cap, gap, cooldown, weights or skills, each with its"
              + " new value.",
          EDIT_EXAMPLE);
    }
    return new Parsed.Accepted(
        new ProgramControl.EditProgram(
            read.name().isEmpty() ? null : read.name(),
            s.given.contains("every") ? s.cadenceDays : null,
            s.given.contains("for") ? s.durationWeeks : null,
            s.given.contains("cap") ? s.cap : null,
            s.given.contains("gap") ? s.gap : null,
            s.given.contains("cooldown") ? s.cooldownDays : null,
            s.given.contains("skills") ? s.skills : null,
            s.given.contains("weights") ? s.weights : null));
  }

  private static Parsed copy(String args) {
    String[] parts = args.split("(?i)\\s+as\\s+", 2);
    String from = parts[0].strip();
    String name = parts.length > 1 ? parts[1].strip() : "";
    if (from.isEmpty() || name.isEmpty()) {
      return new Parsed.Rejected(
          "Name the program to copy, then `as` and the new program's name.", COPY_EXAMPLE);
    }
    ProgramGrammar.Read read = ProgramGrammar.read(name, COPY_EXAMPLE);
    if (read.rejected() != null) {
      return read.rejected();
    }
    if (!read.settings().given.isEmpty()) {
      return new Parsed.Rejected(
          "Copy first, then change what differs with `program edit`.", COPY_EXAMPLE);
    }
    return new Parsed.Accepted(new ProgramControl.CopyProgram(from, read.name()));
  }

  private static Parsed remove(String args, MentionedUsers mentions) {
    String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+", 2);
    Optional<String> person = words.length == 0 ? Optional.empty() : mentions.userId(words[0]);
    if (person.isEmpty()) {
      return new Parsed.Rejected(
          "Mention the one person to remove, then the program if there are several.",
          REMOVE_EXAMPLE);
    }
    return new Parsed.Accepted(
        new ProgramControl.RemoveParticipant(person.get(), words.length > 1 ? words[1] : null));
  }

  private static Parsed list(ProgramControl.Listing listing, String args) {
    return new Parsed.Accepted(
        new ProgramControl.ListPeople(listing, args.isBlank() ? null : args.strip()));
  }
}
