package io.tandem.core.reminders;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;

/**
 * The nudge ladder for pairs that logged no session in their current round ({@link
 * ClimbNudgeLadder}), and the admin {@code nudge @person} command ({@link NudgeNow}).
 *
 * <p>With {@code due} the end of the round ({@link PairPeople#due()}), each person gets a nudge at
 * their preferred local hour {@code nudge_days} past due and a second one at {@code
 * second_nudge_days} (only the highest step reached is sent, so downtime never sends both); the
 * workspace's admins get an alert with the pair's history at {@code escalate_days}; and once {@code
 * at_risk_rounds} full rounds passed without a session the pair is marked at risk and each person
 * is asked privately whether to continue, pause or end. At-risk pairs get no more reminders or
 * nudges until someone answers. Keys {@code nudge:{pairId}:{due}:{step}:{userId}}, {@code
 * escalate:{pairId}:{due}:{adminUserId}} and {@code atrisk:{pairId}:{due}:{userId}}.
 */
public final class Nudges {

  private final ReminderPass pass;
  private final NudgeNow nudgeNow;

  public Nudges(Database db, Clock clock, ReminderSettings settings) {
    this.pass = new ReminderPass(db, settings);
    this.nudgeNow = new NudgeNow(db, clock, settings);
  }

  /** Climbs the ladder for every active pair of every running program at {@code at}. */
  public int queueDue(Instant at) {
    return pass.run(at, false, true).nudges();
  }

  /** Admin {@code nudge @person}: one nudge to the person and their partner, now. */
  public Reply nudgeNow(Actor actor, String userId) {
    return nudgeNow.nudge(actor, userId);
  }
}
