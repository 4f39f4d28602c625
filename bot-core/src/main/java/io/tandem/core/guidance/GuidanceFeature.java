package io.tandem.core.guidance;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Admins' {@code guide} commands and their forms ({@link ManageGuides}). What pairs read is sent by
 * introductions and reminders, through {@link Guidance}.
 */
public final class GuidanceFeature implements Feature {

  private final ManageGuides guides;

  public GuidanceFeature(Database db, Clock clock) {
    this.guides = new ManageGuides(db, clock);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(GuideCommand.ListGuides.class, guides::list)
        .command(GuideCommand.Edit.class, guides::edit)
        .command(GuideCommand.Reset.class, guides::reset)
        .command(GuideCommand.Import.class, guides::importForm)
        .forms(GuideForms.EDIT, guides::submitEdit)
        .forms(GuideForms.IMPORT, guides::submitImport);
  }
}
