package io.tandem.core.pulse;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.enrolment.Members;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminProgram;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code program checkins …}: a program's admins (or the workspace's) see and set when its pairs
 * are asked how it is going. Changing the points affects only check-ins not yet asked.
 */
final class SetCheckInPoints {

  private final Database db;
  private final Clock clock;

  SetCheckInPoints(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  Reply handle(Actor actor, PulseCommand command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        PulseGrammar.EXAMPLE,
        (store, program) ->
            command instanceof PulseCommand.SetPoints set
                ? set(store, actor, program, set.points())
                : Reply.info(
                    PulseMessages.points(program.getName(), points(store, program), false),
                    List.of()));
  }

  /** The program's check-in points: the ones its admins set, or the default. */
  static CheckInPoints points(Store store, Program program) {
    return PairCheckIns.in(store)
        .points(program.getId())
        .map(ProgramCheckInPoints::points)
        .orElse(CheckInPoints.DEFAULT);
  }

  private Reply set(Store store, Actor actor, Program program, CheckInPoints points) {
    Instant now = clock.instant();
    PairCheckIns checkIns = PairCheckIns.in(store);
    Optional<ProgramCheckInPoints> stored = checkIns.points(program.getId());
    if (stored.isPresent()) {
      stored.get().set(points, now);
    } else {
      checkIns.add(new ProgramCheckInPoints(program.getId(), points, now));
    }
    CheckInSignals.about(
        store,
        new CheckInSignals.Subject(
            program.getWorkspaceId(),
            Members.in(store)
                .find(program.getWorkspaceId(), actor.userId())
                .map(m -> m.getId())
                .orElse(null),
            program.getId(),
            null,
            null),
        SignalType.CHECKIN_POINTS_SET,
        Map.of("days", points.stored()),
        now);
    return Reply.success(PulseMessages.points(program.getName(), points, true), List.of());
  }
}
