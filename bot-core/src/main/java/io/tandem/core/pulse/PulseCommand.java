package io.tandem.core.pulse;

import io.tandem.core.command.Command;
import java.util.Objects;

/**
 * {@code program checkins …}: when a program asks its pairs how it is going; {@link PulseGrammar}
 * parses them. Sealed here, so that routing can check each has a handler.
 */
public sealed interface PulseCommand extends Command.PairCheckIns {

  /** The program named, or {@code null} for the admin's one program. */
  String program();

  /** {@code program checkins 30,60,90 [program]} or {@code program checkins off [program]}. */
  record SetPoints(CheckInPoints points, String program) implements PulseCommand {
    public SetPoints {
      Objects.requireNonNull(points, "points");
    }
  }

  /** {@code program checkins [program]}: the points as they are. */
  record ShowPoints(String program) implements PulseCommand {}
}
