package io.tandem.core.surveys;

import io.tandem.core.command.Command;
import java.util.Objects;

/** Admins' pulse survey commands; see {@link SurveyGrammar}. */
public sealed interface SurveyCommand extends Command.Survey {

  /** {@code survey send TEMPLATE [program]}. */
  record Send(String template, String program) implements SurveyCommand {
    public Send {
      Objects.requireNonNull(template, "template");
    }
  }

  /** {@code survey results N}. */
  record Results(long run) implements SurveyCommand {}

  /** {@code survey list}: runs and schedules. */
  record ListRuns() implements SurveyCommand {}

  /**
   * {@code survey cancel N} closes run N now; {@code survey cancel schedule N} stops a schedule.
   */
  record Cancel(long id, boolean schedule) implements SurveyCommand {}

  /**
   * {@code survey schedule TEMPLATE WHEN [for PROGRAM]}.
   *
   * @param cron a Quartz cron expression (seconds first)
   * @param spec what the admin typed for WHEN
   */
  record ScheduleSend(String template, String cron, String spec, String program)
      implements SurveyCommand {
    public ScheduleSend {
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(cron, "cron");
      Objects.requireNonNull(spec, "spec");
    }
  }
}
