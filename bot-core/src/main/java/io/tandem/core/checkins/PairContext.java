package io.tandem.core.checkins;

import io.tandem.core.checkins.persistence.CheckInStore;
import io.tandem.core.enrolment.CurrentParticipation;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Where an actor's check-ins go: their current participation and, when they have one, their active
 * pair and partner. Only reads.
 *
 * @param pair the active pair, or {@code null} before pairing
 * @param partner the other person in the pair, or {@code null}
 * @param partnerMember the partner's member row, or {@code null}
 * @param zone the actor's time zone: profile, then platform, then UTC
 */
public record PairContext(
    CurrentParticipation current,
    Pair pair,
    Participant partner,
    Member partnerMember,
    ZoneId zone,
    CheckInStore plans) {

  public static Optional<PairContext> of(Store store, Actor actor) {
    return CurrentParticipation.of(store, actor).map(c -> of(store, c, actor.timeZone()));
  }

  public static PairContext of(Store store, CurrentParticipation current, String reportedZone) {
    CheckInStore plans = new CheckInStore(store);
    Participant me = current.participant();
    Pair pair = plans.activePair(me.getId()).orElse(null);
    Participant partner = null;
    Member partnerMember = null;
    if (pair != null) {
      long partnerId =
          pair.getMentorId().equals(me.getId()) ? pair.getMenteeId() : pair.getMentorId();
      partner = store.participantById(partnerId).orElse(null);
      partnerMember = partner == null ? null : store.memberById(partner.getMemberId()).orElse(null);
    }
    ZoneId zone = zoneOf(me.getTimeZone(), current.member().getTimeZone(), reportedZone);
    return new PairContext(current, pair, partner, partnerMember, zone, plans);
  }

  public Store store() {
    return plans.store();
  }

  public Participant me() {
    return current.participant();
  }

  public Member member() {
    return current.member();
  }

  public Program program() {
    return current.program();
  }

  public boolean paired() {
    return pair != null && partner != null && partnerMember != null;
  }

  public String partnerName() {
    return partnerMember == null ? "your partner" : partnerMember.getDisplayName();
  }

  public LocalDate today(Instant now) {
    return now.atZone(zone).toLocalDate();
  }

  /** The first day sessions may be logged for: the pairing day, else the joining day. */
  LocalDate firstDay() {
    Instant start = pair != null ? pair.getCreatedAt() : me().getJoinedAt();
    return start.atZone(zone).toLocalDate();
  }

  public static ZoneId zoneOf(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        try {
          return ZoneId.of(candidate);
        } catch (DateTimeException ignored) {
          // try the next one
        }
      }
    }
    return ZoneOffset.UTC;
  }
}
