package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's demo excerpt is what the demo prints, because {@code --readme} wrote it. */
class DemoReadmeTest {

  private static final Path README = Path.of("..", "README.md");

  @Test
  @DisplayName("replaying the README's pilot leaves the README's excerpt as it is")
  void readmeExcerptIsWhatTheDemoPrints(@TempDir Path folder) throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Path copy = folder.resolve("README.md");
    Files.writeString(copy, readme, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("demo", "--readme", copy.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(Files.readString(copy, StandardCharsets.UTF_8))
        .as(
            "README.md's demo excerpt no longer matches what the demo prints;"
                + " run ./tandem demo --readme and commit README.md and docs/demo-funnel.png")
        .isEqualTo(readme);
    assertThat(ImageIO.read(ReadmeExcerpt.funnelPicture(copy).toFile())).isNotNull();
  }

  @Test
  @DisplayName("--readme plays the README's pilot only, and says so when asked for another")
  void readmePlaysOnePilot() {
    StringWriter err = new StringWriter();
    CommandLine cli = DemoMain.commandLine();
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("demo", "--readme", README.toString(), "--seed", "3");

    assertThat(exit).isNotZero();
    assertThat(err.toString())
        .contains("--readme plays the pilot the README shows, so it takes no --seed")
        .contains("Example: ./tandem demo --readme");
  }
}
