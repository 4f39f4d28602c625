package io.tandem.core.command;

import io.tandem.core.guidance.GuideCommand;
import io.tandem.core.matching.PairCommand;
import io.tandem.core.privacy.PrivacyCommand;
import io.tandem.core.programs.ProgramAdminCommand;
import io.tandem.core.programs.ProgramControl;
import io.tandem.core.pulse.PulseCommand;
import io.tandem.core.reminders.ReminderCommands;
import io.tandem.core.reports.TargetCommand;
import io.tandem.core.surveys.SurveyCommand;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every concrete {@link Command} type, read from the sealed hierarchy, so that {@link Routes} can
 * refuse to start with one unhandled.
 *
 * <p>A sealed type's permitted subclasses must share its package (Tandem runs on the class path,
 * not as named modules). So a feature that keeps its commands in its own package seals them there
 * under one interface, and joins {@code Command} through a non-sealed interface declared in {@code
 * Command}; {@link #FAMILIES} names the sealed interface behind each of those. A test checks that
 * no command type escapes this walk.
 */
final class CommandTypes {

  /** Each non-sealed interface of {@link Command}, with the sealed family that fills it. */
  private static final Map<Class<?>, Class<?>> FAMILIES =
      Map.of(
          Command.Survey.class, SurveyCommand.class,
          Command.ReminderCommand.class, ReminderCommands.class,
          Command.Privacy.class, PrivacyCommand.class,
          Command.ProgramControls.class, ProgramControl.class,
          Command.PairCommands.class, PairCommand.class,
          Command.ProgramAdmins.class, ProgramAdminCommand.class,
          Command.PairCheckIns.class, PulseCommand.class,
          Command.Guidance.class, GuideCommand.class,
          Command.TargetCommands.class, TargetCommand.class);

  private CommandTypes() {}

  /** Every record a parsed command can be, in declaration order. */
  static Set<Class<? extends Command>> all() {
    Set<Class<? extends Command>> types = new LinkedHashSet<>();
    collect(Command.class, types);
    return Collections.unmodifiableSet(types);
  }

  private static void collect(Class<?> type, Set<Class<? extends Command>> into) {
    if (type.isSealed()) {
      for (Class<?> permitted : type.getPermittedSubclasses()) {
        collect(permitted, into);
      }
      return;
    }
    if (!type.isInterface()) {
      into.add(type.asSubclass(Command.class));
      return;
    }
    Class<?> family = FAMILIES.get(type);
    if (family == null || !family.isSealed() || !type.isAssignableFrom(family)) {
      throw new IllegalStateException(
          type.getName()
              + " is an open family of commands: name the sealed interface of its records in"
              + " CommandTypes.FAMILIES so that routing can check each of them has a handler");
    }
    collect(family, into);
  }
}
