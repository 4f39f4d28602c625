package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The program {@code ./tandem} runs: the production commands plus {@code demo}. */
class DemoCommandLineTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tandem(String... args) {
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  @DisplayName("demo explains itself with --help, without doing anything")
  void demoHelp() {
    int exit = tandem("demo", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("Usage: tandem demo");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("tandem --help lists demo next to every production command")
  void helpListsDemo() {
    int exit = tandem("--help");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .startsWith("Usage: tandem")
        .containsPattern("\\n\\s+demo\\s+Play a whole pilot")
        .containsPattern("\\n\\s+run\\s+Connect to the configured")
        .containsPattern("\\n\\s+report\\s");
    assertThat(err.toString()).isEmpty();
  }
}
