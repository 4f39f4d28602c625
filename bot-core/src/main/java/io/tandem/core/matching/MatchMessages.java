package io.tandem.core.matching;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.kernel.Role;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.matching.model.Unmatched;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import java.util.ArrayList;
import java.util.List;

/** What admins and unmatched people hear from matching. */
final class MatchMessages {

  /** Pairs shown in chat; a bigger pool is summarised (the CLI shows all). */
  static final int PAIRS_SHOWN = 15;

  private MatchMessages() {}

  static Reply noProgram(String name) {
    return Reply.error(
        name == null
            ? "Name the program to match; there is more than one, or none yet."
            : "There is no program called *" + Markup.text(name) + "* here.",
        "match preview Data pilot");
  }

  static Reply approved(Program program, int pairs, int told) {
    return Reply.success(
        "Approved "
            + pairs
            + (pairs == 1 ? " pair" : " pairs")
            + " in *"
            + Markup.text(program.getName())
            + "*. Introductions are on their way"
            + (told == 0 ? "." : ", and " + told + " unmatched people were told why, privately."),
        List.of());
  }

  static String unmatched(Program program, Role role, boolean waiting) {
    return waiting
        ? "Pairs for *"
            + Markup.text(program.getName())
            + "* were just made. The pilot is full, so you're on the"
            + " waitlist in the order people joined; you'll be paired as soon as a place opens."
        : "Pairs for *"
            + Markup.text(program.getName())
            + "* were just made, and this round there was no "
            + counterpart(role)
            + " who fits you (for example someone far enough apart in"
            + " seniority and outside your reporting line). You stay enrolled and are first in line"
            + " for the next round.";
  }

  static Reply proposal(Program program, MatchResult result, String verb) {
    String text =
        verb
            + " *"
            + result.pairs().size()
            + (result.pairs().size() == 1 ? " pair*" : " pairs*")
            + " for *"
            + Markup.text(program.getName())
            + "*, total score "
            + Math.round(result.totalScore())
            + (result.unmatched().isEmpty() ? "" : ", " + result.unmatched().size() + " unmatched")
            + ". This is the best possible total under the program's rules.";
    String name = program.getName();
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        text,
        proposalFields(result),
        result.pairs().isEmpty()
            ? List.of()
            : List.of(
                new Reply.Button(
                    CommandDispatcher.COMMAND_ACTION,
                    "Approve",
                    "match approve " + name,
                    Reply.Button.Style.PRIMARY)),
        null);
  }

  private static List<Reply.Field> proposalFields(MatchResult result) {
    List<Reply.Field> fields = new ArrayList<>();
    result.pairs().stream()
        .limit(PAIRS_SHOWN)
        .forEach(
            p ->
                fields.add(
                    new Reply.Field(
                        Markup.text(p.mentor().name())
                            + " → "
                            + Markup.text(p.mentee().name())
                            + " ("
                            + Math.round(p.score())
                            + ")",
                        p.reasons().isEmpty()
                            ? "fits the rules"
                            : Markup.text(String.join("; ", p.reasons())))));
    if (result.pairs().size() > PAIRS_SHOWN) {
      fields.add(
          new Reply.Field(
              "…",
              (result.pairs().size() - PAIRS_SHOWN)
                  + " more pairs (see `tandem match --dry-run`)"));
    }
    for (Unmatched u : result.unmatched()) {
      if (fields.size() >= 24) {
        break;
      }
      fields.add(
          new Reply.Field(
              "Unmatched: " + Markup.text(u.person().name()) + " (" + u.role().label() + ")",
              Markup.text(u.explanation())));
    }
    return fields;
  }

  static String counterpart(Role role) {
    return role == Role.MENTOR ? "mentee" : "mentor";
  }
}
