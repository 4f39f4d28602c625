package io.tandem.core.application;

import io.tandem.core.command.Command;
import io.tandem.core.domain.Durations;
import io.tandem.core.domain.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Participant;
import io.tandem.core.store.Session;
import io.tandem.core.store.Signal;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /tandem log <duration> [topic]}: records a session for the actor's current program, with a
 * {@link SignalType#SESSION_LOGGED} signal (minutes and topic length, never the topic), in one
 * transaction. Someone who has not joined gets an error and nothing is written.
 */
public final class LogSession {

  private final Database db;
  private final Clock clock;

  public LogSession(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply log(Actor actor, Command.Log command) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
    return db.inTransaction(em -> log(new Store(em), actor, command));
  }

  private Reply log(Store store, Actor actor, Command.Log command) {
    Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
    if (current.isEmpty()) {
      return Reply.error(
          "You haven't joined a program yet, so there is nothing to log against.",
          "/tandem join mentee");
    }
    Participant participant = current.get().participant();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    store.add(
        new Session(
            participant.getWorkspaceId(),
            participant.getProgramId(),
            participant.getId(),
            now,
            command.minutes(),
            command.topic()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("minutes", command.minutes());
    details.put("topicLength", command.topic().length());
    store.add(
        new Signal(
            participant.getWorkspaceId(),
            SignalType.SESSION_LOGGED,
            participant.getMemberId(),
            participant.getProgramId(),
            participant.getId(),
            null,
            now,
            Json.object(details)));
    store.flush();
    Store.SessionTotals totals = store.sessionTotals(participant.getId());

    String duration = Durations.humanMinutes(command.minutes());
    String text =
        command.topic().isEmpty()
            ? "Logged *" + duration + "*."
            : "Logged *" + duration + "* on " + command.topic() + ".";
    return Reply.success(
        text,
        List.of(
            new Reply.Field("Sessions so far", Long.toString(totals.count())),
            new Reply.Field("Total time", Durations.humanMinutes(totals.minutes()))));
  }
}
