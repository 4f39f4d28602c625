package io.tandem.core.matching;

import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
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
    return db.inTransaction(
        em -> {
          Store store = new Store(em);
          Optional<Pair> pair =
              Optional.ofNullable(em.find(Pair.class, pairId))
                  .filter(p -> p.getStatus() == Pair.Status.ACTIVE);
          Optional<Member> member =
              store
                  .workspace(actor.platform(), actor.workspaceId())
                  .flatMap(w -> store.member(w.getId(), actor.userId()));
          if (pair.isEmpty() || member.isEmpty() || !inPair(store, pair.get(), member.get())) {
            return Reply.error("Only the two people in this pair can answer that.", "status");
          }
          store.add(
              new Signal(
                  pair.get().getWorkspaceId(),
                  SignalType.MEETING_WAY_CHOSEN,
                  member.get().getId(),
                  pair.get().getProgramId(),
                  null,
                  pairId,
                  clock.instant().truncatedTo(ChronoUnit.MILLIS),
                  Json.object(Map.of("way", way))));
          return Reply.publicly(
              Markup.text(member.get().getDisplayName()) + " would like to meet by " + way + ".",
              List.of());
        });
  }

  private static boolean inPair(Store store, Pair pair, Member member) {
    return store
            .participantById(pair.getMentorId())
            .map(Participant::getMemberId)
            .filter(member.getId()::equals)
            .isPresent()
        || store
            .participantById(pair.getMenteeId())
            .map(Participant::getMemberId)
            .filter(member.getId()::equals)
            .isPresent();
  }
}
