package io.tandem.core.application;

import io.tandem.core.domain.Durations;
import io.tandem.core.domain.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Participant;
import io.tandem.core.store.Session;
import io.tandem.core.store.Signal;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /tandem status}: the actor's role, program, sessions so far, total time and last session.
 * Records a {@link SignalType#STATUS_VIEWED} signal for participants only; someone who has not
 * joined is told how to, and nothing is written.
 */
public final class ShowStatus {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private final Database db;
  private final Clock clock;

  public ShowStatus(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply status(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    return db.inTransaction(em -> status(new Store(em), actor));
  }

  private Reply status(Store store, Actor actor) {
    Optional<CurrentParticipation> found = CurrentParticipation.of(store, actor);
    if (found.isEmpty()) {
      return Reply.info(
          "You haven't joined a program yet. Join as a mentor to teach, or as a mentee to"
              + " learn: `/tandem join mentor` or `/tandem join mentee`.",
          List.of());
    }
    CurrentParticipation current = found.get();
    Participant participant = current.participant();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Store.SessionTotals totals = store.sessionTotals(participant.getId());
    String last =
        store
            .lastSession(participant.getId())
            .map(s -> describe(s, zoneOf(current.member().getTimeZone(), actor.timeZone())))
            .orElse("none yet");

    store.add(
        new Signal(
            participant.getWorkspaceId(),
            SignalType.STATUS_VIEWED,
            participant.getMemberId(),
            participant.getProgramId(),
            participant.getId(),
            null,
            now,
            "{}"));

    return Reply.info(
        "You're a *"
            + participant.getRole().label()
            + "* in *"
            + current.program().getName()
            + "*.",
        List.of(
            new Reply.Field("Role", participant.getRole().label()),
            new Reply.Field("Program", current.program().getName()),
            new Reply.Field("Status", participant.getStatus().name().toLowerCase(Locale.ROOT)),
            new Reply.Field("Sessions so far", Long.toString(totals.count())),
            new Reply.Field("Total time", Durations.humanMinutes(totals.minutes())),
            new Reply.Field("Last session", last)));
  }

  private static String describe(Session session, ZoneId zone) {
    String date = DATE.format(session.getOccurredAt().atZone(zone));
    String duration = Durations.humanMinutes(session.getMinutes());
    return session.getTopic().isEmpty()
        ? date + " (" + duration + ")"
        : date + " — " + session.getTopic() + " (" + duration + ")";
  }

  /** The member's time zone if it is a valid zone id, else UTC. */
  private static ZoneId zoneOf(String stored, String reported) {
    for (String candidate : new String[] {reported, stored}) {
      if (candidate != null) {
        try {
          return ZoneId.of(candidate);
        } catch (DateTimeException ignored) {
          // fall through to the next candidate
        }
      }
    }
    return ZoneOffset.UTC;
  }
}
