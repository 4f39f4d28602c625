package io.tandem.core.agreement;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one of a pair does with their working agreement: picks how to meet and how often, confirms
 * with an optional note, settles a difference, and answers the mid-program question. Every click
 * carries the pair's id; only its two people may answer, and anyone else is refused privately with
 * nothing changed.
 */
final class AnswerAgreement {

  /** The longest note a person may add. */
  static final int NOTE_LIMIT = 300;

  private final Database db;
  private final Clock clock;

  AnswerAgreement(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A way to meet ({@code pairId:call}); the introduction's old buttons send the same. */
  Reply meet(Actor actor, String value) {
    String[] parts = value.split(":", 2);
    if (parts.length != 2 || !Terms.WAYS.contains(parts[1])) {
      return noLongerActive();
    }
    return asking(
        actor,
        parts[0],
        (store, ap, me, now) -> {
          ap.answerOf(store, me).chooseMeet(parts[1]);
          AgreementSteps.signal(
              store, ap, me, SignalType.MEETING_WAY_CHOSEN, Map.of("way", parts[1]), now);
          return noted(
              ap,
              me,
              "you'd meet " + (parts[1].equals("in person") ? "in person" : "by " + parts[1]));
        });
  }

  /** How often ({@code pairId:14}). */
  Reply often(Actor actor, String value) {
    String[] parts = value.split(":", 2);
    if (parts.length != 2
        || !parts[1].matches("\\d{1,3}")
        || !Terms.OFTEN.containsKey(Integer.parseInt(parts[1]))) {
      return noLongerActive();
    }
    int days = Integer.parseInt(parts[1]);
    return asking(
        actor,
        parts[0],
        (store, ap, me, now) -> {
          ap.answerOf(store, me).chooseOften(days);
          return noted(ap, me, "you'd meet " + Terms.OFTEN.get(days));
        });
  }

  /** The confirm button: opens the form with the optional note, once a way to meet is chosen. */
  Reply openConfirm(Actor actor, String value) {
    return asking(
        actor,
        value,
        (store, ap, me, now) -> {
          AgreementAnswer answer = ap.answered(me);
          if (answer == null || answer.getMeet() == null) {
            return chooseWayFirst();
          }
          return Reply.openForm(
              "Confirm your working agreement", form(ap.pair().getId(), answer.getNote()));
        });
  }

  /** The sent form: confirms the answer, and compares once both have. */
  Reply confirmed(Actor actor, String formId, Map<String, String> values) {
    String pairId = formId.substring(AgreementFeature.FORM_PREFIX.length());
    String note = values.getOrDefault(AgreementFeature.NOTE, "").strip();
    if (note.length() > NOTE_LIMIT) {
      return Reply.formError(
          AgreementFeature.NOTE,
          "Your note is "
              + note.length()
              + " characters; keep it to "
              + NOTE_LIMIT
              + ", e.g. \"Tuesdays after lunch suit me best\".",
          form(Long.parseLong(pairId), note));
    }
    return asking(
        actor,
        pairId,
        (store, ap, me, now) -> {
          AgreementAnswer answer = ap.answered(me);
          if (answer == null || answer.getMeet() == null) {
            return chooseWayFirst();
          }
          answer.confirm(note, Terms.nearestOften(ap.program().getCadenceDays()), now);
          if (AgreementSteps.compare(store, ap, false, now)) {
            return privately(
                Reply.Kind.SUCCESS, "You agree! You'll both find it in your messages.");
          }
          if (ap.agreement().getStatus() == WorkingAgreement.Status.DIFFERENT) {
            return privately(
                Reply.Kind.INFO,
                "Thanks. Your answers differ; the message to you both shows how to settle it.");
          }
          return privately(
              Reply.Kind.SUCCESS,
              "Thanks: "
                  + answer.terms().orElseThrow().describe()
                  + ", feedback both ways. You'll both hear once "
                  + Markup.text(ap.partnerOf(me).getDisplayName())
                  + " has answered.");
        });
  }

  /** A side of a difference ({@code pairId:meet:call}, {@code pairId:often:14}). */
  Reply settle(Actor actor, String value) {
    String[] parts = value.split(":", 3);
    Optional<Terms.Term> term =
        parts.length != 3
            ? Optional.empty()
            : List.of(Terms.Term.values()).stream()
                .filter(t -> t.key().equals(parts[1]))
                .findFirst();
    if (term.isEmpty() || !valid(term.get(), parts[2])) {
      return noLongerActive();
    }
    return inPair(
        actor,
        parts[0],
        (store, ap, me, now) -> {
          if (ap.agreement().getStatus() != WorkingAgreement.Status.DIFFERENT) {
            return privately(
                Reply.Kind.INFO,
                "That is settled already: `"
                    + Markup.command("status")
                    + "` shows your agreement.");
          }
          AgreementAnswer mine = ap.answered(me);
          Terms picked = mine.terms().orElseThrow().with(term.get(), parts[2]);
          mine.settle(picked);
          if (AgreementSteps.compare(store, ap, true, now)) {
            return privately(
                Reply.Kind.SUCCESS, "Settled! You'll both find your agreement in your messages.");
          }
          ap.agreement().changed();
          Member partner = ap.partnerOf(me);
          Terms theirs = ap.answered(partner).terms().orElseThrow();
          AgreementSteps.queue(
              store,
              ap,
              "agreement-pick:" + ap.pair().getId() + ":" + ap.agreement().getVersion(),
              new ChatTarget.DirectMessage(partner.getUserId()),
              AgreementMessages.picked(ap, me, picked, theirs),
              now);
          return privately(
              Reply.Kind.INFO,
              "You picked "
                  + picked.describe()
                  + ". It's settled once "
                  + Markup.text(partner.getDisplayName())
                  + " picks the same.");
        });
  }

  /** At mid-program: the agreement still holds. */
  Reply holds(Actor actor, String value) {
    return reviewing(
        actor,
        value,
        true,
        (store, ap, me, now) ->
            privately(
                Reply.Kind.SUCCESS,
                "Good: your agreement stands. You meet "
                    + ap.agreement().terms().orElseThrow().sentence()
                    + "."));
  }

  /** At mid-program: let's change it. Both are asked again. */
  Reply change(Actor actor, String value) {
    return reviewing(
        actor,
        value,
        false,
        (store, ap, me, now) -> {
          AgreementSteps.reopen(store, ap, now);
          return privately(
              Reply.Kind.SUCCESS,
              "Let's agree again: you and "
                  + Markup.text(ap.partnerOf(me).getDisplayName())
                  + " each have a private message with the questions.");
        });
  }

  static Reply.Form form(long pairId, String note) {
    return new Reply.Form(
        AgreementFeature.FORM_PREFIX + pairId,
        "Working agreement",
        "Confirm",
        List.of(
            new Reply.Input(
                AgreementFeature.NOTE,
                "A short note for your partner (optional)",
                true,
                true,
                note == null || note.isEmpty() ? null : note,
                "Tuesdays after lunch suit me best")));
  }

  @FunctionalInterface
  private interface Step {
    Reply apply(Store store, AgreementPair ap, Member me, Instant now);
  }

  /** While both are still answering: after both answered, the buttons of the question are spent. */
  private Reply asking(Actor actor, String pairId, Step step) {
    return inPair(
        actor,
        pairId,
        (store, ap, me, now) -> {
          AgreementAnswer answer = ap.answered(me);
          if (ap.agreement().getStatus() != WorkingAgreement.Status.ASKING
              || (answer != null && answer.getAnsweredAt() != null)) {
            return privately(
                Reply.Kind.INFO,
                "You've answered already. `"
                    + Markup.command("status")
                    + "` shows where your agreement stands.");
          }
          return step.apply(store, ap, me, now);
        });
  }

  /** The mid-program answers: recorded as a signal, then {@code step}. */
  private Reply reviewing(Actor actor, String pairId, boolean holds, Step step) {
    return inPair(
        actor,
        pairId,
        (store, ap, me, now) -> {
          if (ap.agreement().terms().isEmpty()) {
            return privately(
                Reply.Kind.INFO,
                "Your agreement is open again already: answer the private message.");
          }
          AgreementSteps.signal(
              store, ap, me, SignalType.AGREEMENT_REVIEWED, Map.of("holds", holds), now);
          return step.apply(store, ap, me, now);
        });
  }

  private Reply inPair(Actor actor, String pairId, Step step) {
    if (!pairId.matches("\\d{1,18}")) {
      return noLongerActive();
    }
    return db.transaction(
        store -> {
          Optional<AgreementPair> ap = WorkingAgreements.in(store).active(Long.parseLong(pairId));
          Optional<Member> member =
              Workspaces.in(store)
                  .find(actor.platform(), actor.workspaceId())
                  .flatMap(w -> Members.in(store).find(w.getId(), actor.userId()));
          if (ap.isEmpty()) {
            return noLongerActive();
          }
          Optional<Member> me =
              ap.get().people().stream()
                  .filter(p -> member.isPresent() && p.getId().equals(member.get().getId()))
                  .findFirst();
          if (me.isEmpty()) {
            return privately(Reply.Kind.ERROR, "Only the two people in this pair can answer that.");
          }
          return step.apply(
              store, ap.get(), me.get(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
  }

  private static Reply noted(AgreementPair ap, Member me, String what) {
    AgreementAnswer answer = ap.answered(me);
    boolean ready = answer != null && answer.getMeet() != null;
    return privately(
        Reply.Kind.INFO,
        "Noted: "
            + what
            + "."
            + (ready
                ? " Press \"I'll give and take honest feedback\" to confirm."
                : " Choose how you'd like to meet too, then confirm."));
  }

  private static Reply chooseWayFirst() {
    return privately(
        Reply.Kind.ERROR,
        "First choose how you'd like to meet: Chat, Call or In person. Then confirm.");
  }

  private static boolean valid(Terms.Term term, String value) {
    return switch (term) {
      case MEET -> Terms.WAYS.contains(value);
      case OFTEN -> value.matches("\\d{1,3}") && Terms.OFTEN.containsKey(Integer.parseInt(value));
    };
  }

  private static Reply privately(Reply.Kind kind, String text) {
    return new Reply(kind, Reply.Visibility.PRIVATE, text, List.of(), List.of(), null);
  }

  private static Reply noLongerActive() {
    return privately(
        Reply.Kind.ERROR,
        "That button is no longer active. `"
            + Markup.command("status")
            + "` shows where your pair stands.");
  }
}
