package io.tandem.core.matching;

import io.tandem.core.agreement.AgreementSteps;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;

/**
 * What a new pair hears: one introduction to both of them together (why they were matched, the
 * roles, a first-session agenda), their working agreement's questions, and a short guide to each
 * person for their own side. All through the outbox, keyed by the pair, so approving twice never
 * introduces twice.
 */
final class Introductions {

  private Introductions() {}

  static void queue(
      Store store,
      Workspace workspace,
      Program program,
      Pair pair,
      Member mentor,
      Member mentee,
      Instant now) {
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "intro:" + pair.getId(),
        new ChatTarget.GroupMessage(List.of(mentor.getUserId(), mentee.getUserId())),
        introduction(program, pair, mentor, mentee),
        now,
        now);
    AgreementSteps.open(store, workspace, program, pair, mentor, mentee, now);
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "guide:" + pair.getId() + ":mentor",
        new ChatTarget.DirectMessage(mentor.getUserId()),
        Reply.info(
            "*Your guide as a mentor.* You bring what you know best: new tools, platforms and how"
                + " your generation works. Show, don't lecture; let "
                + Markup.text(mentee.getDisplayName())
                + " try things hands-on; ask about their experience in return — reverse mentoring"
                + " works both ways. Be candid: your fresh view is the point.",
            List.of()),
        now,
        now);
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "guide:" + pair.getId() + ":mentee",
        new ChatTarget.DirectMessage(mentee.getUserId()),
        Reply.info(
            "*Your guide as a mentee.* Come curious: bring a real task you want to do with the new"
                + " skill, admit what you don't know, and practise between sessions. Share your"
                + " leadership experience when "
                + Markup.text(mentor.getDisplayName())
                + " asks — that is their half of the exchange. Make it safe to tell you the truth.",
            List.of()),
        now,
        now);
  }

  /** The message both people of a new pair get together. */
  private static Reply introduction(Program program, Pair pair, Member mentor, Member mentee) {
    String reasons =
        pair.getReasons().isBlank()
            ? "You fit the program's rules and each other's calendars."
            : "• " + Markup.text(pair.getReasons()).replace("\n", "\n• ");
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PUBLIC,
        "Meet your Tandem partner! *"
            + Markup.text(mentor.getDisplayName())
            + "* (mentor) and *"
            + Markup.text(mentee.getDisplayName())
            + "* (mentee), you're paired in *"
            + Markup.text(program.getName())
            + "*.\n*Why you two:*\n"
            + reasons
            + "\n*How it works:* "
            + Markup.text(mentor.getDisplayName())
            + " teaches, "
            + Markup.text(mentee.getDisplayName())
            + " learns, and you both share what you know and give each other honest"
            + " feedback. Meet every "
            + program.getCadenceDays()
            + " days.\n*First session (45 minutes):* introduce yourselves and your roles; agree on"
            + " one or two things to learn; pick a time that repeats; log it afterwards with"
            + " `"
            + Markup.command("log 45m what you covered")
            + "`.\nEach of you has a private message to agree how you'll work together.",
        List.of(),
        List.of(),
        null);
  }
}
