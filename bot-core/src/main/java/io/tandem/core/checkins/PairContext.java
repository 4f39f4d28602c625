package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.enrolment.CurrentParticipation;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an actor's check-ins go: their current participation and, when they have one, their active
 * pair and partner. Only reads.
 *
 * <p>The prologue every participant command shares lives here: {@link #whenJoined} (find the
 * actor's context or say they have not joined), {@link #whenPaired} (also say they have no partner)
 * and {@link #check} (is the person named the actor's partner).
 *
 * @param pair the active pair, or {@code null} before pairing
 * @param partner the other person in the pair, or {@code null}
 * @param partnerMember the partner's member row, or {@code null}
 * @param zone the actor's time zone: profile, then platform, then UTC
 * @param store the transaction the context was read in
 */
public record PairContext(
    CurrentParticipation current,
    Pair pair,
    Participant partner,
    Member partnerMember,
    ZoneId zone,
    Store store) {

  /** How a person named in a command relates to the actor's pair. */
  public enum Named {
    /** Nobody was named, or the partner was. */
    FINE,
    /** Someone was named, but the actor has no partner. */
    NO_PARTNER,
    /** The actor named themselves. */
    SELF,
    /** Someone other than the partner was named. */
    STRANGER
  }

  public static Optional<PairContext> of(Store store, Actor actor) {
    return CurrentParticipation.of(store, actor).map(c -> of(store, c, actor.timeZone()));
  }

  public static PairContext of(Store store, CurrentParticipation current, String reportedZone) {
    return of(
        store,
        current,
        ActivePairs.in(store).of(current.participant().getId()).orElse(null),
        reportedZone);
  }

  /** The context of one pair of the participation ({@code null}: unpaired). */
  public static PairContext of(
      Store store, CurrentParticipation current, Pair pair, String reportedZone) {
    Participant me = current.participant();
    Participant partner = null;
    Member partnerMember = null;
    if (pair != null) {
      long partnerId =
          pair.getMentorId().equals(me.getId()) ? pair.getMenteeId() : pair.getMentorId();
      partner = Participants.in(store).byId(partnerId).orElse(null);
      partnerMember =
          partner == null ? null : Members.in(store).byId(partner.getMemberId()).orElse(null);
    }
    ZoneId zone = zoneOf(me.getTimeZone(), current.member().getTimeZone(), reportedZone);
    return new PairContext(current, pair, partner, partnerMember, zone, store);
  }

  /**
   * Runs {@code work} on the pair {@code target} names (or the actor's only one); answers {@code
   * notJoined}, a refusal or a private choice instead, writing nothing (see {@link PairResolver}).
   *
   * @param retry the command as typed again without its target, for the choice's buttons, or {@code
   *     null}
   */
  public static Reply whenJoined(
      Store store,
      Actor actor,
      Command.Target target,
      String retry,
      Reply notJoined,
      Function<PairContext, Reply> work) {
    return run(store, actor, target, PairResolver.Scope.PAIR, retry, notJoined, work);
  }

  /** As the targeted {@link #whenJoined}, answering {@code notPaired} when there is no partner. */
  public static Reply whenPaired(
      Store store,
      Actor actor,
      Command.Target target,
      String retry,
      Reply notJoined,
      Reply notPaired,
      Function<PairContext, Reply> work) {
    return run(
        store,
        actor,
        target,
        PairResolver.Scope.PAIRED,
        retry,
        notJoined,
        ctx -> ctx.paired() ? work.apply(ctx) : notPaired);
  }

  /**
   * Runs {@code work} on one program the actor is in (the target's, or the only one); its pair is
   * set when the program has exactly one (or the target named one), else {@link
   * PairResolver#pairsOf} lists them.
   */
  public static Reply inProgram(
      Store store,
      Actor actor,
      Command.Target target,
      String retry,
      Reply notJoined,
      Function<PairContext, Reply> work) {
    return run(store, actor, target, PairResolver.Scope.PROGRAM, retry, notJoined, work);
  }

  private static Reply run(
      Store store,
      Actor actor,
      Command.Target target,
      PairResolver.Scope scope,
      String retry,
      Reply notJoined,
      Function<PairContext, Reply> work) {
    PairResolver.Resolved resolved =
        PairResolver.resolve(store, actor, target, scope, notJoined, retry);
    return resolved instanceof PairResolver.Found found
        ? work.apply(found.context())
        : ((PairResolver.Answer) resolved).reply();
  }

  /**
   * Runs {@code work} with the actor's context, or answers {@code notJoined} (writing nothing) when
   * the actor has no current participation.
   */
  public static Reply whenJoined(
      Store store, Actor actor, Reply notJoined, Function<PairContext, Reply> work) {
    Optional<PairContext> found = of(store, actor);
    return found.isEmpty() ? notJoined : work.apply(found.get());
  }

  /** As {@link #whenJoined}, answering {@code notPaired} when the actor has no partner. */
  public static Reply whenPaired(
      Store store,
      Actor actor,
      Reply notJoined,
      Reply notPaired,
      Function<PairContext, Reply> work) {
    return whenJoined(store, actor, notJoined, ctx -> ctx.paired() ? work.apply(ctx) : notPaired);
  }

  /** How the person named by {@code userId} (or nobody, {@code null}) relates to this pair. */
  public Named check(String userId) {
    if (userId == null) {
      return Named.FINE;
    }
    if (!paired()) {
      return Named.NO_PARTNER;
    }
    if (userId.equals(member().getUserId())) {
      return Named.SELF;
    }
    return userId.equals(partnerMember.getUserId()) ? Named.FINE : Named.STRANGER;
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

  /** The partner's context in the same transaction (their zone from their own profile). */
  public PairContext partnerContext() {
    return of(store, new CurrentParticipation(partnerMember, partner, program()), pair, null);
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
