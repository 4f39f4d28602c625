package io.tandem.core.home;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import java.util.Objects;

/** Where a person stands: {@code status}, and the home tab when they open it. */
public final class HomeFeature implements Feature {

  private final ShowStatus status;

  public HomeFeature(ShowStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(Command.Status.class, (actor, command) -> status.status(actor))
        .onHomeOpened(status::homeOpened);
  }
}
