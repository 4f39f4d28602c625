package io.tandem.core.matching;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The introduction's "how would you like to meet?" buttons ({@code pair.meet}). */
public final class PairPreferences {

  /** The action id of the introduction's buttons; the value is {@code pairId:way}. */
  public static final String MEET_ACTION = "pair.meet";

  private static final Set<String> WAYS = Set.of("chat", "call", "in person");

  private final Database db;
  private final Clock clock;

  public PairPreferences(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply chose(Actor actor, String value) {
    String[] parts = value.split(":", 2);
    if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !WAYS.contains(parts[1])) {
      return Reply.error("That button is no longer active.", "status");
    }
    long pairId = Long.parseLong(parts[0]);
    String way = parts[1];
    return db.transaction(
        store -> {
          Optional<Pair> pair =
              Pairs.in(store).byId(pairId).filter(p -> p.getStatus() == Pair.Status.ACTIVE);
          Optional<Member> member =
              Workspaces.in(store)
                  .find(actor.platform(), actor.workspaceId())
                  .flatMap(w -> Members.in(store).find(w.getId(), actor.userId()));
          if (pair.isEmpty()
              || member.isEmpty()
              || !inPair(Participants.in(store), pair.get(), member.get())) {
            return Reply.error("Only the two people in this pair can answer that.", "status");
          }
          Signals.in(store)
              .record(
                  Signal.aboutPair(
                      SignalType.MEETING_WAY_CHOSEN,
                      pair.get().getWorkspaceId(),
                      member.get().getId(),
                      pair.get().getProgramId(),
                      pairId,
                      Map.of("way", way),
                      clock.instant().truncatedTo(ChronoUnit.MILLIS)));
          return Reply.publicly(
              Markup.text(member.get().getDisplayName()) + " would like to meet by " + way + ".",
              List.of());
        });
  }

  private static boolean inPair(Participants participants, Pair pair, Member member) {
    return participants
            .byId(pair.getMentorId())
            .map(Participant::getMemberId)
            .filter(member.getId()::equals)
            .isPresent()
        || participants
            .byId(pair.getMenteeId())
            .map(Participant::getMemberId)
            .filter(member.getId()::equals)
            .isPresent();
  }
}
