package io.tandem.core.agreement;

import io.tandem.core.enrolment.Member;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the working agreement says: pure rendering, in {@link Markup}; people's text escaped. */
final class AgreementMessages {

  private AgreementMessages() {}

  /** Each person's private question: three ways to meet, three rhythms, and the confirm button. */
  static Reply ask(AgreementPair ap, Member to, int suggestedDays) {
    String partner = Markup.text(ap.partnerOf(to).getDisplayName());
    long pairId = ap.pair().getId();
    List<Reply.Button> buttons = new ArrayList<>();
    for (String way : Terms.WAYS) {
      buttons.add(
          new Reply.Button(AgreementFeature.MEET_ACTION, capital(way), pairId + ":" + way, null));
    }
    for (int days : Terms.oftenChoices()) {
      buttons.add(
          new Reply.Button(
              AgreementFeature.OFTEN_ACTION,
              capital(Terms.OFTEN.get(days)),
              pairId + ":" + days,
              days == suggestedDays ? Reply.Button.Style.PRIMARY : null));
    }
    buttons.add(
        new Reply.Button(
            AgreementFeature.CONFIRM_ACTION,
            "I'll give and take honest feedback",
            Long.toString(pairId),
            Reply.Button.Style.PRIMARY));
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        "*Your working agreement with "
            + partner
            + ".* Agree how you two will work together; "
            + partner
            + " answers too, privately, and you'll both see the result.\n"
            + "1. How do you meet? Chat, Call or In person.\n"
            + "2. How often? The program suggests "
            + Terms.OFTEN.get(suggestedDays)
            + ".\n"
            + "3. Feedback goes both ways: confirm you'll give and take honest feedback (you can"
            + " add a short note for "
            + partner
            + ").",
        List.of(),
        buttons,
        null);
  }

  /** The one message both get when the agreement is reached. */
  static Reply reached(AgreementPair ap, Terms terms, boolean settled) {
    StringBuilder text =
        new StringBuilder(settled ? "*Settled: your working agreement.* " : "*You agree!* ")
            .append(Markup.text(ap.mentor().getDisplayName()))
            .append(" and ")
            .append(Markup.text(ap.mentee().getDisplayName()))
            .append(", you meet ")
            .append(terms.sentence())
            .append(", and feedback goes both ways.");
    for (Member person : ap.people()) {
      AgreementAnswer answer = ap.answered(person);
      if (answer != null && !answer.getNote().isBlank()) {
        text.append("\n")
            .append(Markup.text(person.getDisplayName()))
            .append("'s note: ")
            .append(Markup.text(answer.getNote()));
      }
    }
    text.append("\n`").append(Markup.command("status")).append("` shows it any time.");
    return Reply.publicly(text.toString(), List.of());
  }

  /** Both answers side by side, and one button per side of each differing term. */
  static Reply differ(AgreementPair ap, Map<Member, Terms> answers, List<Terms.Term> differing) {
    long pairId = ap.pair().getId();
    Terms mentor = answers.get(ap.mentor());
    Terms mentee = answers.get(ap.mentee());
    List<Reply.Button> buttons = new ArrayList<>();
    for (Terms.Term term : differing) {
      for (Terms side : List.of(mentor, mentee)) {
        buttons.add(
            new Reply.Button(
                AgreementFeature.SETTLE_ACTION,
                capital(side.label(term)),
                pairId + ":" + term.key() + ":" + side.value(term),
                null));
      }
    }
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PUBLIC,
        "*Your working agreements differ.* "
            + side(ap.mentor(), mentor)
            + " · "
            + side(ap.mentee(), mentee)
            + "\nSettle it: each of you picks one of the two for every line that differs. It's"
            + " settled when you pick the same, or one of you picks the other's.",
        List.of(),
        buttons,
        null);
  }

  /** To the partner of someone who picked a side that still differs. */
  static Reply picked(AgreementPair ap, Member picker, Terms theirs, Terms mine) {
    Reply differ =
        differ(ap, Map.of(picker, theirs, ap.partnerOf(picker), mine), theirs.differences(mine));
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        Markup.text(picker.getDisplayName())
            + " would settle on "
            + theirs.describe()
            + "; you said "
            + mine.describe()
            + ". Pick the same to settle it.",
        List.of(),
        differ.buttons(),
        null);
  }

  /** To the program's admins: a pair without an agreement after the set time. */
  static Reply flag(AgreementPair ap, long days) {
    String state =
        ap.agreement().getStatus() == WorkingAgreement.Status.DIFFERENT
            ? "they answered differently and have not settled it"
            : "not both have answered";
    return Reply.info(
        "*No working agreement yet:* "
            + Markup.text(ap.mentor().getDisplayName())
            + " and "
            + Markup.text(ap.mentee().getDisplayName())
            + " in *"
            + Markup.text(ap.program().getName())
            + "* have had "
            + days
            + " days to agree how they'll work together, and "
            + state
            + ". A word from you may help them start.",
        List.of());
  }

  /** At mid-program, to both: does it still hold? */
  static Reply review(AgreementPair ap, Terms terms) {
    String pairId = Long.toString(ap.pair().getId());
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PUBLIC,
        "*Halfway through "
            + Markup.text(ap.program().getName())
            + ".* You agreed to meet "
            + terms.sentence()
            + ", with feedback both ways. Does that still hold?",
        List.of(),
        List.of(
            new Reply.Button(
                AgreementFeature.HOLDS_ACTION, "Yes, it holds", pairId, Reply.Button.Style.PRIMARY),
            new Reply.Button(AgreementFeature.CHANGE_ACTION, "Let's change it", pairId, null)),
        null);
  }

  /** The one line {@code status} shows for the pair's agreement. */
  static String line(WorkingAgreement agreement) {
    return agreement
        .terms()
        .map(t -> "meet " + t.sentence() + ", feedback both ways")
        .orElse(
            agreement.getStatus() == WorkingAgreement.Status.DIFFERENT
                ? "your answers differ: settle it in your messages"
                : "not agreed yet: answer the private message");
  }

  private static String side(Member person, Terms terms) {
    return Markup.text(person.getDisplayName()) + ": " + terms.describe();
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
