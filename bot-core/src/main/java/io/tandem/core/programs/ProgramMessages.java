package io.tandem.core.programs;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.util.List;

/** How admins see a program in chat. */
final class ProgramMessages {

  private ProgramMessages() {}

  static List<Reply.Field> describe(Program program) {
    return List.of(
        new Reply.Field("Cadence", "every " + program.getCadenceDays() + " days"),
        new Reply.Field("Duration", program.getDurationWeeks() + " weeks"),
        new Reply.Field(
            "Pilot cap", program.getPilotCap() == null ? "none" : program.getPilotCap().toString()),
        new Reply.Field(
            "Skills", program.getSkills().isBlank() ? "any" : Markup.text(program.getSkills())),
        new Reply.Field(
            "Matching",
            "mentor at least "
                + program.getMinSeniorityGap()
                + " band(s) below mentee; no repeat within "
                + program.getRepeatCooldownDays()
                + " days"
                + (program.getWeights().isBlank() ? "" : "; weights " + program.getWeights())));
  }

  static Reply noSuchProgram(String name) {
    return Reply.error(
        "There is no program called *" + Markup.text(name) + "* here.", "program list");
  }

  static String createExample() {
    return "program create Data pilot every 2w cap 20";
  }
}
