package io.tandem.core.reports;

import io.tandem.core.command.Command;
import java.util.List;
import java.util.Objects;

/**
 * {@code program targets [program] [meet N%] [goals N%] [retention N%]}: a program's targets, shown
 * or set by its admins; {@link TargetGrammar} parses them. Sealed here, so that routing can check
 * each has a handler.
 */
public sealed interface TargetCommand extends Command.TargetCommands {

  /** The program named, or {@code null} for the default (see {@code ProgramLookup#inChat}). */
  String program();

  /** {@code program targets [program]}: the targets and the progress against them. */
  record Show(String program) implements TargetCommand {}

  /** {@code program targets [program] meet 80% goals 70%}: sets (or, with {@code off}, removes). */
  record Set(String program, List<Setting> settings) implements TargetCommand {
    public Set {
      settings = List.copyOf(settings);
      if (settings.isEmpty()) {
        throw new IllegalArgumentException("set at least one target");
      }
    }
  }

  /**
   * One target: {@code percent} is {@code null} to remove it.
   *
   * @param percent a whole percentage from 1 to the measure's {@link Targets.Measure#max}, or null
   */
  record Setting(Targets.Measure measure, Integer percent) {
    public Setting {
      Objects.requireNonNull(measure, "measure");
      if (percent != null && (percent < 1 || percent > measure.max)) {
        throw new IllegalArgumentException("a target lies between 1% and " + measure.max + "%");
      }
    }
  }
}
