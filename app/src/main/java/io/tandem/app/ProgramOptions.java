package io.tandem.app;

import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.ProgramLookup;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that name a program for operator commands: {@code --program NAME}, and {@code
 * --platform} with {@code --workspace} when the database holds more than one workspace.
 */
final class ProgramOptions {

  @Option(
      names = "--program",
      required = true,
      paramLabel = "NAME",
      description = "The program, by name (ignoring case).")
  String program;

  @Option(
      names = "--platform",
      paramLabel = "slack|discord",
      converter = PlatformConverter.class,
      description = "The workspace's platform (needed only when the database has several).")
  Platform platform;

  @Option(
      names = "--workspace",
      paramLabel = "TEAM_OR_GUILD_ID",
      description =
          "The Slack team id or Discord guild id (default: the only workspace in the database).")
  String workspace;

  ProgramLookup.Target target() {
    return new ProgramLookup.Target(platform, workspace, program);
  }

  /** {@code slack} or {@code discord}, in any case. */
  static final class PlatformConverter implements CommandLine.ITypeConverter<Platform> {
    @Override
    public Platform convert(String value) {
      for (Platform p : Platform.values()) {
        if (p.name().equalsIgnoreCase(value.strip())) {
          return p;
        }
      }
      throw new CommandLine.TypeConversionException("'" + value + "' is not slack or discord");
    }
  }
}
