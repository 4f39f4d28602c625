package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("tandem --version")
class VersionTest {

  @Test
  @DisplayName("prints the project version and the commit the build was made from")
  void printsVersionAndCommit() {
    // GIVEN the program as built
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));

    // WHEN an operator asks for its version
    int exit = cli.execute("--version");

    // THEN it names the version the build filled in, and the commit (tests run in a git checkout
    // when the project has one; a source tarball has none)
    assertThat(exit).isZero();
    boolean inGit = Files.exists(Path.of("..", ".git"));
    assertThat(out.toString().strip())
        .matches(
            "Tandem \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit "
                + (inGit ? "[0-9a-f]{12}" : "unknown")
                + "(, modified)?\\)");
  }

  @Test
  @DisplayName("a build outside a git checkout says the commit is unknown")
  void unknownCommit() {
    // GIVEN what Maven leaves when no git checkout gives a commit
    Properties build = build("${git.commit.id.abbrev}", "${git.dirty}");
    // WHEN / THEN
    assertThat(Version.describe(build)).isEqualTo("Tandem 1.2.3 (commit unknown)");
  }

  @Test
  @DisplayName("a build from a tree with uncommitted changes says so")
  void modified() {
    assertThat(Version.describe(build("0b896a5c1a2b", "true")))
        .isEqualTo("Tandem 1.2.3 (commit 0b896a5c1a2b, modified)");
  }

  /** {@code version.properties} as a build of 1.2.3 fills it. */
  private static Properties build(String commit, String dirty) {
    Properties build = new Properties();
    build.setProperty("version", "1.2.3");
    build.setProperty("commit", commit);
    build.setProperty("dirty", dirty);
    return build;
  }
}
