package io.tandem.core.matching;

import io.tandem.core.agreement.AgreementSteps;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.guidance.Guidance;
import io.tandem.core.guidance.GuideDefaults;
import io.tandem.core.guidance.GuideText;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;

/**
 * What a new pair hears: one introduction to both of them together (why they were matched, the
 * roles, the program's first-session agenda), their working agreement's questions, and the
 * program's guide to each person for their own side. All through the outbox, keyed by the pair, so
 * approving twice never introduces twice.
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
    GuideText.Values values =
        new GuideText.Values(
            mentor.getDisplayName(),
            mentee.getDisplayName(),
            program.getName(),
            program.getCadenceDays());
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "intro:" + pair.getId(),
        new ChatTarget.GroupMessage(List.of(mentor.getUserId(), mentee.getUserId())),
        introduction(
            program,
            pair,
            mentor,
            mentee,
            Guidance.render(store, program, GuideDefaults.FIRST_SESSION, values)),
        now,
        now);
    AgreementSteps.open(store, workspace, program, pair, mentor, mentee, now);
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "guide:" + pair.getId() + ":mentor",
        new ChatTarget.DirectMessage(mentor.getUserId()),
        Reply.info(Guidance.render(store, program, GuideDefaults.MENTOR_GUIDE, values), List.of()),
        now,
        now);
    Outbox.queue(
        store,
        workspace.getId(),
        workspace.getPlatform(),
        "guide:" + pair.getId() + ":mentee",
        new ChatTarget.DirectMessage(mentee.getUserId()),
        Reply.info(Guidance.render(store, program, GuideDefaults.MENTEE_GUIDE, values), List.of()),
        now,
        now);
  }

  /** The message both people of a new pair get together. */
  private static Reply introduction(
      Program program, Pair pair, Member mentor, Member mentee, String firstSession) {
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
            + " days.\n"
            + firstSession
            + "\nEach of you has a private message to agree how you'll work together.",
        List.of(),
        List.of(),
        null);
  }
}
