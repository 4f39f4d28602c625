package io.tandem.core.checkins;

import io.tandem.core.port.in.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An actor's sessions within one transaction, and the rules every check-in use case shares: which
 * days may be logged, which sessions are the actor's own, how a meeting is summarised.
 */
final class Logbook {

  private final PairContext ctx;
  private final Sessions sessions;

  Logbook(PairContext ctx, Sessions sessions) {
    this.ctx = ctx;
    this.sessions = sessions;
  }

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  PairContext ctx() {
    return ctx;
  }

  Sessions sessions() {
    return sessions;
  }

  /** The actor's pair's sessions, or their own while unpaired; newest number first. */
  List<Session> all() {
    return ctx.paired() ? sessions.ofPair(ctx.pair().getId()) : sessions.solo(ctx.me().getId());
  }

  Optional<Session> numbered(int number) {
    return all().stream().filter(s -> s.getNumber() == number).findFirst();
  }

  /** The actor's own side of session {@code number}, or why it cannot be changed. */
  Optional<Reply> refuseOwn(int number, String verb) {
    Optional<Session> session = numbered(number);
    if (session.isEmpty()) {
      return Optional.of(CheckInMessages.noSuchSession(number, ctx.paired()));
    }
    if (mine(session.get()).isEmpty()) {
      return Optional.of(CheckInMessages.notYourLog(ctx, session.get(), verb));
    }
    return Optional.empty();
  }

  /** Work on the actor's own side of a session. */
  interface OwnWork {
    Reply apply(Session session, SessionNote note);
  }

  /** Runs {@code work} on the actor's own log number {@code number}, or explains why not. */
  Reply onOwn(int number, String verb, OwnWork work) {
    Optional<Reply> refused = refuseOwn(number, verb);
    if (refused.isPresent()) {
      return refused.get();
    }
    Session session = numbered(number).orElseThrow();
    return work.apply(session, mine(session).orElseThrow());
  }

  Optional<SessionNote> mine(Session session) {
    return sessions.note(session.getId(), ctx.me().getId());
  }

  /** Why {@code day} cannot be logged: in the future, or before the pair or participation. */
  Optional<Reply> refuseDay(LocalDate day, Instant now) {
    LocalDate today = ctx.today(now);
    if (day.isAfter(today)) {
      return Optional.of(CheckInMessages.future(day, today));
    }
    LocalDate first = ctx.firstDay();
    if (day.isBefore(first)) {
      return Optional.of(CheckInMessages.beforeStart(day, first, ctx.paired(), today));
    }
    return Optional.empty();
  }

  /** Now for today's sessions; noon in the person's zone for earlier days. */
  Instant occurredAt(LocalDate day, Instant now) {
    if (day.equals(ctx.today(now))) {
      return now;
    }
    return day.atTime(LocalTime.NOON).atZone(ctx.zone()).toInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** A new session of the actor's on {@code entry}'s day, in {@code pairId} (or none). */
  Session newSession(Long pairId, LogForms.Entry entry, Instant now) {
    return ctx.store()
        .add(
            new Session(
                    ctx.me().getWorkspaceId(),
                    ctx.me().getProgramId(),
                    ctx.me().getId(),
                    occurredAt(entry.date(), now),
                    entry.minutes(),
                    entry.topic())
                .placed(
                    pairId,
                    entry.date().toString(),
                    sessions.nextNumber(pairId, ctx.me().getId())));
  }

  /** The meeting's summary: the longest time either side logged, and the first topic given. */
  void summarise(Session session) {
    summarise(session, sessions.notes(session.getId()));
  }

  static void summarise(Session session, List<SessionNote> sides) {
    if (sides.isEmpty()) {
      return;
    }
    int minutes =
        sides.stream().mapToInt(SessionNote::getMinutes).max().orElse(session.getMinutes());
    String topic =
        sides.stream().map(SessionNote::getTopic).filter(t -> !t.isBlank()).findFirst().orElse("");
    session.summarise(minutes, topic, session.getOccurredAt());
  }

  static void write(SessionNote note, LogForms.Entry entry, Instant now) {
    note.write(
        entry.minutes(),
        entry.topic(),
        entry.taught(),
        entry.learned(),
        entry.usefulness(),
        entry.privateNote(),
        now);
  }

  Map<Long, List<SessionNote>> notesBySession(List<Session> listed) {
    Map<Long, List<SessionNote>> bySession = new LinkedHashMap<>();
    sessions
        .notes(listed.stream().map(Session::getId).toList())
        .forEach(n -> bySession.computeIfAbsent(n.getSessionId(), k -> new ArrayList<>()).add(n));
    return bySession;
  }
}
