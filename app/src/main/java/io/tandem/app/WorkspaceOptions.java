package io.tandem.app;

import io.tandem.core.port.in.Platform;
import picocli.CommandLine.Option;

/**
 * {@code --platform} and {@code --workspace}: which workspace an operator command means, needed
 * only when the database holds more than one. A picocli mixin.
 */
final class WorkspaceOptions {

  @Option(
      names = "--platform",
      paramLabel = "slack|discord",
      converter = ProgramOptions.PlatformConverter.class,
      description = "The workspace's platform (needed only when the database has several).")
  Platform platform;

  @Option(
      names = "--workspace",
      paramLabel = "TEAM_OR_GUILD_ID",
      description = "The Slack team id or Discord guild id (default: the only workspace).")
  String workspace;
}
