package io.tandem.core.calendar;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Meetings in calendars: a new pair gets the next times both are free ({@link Meetings#propose},
 * called with the introduction); picking one ({@link PickSlot}) plans it and sends both people a
 * calendar invitation ({@link Invitation}); "Pick another day" proposes more, moving the same
 * event; a pairing that ends cancels it; a planned session that passes with nothing logged gets
 * "did you meet?" ({@link DidYouMeet}).
 */
public final class CalendarFeature implements Feature {

  private final PickSlot pick;
  private final DidYouMeet didYouMeet;

  public CalendarFeature(Database db, Clock clock) {
    this.pick = new PickSlot(db, clock);
    this.didYouMeet = new DidYouMeet(db);
  }

  @Override
  public void register(Routes routes) {
    routes
        .action(PickSlot.PICK, (actor, actionId, value) -> pick.pick(actor, value, false))
        .action(PickSlot.REPEAT, (actor, actionId, value) -> pick.pick(actor, value, true))
        .action(PickSlot.MORE, (actor, actionId, value) -> pick.more(actor, value))
        .action(PickSlot.SKIP, (actor, actionId, value) -> pick.skip(actor, value))
        .job(didYouMeet);
  }
}
