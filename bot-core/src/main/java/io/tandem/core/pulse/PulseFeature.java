package io.tandem.core.pulse;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.util.Objects;

/**
 * Pair check-ins: at the points a program sets (default 30, 60 and 90 days after matching; {@code
 * program checkins …}, {@link SetCheckInPoints}) each person of each active pair is asked privately
 * how it is going ({@link AskCheckIns}) and answers with one click ({@link AnswerCheckIn}). A low
 * answer offers {@code support}; reports count the answers from the anonymity threshold on ({@link
 * CheckInSummary}).
 */
public final class PulseFeature implements Feature {

  /** Every check-in button's action id starts with this. */
  static final String ACTION_PREFIX = "checkin.";

  /** "How is it going?" 1–5: value {@code pair:point:rating}. */
  static final String RATE_ACTION = ACTION_PREFIX + "rate";

  /** "Is your partner learning from you?": value {@code pair:point:YES|PARTLY|NO}. */
  static final String LEARNING_ACTION = ACTION_PREFIX + "learning";

  /** Opens the note form: value {@code pair:point}. */
  static final String NOTE_ACTION = ACTION_PREFIX + "note";

  /** "No, thanks" to telling the admins after a low answer: value {@code pair:point}. */
  static final String DECLINE_ACTION = ACTION_PREFIX + "decline";

  /** The note form's id, followed by {@code pair:point}. */
  static final String NOTE_FORM = "checkin-note:";

  private final SetCheckInPoints points;
  private final AnswerCheckIn answer;
  private final AskCheckIns job;

  public PulseFeature(Database db, Clock clock) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(clock, "clock");
    this.points = new SetCheckInPoints(db, clock);
    this.answer = new AnswerCheckIn(db, clock);
    this.job = new AskCheckIns(db);
  }

  /** The job that asks the check-ins due; tests run a firing of it directly. */
  public AskCheckIns job() {
    return job;
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(PulseCommand.SetPoints.class, points::handle)
        .command(PulseCommand.ShowPoints.class, points::handle)
        .actions(ACTION_PREFIX, this::clicked)
        .forms(NOTE_FORM, answer::noteSubmitted)
        .job(job);
  }

  private Reply clicked(Actor actor, String actionId, String value) {
    return switch (actionId) {
      case NOTE_ACTION -> answer.openNote(actor, value);
      case DECLINE_ACTION -> answer.decline(actor, value);
      default -> answer.click(actor, actionId, value);
    };
  }
}
