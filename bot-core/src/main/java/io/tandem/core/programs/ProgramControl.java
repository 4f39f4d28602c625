package io.tandem.core.programs;

import io.tandem.core.command.Command;
import java.util.List;
import java.util.Objects;

/**
 * Admins' controls of an existing program; {@link ProgramControlGrammar} parses them. Sealed here,
 * so that routing can check each has a handler.
 */
public sealed interface ProgramControl extends Command.ProgramControls {

  /**
   * {@code program edit [NAME] cap 40 every 1w …}: change some of a program's settings, read and
   * checked exactly as {@code program create} reads them. A {@code null} setting stays as it is.
   *
   * @param program the program's name, or {@code null} for the only live one
   */
  record EditProgram(
      String program,
      Integer cadenceDays,
      Integer durationWeeks,
      Integer pilotCap,
      Integer minSeniorityGap,
      Integer repeatCooldownDays,
      List<String> skills,
      String weights)
      implements ProgramControl {
    public EditProgram {
      skills = skills == null ? null : List.copyOf(skills);
      if (cadenceDays == null
          && durationWeeks == null
          && pilotCap == null
          && minSeniorityGap == null
          && repeatCooldownDays == null
          && skills == null
          && weights == null) {
        throw new IllegalArgumentException("an edit changes at least one setting");
      }
    }
  }

  /** Which of a program's people an admin lists. */
  enum Listing {
    /** waiting for a place, in joining order */
    WAITLIST,
    /** holding a place: active or paused */
    ENROLLED
  }

  /**
   * {@code program waitlist [NAME]} and {@code program people [NAME]}.
   *
   * @param program the program's name, or {@code null} for the only live one
   */
  record ListPeople(Listing listing, String program) implements ProgramControl {
    public ListPeople {
      Objects.requireNonNull(listing, "listing");
    }
  }

  /**
   * {@code program remove @person [NAME]}: an admin takes a participant out of a program.
   *
   * @param program the program's name, or {@code null} for the only live one
   */
  record RemoveParticipant(String userId, String program) implements ProgramControl {
    public RemoveParticipant {
      Objects.requireNonNull(userId, "userId");
    }
  }

  /**
   * {@code program copy FROM as NEW_NAME}: a new draft program with FROM's settings (a pilot's,
   * say, for the rollout).
   */
  record CopyProgram(String from, String name) implements ProgramControl {
    public CopyProgram {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(name, "name");
    }
  }
}
