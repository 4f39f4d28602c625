package io.tandem.core.pulse;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A person answers their check-in: a rating, whether their partner learns from them, a note. Only
 * the person it was asked of may answer; a click that repeats the stored answer stores nothing, a
 * different one replaces that part. The first low answer asks whether to tell the admins ({@link
 * PulseMessages#askConsent}); its yes runs {@code support} for the pair, the help path Tandem has.
 */
final class AnswerCheckIn {

  private static final int MAX_NOTE = 2000;

  private final Database db;
  private final Clock clock;

  AnswerCheckIn(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A click on a rating or learning button: value {@code pair:point:answer}. */
  Reply click(Actor actor, String actionId, String value) {
    String[] parts = value.split(":");
    if (parts.length != 3) {
      return PulseMessages.gone();
    }
    boolean rating = PulseFeature.RATE_ACTION.equals(actionId);
    Optional<PairCheckIn.Learning> learning = rating ? Optional.empty() : learningOf(parts[2]);
    if (rating ? !parts[2].matches("[1-5]") : learning.isEmpty()) {
      return PulseMessages.gone();
    }
    return answer(
        actor,
        parts[0] + ":" + parts[1],
        (checkIn) ->
            rating
                ? checkIn.rate(Integer.parseInt(parts[2]), clock.instant())
                : checkIn.learning(learning.get(), clock.instant()));
  }

  /** The "Add a note" button: value {@code pair:point}. */
  Reply openNote(Actor actor, String value) {
    return db.transaction(
        store ->
            resolve(store, actor, value)
                .map(
                    found ->
                        found.checkIn() == null
                            ? found.refusal()
                            : Reply.openForm(
                                "Add a note to your check-in.",
                                PulseMessages.noteForm(
                                    found.checkIn().pairId(),
                                    found.checkIn().pointDays(),
                                    found.checkIn().note())))
                .orElseGet(PulseMessages::gone));
  }

  Reply noteSubmitted(Actor actor, String formId, Map<String, String> values) {
    String note = values.getOrDefault("note", "").strip();
    String kept = note.isEmpty() ? null : note.substring(0, Math.min(MAX_NOTE, note.length()));
    return answer(
        actor,
        formId.substring(PulseFeature.NOTE_FORM.length()),
        checkIn -> checkIn.note(kept, clock.instant()));
  }

  /** "No, thanks" to telling the admins: value {@code pair:point}. */
  Reply decline(Actor actor, String value) {
    return db.transaction(
        store ->
            resolve(store, actor, value)
                .map(
                    found -> {
                      if (found.checkIn() == null) {
                        return found.refusal();
                      }
                      found.checkIn().consent(PairCheckIn.Consent.DECLINED);
                      return PulseMessages.declined();
                    })
                .orElseGet(PulseMessages::gone));
  }

  private Reply answer(Actor actor, String pairAndPoint, Function<PairCheckIn, Boolean> change) {
    return db.transaction(
        store ->
            resolve(store, actor, pairAndPoint)
                .map(found -> found.checkIn() == null ? found.refusal() : apply(found, change))
                .orElseGet(PulseMessages::gone));
  }

  private Reply apply(Found found, Function<PairCheckIn, Boolean> change) {
    PairCheckIn checkIn = found.checkIn();
    boolean first = !checkIn.answered();
    Instant now = clock.instant();
    if (change.apply(checkIn) && first) {
      CheckInSignals.about(
          found.store(),
          new CheckInSignals.Subject(
              found.participant().getWorkspaceId(),
              found.member().getId(),
              checkIn.programId(),
              checkIn.participantId(),
              checkIn.pairId()),
          SignalType.PAIR_CHECKIN_ANSWERED,
          Map.of("point", checkIn.pointDays()),
          now);
    }
    if (checkIn.low() && !checkIn.consentAsked()) {
      checkIn.consent(PairCheckIn.Consent.ASKED);
      return PulseMessages.askConsent(checkIn);
    }
    return PulseMessages.saved(checkIn);
  }

  /**
   * The actor's check-in that {@code pairAndPoint} names, or a refusal when the pair is not theirs;
   * empty when the value or the pair is unknown.
   */
  private static Optional<Found> resolve(Store store, Actor actor, String pairAndPoint) {
    String[] parts = pairAndPoint.split(":");
    if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,4}")) {
      return Optional.empty();
    }
    Optional<Pair> pair = Pairs.in(store).byId(Long.parseLong(parts[0]));
    Optional<Member> member =
        Workspaces.in(store)
            .find(actor.platform(), actor.workspaceId())
            .flatMap(w -> Members.in(store).find(w.getId(), actor.userId()));
    if (pair.isEmpty()) {
      return Optional.empty();
    }
    Participants participants = Participants.in(store);
    Optional<Participant> mine =
        member.flatMap(
            m ->
                List.of(pair.get().getMentorId(), pair.get().getMenteeId()).stream()
                    .map(participants::byId)
                    .flatMap(Optional::stream)
                    .filter(p -> p.getMemberId().equals(m.getId()))
                    .findFirst());
    if (mine.isEmpty()) {
      return Optional.of(new Found(store, null, null, null, PulseMessages.notYours()));
    }
    return PairCheckIns.in(store)
        .find(pair.get().getId(), mine.get().getId(), Integer.parseInt(parts[1]))
        .map(c -> new Found(store, member.get(), mine.get(), c, null));
  }

  private static Optional<PairCheckIn.Learning> learningOf(String text) {
    try {
      return Optional.of(PairCheckIn.Learning.valueOf(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The actor's check-in, or (with {@code checkIn} null) the refusal to show. */
  private record Found(
      Store store, Member member, Participant participant, PairCheckIn checkIn, Reply refusal) {}
}
