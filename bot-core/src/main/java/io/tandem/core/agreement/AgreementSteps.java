package io.tandem.core.agreement;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The agreement's changes of state and the messages each one causes, in the caller's transaction,
 * queued through the outbox with keys that carry the agreement's version, so a retried step queues
 * nothing twice.
 */
public final class AgreementSteps {

  private AgreementSteps() {}

  /**
   * Starts a new pair's working agreement: both people get their private question. Called by
   * matching as it introduces the pair.
   */
  public static void open(
      Store store,
      Workspace workspace,
      Program program,
      Pair pair,
      Member mentor,
      Member mentee,
      Instant now) {
    WorkingAgreements agreements = WorkingAgreements.in(store);
    if (agreements.ofPair(pair.getId()).isPresent()) {
      return;
    }
    WorkingAgreement agreement =
        agreements.add(new WorkingAgreement(pair.getId(), workspace.getId(), program.getId(), now));
    ask(
        store,
        new AgreementPair(agreement, pair, program, workspace, mentor, mentee, Map.of()),
        now);
  }

  /** Queues each person's private question for the agreement's current version. */
  static void ask(Store store, AgreementPair ap, Instant now) {
    int suggested = Terms.nearestOften(ap.program().getCadenceDays());
    for (Member person : ap.people()) {
      queue(
          store,
          ap,
          "agreement-ask:"
              + ap.pair().getId()
              + ":"
              + ap.agreement().getVersion()
              + ":"
              + person.getUserId(),
          new ChatTarget.DirectMessage(person.getUserId()),
          AgreementMessages.ask(ap, person, suggested),
          now);
    }
  }

  /**
   * Compares the answers once both are confirmed: the same terms reach the agreement, different
   * ones ask both to settle it. Whether the agreement is reached now.
   */
  static boolean compare(Store store, AgreementPair ap, boolean settling, Instant now) {
    Map<Member, Terms> answers = new LinkedHashMap<>();
    for (Member person : ap.people()) {
      Optional<Terms> terms =
          Optional.ofNullable(ap.answered(person)).flatMap(AgreementAnswer::terms);
      if (terms.isEmpty()) {
        return false;
      }
      answers.put(person, terms.get());
    }
    Terms mentor = answers.get(ap.mentor());
    List<Terms.Term> differing = mentor.differences(answers.get(ap.mentee()));
    WorkingAgreement agreement = ap.agreement();
    if (differing.isEmpty()) {
      agreement.reach(mentor, settling, now);
      signal(store, ap, null, SignalType.AGREEMENT_REACHED, Map.of("settled", settling), now);
      queue(
          store,
          ap,
          "agreement-reached:" + ap.pair().getId() + ":" + agreement.getVersion(),
          both(ap),
          AgreementMessages.reached(ap, mentor, settling),
          now);
      return true;
    }
    if (!settling) {
      agreement.differ();
      signal(
          store,
          ap,
          null,
          SignalType.AGREEMENT_DIFFERED,
          Map.of("terms", differing.stream().map(Terms.Term::key).collect(Collectors.joining(","))),
          now);
      queue(
          store,
          ap,
          "agreement-differ:" + ap.pair().getId() + ":" + agreement.getVersion(),
          both(ap),
          AgreementMessages.differ(ap, answers, differing),
          now);
    }
    return false;
  }

  /** Forgets both answers and asks both again. */
  static void reopen(Store store, AgreementPair ap, Instant now) {
    ap.agreement().reopen(now);
    ap.answers().values().forEach(AgreementAnswer::clear);
    ask(store, ap, now);
  }

  static void queue(
      Store store, AgreementPair ap, String key, ChatTarget target, Reply reply, Instant now) {
    Outbox.queue(
        store, ap.workspace().getId(), ap.workspace().getPlatform(), key, target, reply, now, now);
  }

  static ChatTarget both(AgreementPair ap) {
    return new ChatTarget.GroupMessage(List.of(ap.mentor().getUserId(), ap.mentee().getUserId()));
  }

  static void signal(
      Store store,
      AgreementPair ap,
      Member actor,
      SignalType type,
      Map<String, ?> details,
      Instant now) {
    Signals.in(store)
        .record(
            Signal.aboutPair(
                type,
                ap.workspace().getId(),
                actor == null ? null : actor.getId(),
                ap.program().getId(),
                ap.pair().getId(),
                details,
                now));
  }
}
