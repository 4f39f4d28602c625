package io.tandem.core.calendar;

import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.Pairs;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The buttons of proposed times: pick one (once, or repeating with the program's cadence), ask for
 * other days, or skip a planned session that did not happen. Only the two people of the pair may
 * click; an old or repeated click changes nothing and says so kindly.
 */
public final class PickSlot {

  /** Plans the session at the time the value names: {@code pairId:epochSecond}. */
  public static final String PICK = "calendar.pick";

  /** As {@link #PICK}, repeating with the program's cadence. */
  public static final String REPEAT = "calendar.repeat";

  /** Proposes the next times after the value's instant. */
  public static final String MORE = "calendar.more";

  /** Skips the planned session of the value's instant. */
  public static final String SKIP = "calendar.skip";

  private static final String STALE = "That button is no longer active.";

  private final Database db;
  private final Clock clock;

  public PickSlot(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The pair a click is about, with both people, for one of them. */
  private record Clicked(
      Store store,
      Pair pair,
      Program program,
      List<Meetings.Side> sides,
      Meetings.Side me,
      Instant at) {}

  Reply pick(Actor actor, String value, boolean repeat) {
    return within(
        actor,
        value,
        c -> {
          Instant now = clock.instant();
          boolean bothFree =
              c.sides().stream().allMatch(s -> s.person().freeFor(c.at(), Meetings.LENGTH));
          if (c.at().isBefore(now) || !bothFree) {
            Meetings.proposeAfter(
                c.store(), c.program(), c.pair(), c.sides(), now.plus(Meetings.LEAD), now);
            return Reply.info(
                "That time has passed or no longer suits you both; the next free times are on"
                    + " their way to your conversation.",
                List.of());
          }
          Integer repeatDays = repeat ? c.program().getCadenceDays() : null;
          Optional<PlannedSession> planned =
              PlannedSessions.in(c.store())
                  .ofPair(c.pair().getId())
                  .filter(p -> p.getStatus() == PlannedSession.Status.PLANNED);
          if (planned.isPresent()
              && planned.get().getStartsAt().equals(c.at())
              && Objects.equals(planned.get().getRepeatDays(), repeatDays)) {
            return Reply.info(
                "That's already planned: "
                    + CalendarMessages.when(c.at(), c.me().zone())
                    + " your time. You both have the invitation.",
                List.of());
          }
          Meetings.plan(c.store(), c.pair(), c.sides(), c.at(), repeatDays, now);
          return Reply.publicly(
              Meetings.name(c.me())
                  + " picked "
                  + CalendarMessages.slotLine(c.at(), c.sides())
                  + (repeatDays == null ? "" : ", repeating every " + repeatDays + " days")
                  + ". Tandem sent you both a calendar invitation.",
              List.of());
        });
  }

  Reply more(Actor actor, String value) {
    return within(
        actor,
        value,
        c -> {
          Instant now = clock.instant();
          Instant after =
              c.at().isBefore(now.plus(Meetings.LEAD)) ? now.plus(Meetings.LEAD) : c.at();
          boolean sent =
              Meetings.proposeAfter(c.store(), c.program(), c.pair(), c.sides(), after, now);
          return Reply.info(
              sent
                  ? "More times you're both free are on their way to your conversation."
                  : "Those times are already in your conversation.",
              List.of());
        });
  }

  Reply skip(Actor actor, String value) {
    return within(
        actor,
        value,
        c ->
            Reply.publicly(
                Meetings.name(c.me())
                    + " skipped this one. No worries — pick a new time whenever you're ready, and"
                    + " Tandem reminds you both when it's time to meet.",
                List.of()));
  }

  private Reply within(Actor actor, String value, Function<Clicked, Reply> work) {
    String[] parts = value.split(":", 2);
    if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,12}")) {
      return Reply.error(STALE, "status");
    }
    long pairId = Long.parseLong(parts[0]);
    Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]));
    return db.transactionRetryingConflicts(
        store -> {
          Optional<Pair> pair = Pairs.in(store).byId(pairId);
          if (pair.isEmpty() || pair.get().getStatus() != Pair.Status.ACTIVE) {
            return Reply.error("This pairing has ended, so there is no session to plan.", "status");
          }
          List<Meetings.Side> sides = Meetings.sides(store, pair.get());
          Optional<Meetings.Side> me =
              Workspaces.in(store)
                  .find(actor.platform(), actor.workspaceId())
                  .filter(w -> w.getId().equals(pair.get().getWorkspaceId()))
                  .flatMap(
                      w ->
                          sides.stream()
                              .filter(s -> s.member().getUserId().equals(actor.userId()))
                              .findFirst());
          if (me.isEmpty()) {
            return Reply.error("Only the two people in this pair can answer that.", "status");
          }
          Program program = Programs.in(store).byId(pair.get().getProgramId()).orElseThrow();
          return work.apply(new Clicked(store, pair.get(), program, sides, me.get(), at));
        });
  }
}
