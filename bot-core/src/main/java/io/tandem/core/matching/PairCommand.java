package io.tandem.core.matching;

import io.tandem.core.command.Command;
import java.util.Objects;

/**
 * Commands about one pair; {@link PairGrammar} parses them. Sealed here, so that routing can check
 * each has a handler.
 */
public sealed interface PairCommand extends Command.PairCommands {

  /** Longest reason an admin may give for ending or making a pair. */
  int MAX_REASON = 200;

  /**
   * {@code pair end @a @b [reason]}: an admin ends the pairing of two people.
   *
   * @param reason why, for the record (never shown to the pair), possibly empty
   */
  record EndPair(String firstUserId, String secondUserId, String reason) implements PairCommand {
    public EndPair {
      Objects.requireNonNull(firstUserId, "firstUserId");
      Objects.requireNonNull(secondUserId, "secondUserId");
      reason = reason == null ? "" : reason.strip();
      if (reason.length() > MAX_REASON) {
        throw new IllegalArgumentException("reason longer than " + MAX_REASON);
      }
    }
  }

  /**
   * {@code pair end [with @partner] [confirm]}: a participant ends their own pairing (not the
   * program); without {@code confirmed} Tandem asks first.
   *
   * @param partnerUserId the partner named, or {@code null}
   * @param pairId the pair a button carries ({@code pair:42}), or {@code null}
   */
  record EndMyPair(String partnerUserId, boolean confirmed, Long pairId) implements PairCommand {}

  /**
   * {@code pair make @mentor @mentee [program] [override reason]}: an admin pairs two people by
   * hand. The matcher's hard rules hold unless the admin states why one may be broken.
   *
   * @param program the program's name, or {@code null} for the only live one
   * @param override why a broken hard rule is accepted, or {@code null} to refuse any
   */
  record MakePair(String mentorUserId, String menteeUserId, String program, String override)
      implements PairCommand {
    public MakePair {
      Objects.requireNonNull(mentorUserId, "mentorUserId");
      Objects.requireNonNull(menteeUserId, "menteeUserId");
      program = program == null || program.isBlank() ? null : program.strip();
      if (override != null && (override.isBlank() || override.length() > MAX_REASON)) {
        throw new IllegalArgumentException("override reason must be 1 to " + MAX_REASON);
      }
    }
  }

  /**
   * {@code pair redo @person [reason]}: an admin ends the person's pair and puts both people back
   * for the next match round.
   */
  record RePair(String userId, String reason) implements PairCommand {
    public RePair {
      Objects.requireNonNull(userId, "userId");
      reason = reason == null ? "" : reason.strip();
      if (reason.length() > MAX_REASON) {
        throw new IllegalArgumentException("reason longer than " + MAX_REASON);
      }
    }
  }
}
