package io.tandem.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link CrashSafetyChild} in a JVM of its own, for the crash tests, and reads its log. */
final class CrashChildren {

  private CrashChildren() {}

  /** Starts the child with {@code arguments}; its output goes to the end of {@code log}. */
  static Process start(Path log, String... arguments) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1",
                // the production logging, not the tests' quiet one: the tests read what it logs
                "-D" + ConsoleLogging.PRODUCTION + "=true",
                CrashSafetyChild.class.getName()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }

  /** What the child wrote so far, for assertion messages. */
  static String log(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(none)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
