package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code tandem demo} plays its conversation through the real adapters and exits cleanly. */
class DemoTest {

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"slack", "discord"})
  @DisplayName("the demo shows people joining, logging, asking for status and one mistake")
  void demo(String platform) {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));

    int exit = cli.execute("demo", "--platform", platform);

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("ana      › /tandem log")
        .contains("Logged")
        .contains("45 minutes")
        .contains("as a mentee!")
        .contains("Sessions so far")
        .contains("`30h` is longer than one session can be")
        .contains("maya     › /tandem dashboard")
        .containsPattern("http://127\\.0\\.0\\.1:\\d+/dashboard\\?t=\\S+")
        .contains("/metrics");
  }
}
