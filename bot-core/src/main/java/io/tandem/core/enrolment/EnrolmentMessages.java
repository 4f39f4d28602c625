package io.tandem.core.enrolment;

import io.tandem.core.command.Command;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.Role;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What enrolment tells people: the join form's replies and the welcome DM. */
final class EnrolmentMessages {

  /** Reverse mentoring in one sentence, for everyone who joins. */
  static final String REVERSE_MENTORING =
      "In reverse mentoring the junior person is the mentor: they teach a more senior colleague,"
          + " who is the mentee.";

  private EnrolmentMessages() {}

  /** Why a mentor this senior could never be matched, and how to switch or stay. */
  static String mentorBandWarning(int band, int gap) {
    return REVERSE_MENTORING
        + " As a mentor at band "
        + band
        + " you could never be matched here: your mentee must be at least "
        + gap
        + (gap == 1 ? " band" : " bands")
        + " more senior, and "
        + Profile.MAX_BAND
        + " is the top. To join as a mentee instead, write `"
        + band
        + " mentee` as your band; to stay a mentor anyway, write `"
        + band
        + " mentor`.";
  }

  static Reply notAccepting(Program program, Role role) {
    return Reply.error(
        "*"
            + Markup.text(program.getName())
            + "* is not taking new participants right now ("
            + program.getStatus().name().toLowerCase(Locale.ROOT)
            + ").",
        "join " + role.label());
  }

  static Reply noLongerAccepting(Role role) {
    return Reply.error(
        "That program is no longer taking new participants.", "join " + role.label());
  }

  static Reply aboutPage(Role role, String programKey, java.util.Map<String, String> values) {
    return Reply.openForm(
        REVERSE_MENTORING
            + " Tell Tandem a little about yourself so it can find you the best "
            + counterpart(role)
            + ".",
        ProfileForms.about(programKey, role, values));
  }

  static Reply skillsPage(
      Program program, Participant participant, java.util.Map<String, String> values) {
    return Reply.openForm(
        "Thanks! One more page: your skills and when you're free.",
        ProfileForms.skills(program.getId().toString(), participant.getRole(), program, values));
  }

  static Reply profileSaved(Program program, Participant participant, boolean completing) {
    String text =
        completing
            ? "You're in *"
                + Markup.text(program.getName())
                + "* as a "
                + participant.getRole().label()
                + "!"
            : "Your profile is updated.";
    if (completing && participant.getStatus() == ParticipantStatus.WAITLISTED) {
      text +=
          " The pilot is full for now, so you're on the waitlist; you'll move up in the order people"
              + " joined.";
    } else if (completing) {
      text +=
          " I'll introduce you to your "
              + counterpart(participant.getRole())
              + " once an admin approves the pairs.";
    }
    return Reply.success(
        text,
        List.of(
            new Reply.Field("Program", Markup.text(program.getName())),
            new Reply.Field("Role", participant.getRole().label()),
            new Reply.Field("Can teach", orNone(participant.getCanTeach())),
            new Reply.Field("Wants to learn", orNone(participant.getWantsToLearn())),
            new Reply.Field("Free", Markup.text(participant.getAvailability()))));
  }

  private static String orNone(String text) {
    return text.isBlank() ? "–" : Markup.text(text);
  }

  static Reply unknownProgram(Command.Join command, List<Program> programs) {
    String role = command.role().label();
    if (programs.isEmpty()) {
      return Reply.error(
          "There is no program called *"
              + command.program().strip()
              + "* here yet. Leave the name out to join the default program.",
          "join " + role);
    }
    String known =
        programs.stream()
            .map(p -> "*" + Markup.text(p.getName()) + "*")
            .collect(Collectors.joining(", "));
    return Reply.error(
        "There is no program called *"
            + command.program().strip()
            + "* here. Programs you can join: "
            + known
            + ".",
        "join " + role + " " + programs.get(0).getName());
  }

  static Reply alreadyJoined(Program program, Participant participant, Role asked) {
    String text =
        "You're already in *"
            + Markup.text(program.getName())
            + "* as a "
            + participant.getRole().label()
            + ".";
    if (participant.getRole() != asked) {
      text += " Ask a program admin if you want to switch to " + asked.label() + ".";
    }
    return Reply.info(
        text + " Use `" + Markup.command("profile") + "` to change your profile.", List.of());
  }

  /**
   * The welcome DM in the outbox payload format ({@link io.tandem.core.delivery.OutboxPayload});
   * the join form and CSV imports ({@link ImportParticipants}) send the same one.
   */
  static String welcomePayload(Member member, Program program, Role role) {
    String text =
        "Hi "
            + Markup.text(member.getDisplayName())
            + ", welcome to *"
            + Markup.text(program.getName())
            + "*! You joined as a "
            + role.label()
            + ". "
            + REVERSE_MENTORING
            + " I'll introduce you to your "
            + counterpart(role)
            + " soon. Try `"
            + Markup.command("status")
            + "` any time.";
    return Outbox.payload(
        new ChatTarget.DirectMessage(member.getUserId()),
        Reply.info(
            text,
            List.of(
                new Reply.Field("Program", Markup.text(program.getName())),
                new Reply.Field("Role", role.label()))));
  }

  static String counterpart(Role role) {
    return role == Role.MENTOR ? "mentee" : "mentor";
  }
}
