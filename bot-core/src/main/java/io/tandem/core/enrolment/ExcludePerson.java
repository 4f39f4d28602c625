package io.tandem.core.enrolment;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.matching.Exclusion;
import io.tandem.core.matching.Exclusions;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /tandem exclude @person}: records, privately, someone the actor must never be paired with.
 */
public final class ExcludePerson {

  private final Database db;
  private final Clock clock;

  public ExcludePerson(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply exclude(Actor actor, Command.Exclude command) {
    if (command.userId().equals(actor.userId())) {
      return Reply.error("You can't exclude yourself.", "exclude @person");
    }
    return db.transaction(
        store -> {
          Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
          if (current.isEmpty()) {
            return Reply.error(
                "Join a program first; exclusions apply to matching.", "join mentee");
          }
          Member member = current.get().member();
          Participant participant = current.get().participant();
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          if (Exclusions.in(store)
              .addUnlessKnown(
                  new Exclusion(member.getWorkspaceId(), member.getId(), command.userId(), now))) {
            Signals.in(store)
                .record(
                    participant.signal(SignalType.EXCLUSION_ADDED, member.getId(), Map.of(), now));
          }
          return Reply.success(
              "Noted. You won't be paired with that person, and nobody else will be told.",
              List.of());
        });
  }
}
