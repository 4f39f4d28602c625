package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.guidance.Guidance;
import io.tandem.core.guidance.GuideDefaults;
import io.tandem.core.guidance.Guides;
import io.tandem.core.guidance.ImportGuides;
import io.tandem.core.guidance.ProgramTemplate;
import io.tandem.core.port.in.Platform;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem import guides FILE.md --program P} as an operator meets it. */
@DisplayName("tandem import guides")
class GuideImportCommandTest {

  @TempDir Path dir;

  private OperatorCli cli;

  @BeforeEach
  void configure() throws Exception {
    cli =
        new OperatorCli(
            Files.writeString(
                dir.resolve("tandem.yml"),
                "database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("tandem.db"))));
    ImportCommandTest.program(dir, Platform.SLACK, "T_ACME", "Spring pilot", null);
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** What the program's pairs would read of each template, and its own versions. */
  private record Read(Map<String, String> texts, List<ProgramTemplate> own) {}

  private Read guidance() {
    try (Database db = ImportCommandTest.open(dir)) {
      return db.transaction(
          store -> {
            long id =
                ProgramLookup.find(store, new ProgramLookup.Target(null, null, "Spring pilot"))
                    .program()
                    .getId();
            return new Read(Guidance.all(store, id), Guides.in(store).of(id));
          });
    }
  }

  @Test
  @DisplayName("a good file replaces the program's templates, changed by the operator")
  void imports() throws Exception {
    Path md =
        file(
            "guides.md",
            "\uFEFF# Spring guidance\n\n## mentor-guide\nShow, don't lecture; let {mentee} try."
                + "\n\n## Agenda-Data\nOpen a spreadsheet {mentee} uses.\n");

    int exit = cli.run("import", "guides", md.toString(), "--program", "spring PILOT");

    assertThat(exit).isZero();
    assertThat(cli.out())
        .isEqualTo(
            "Imported " + md + " into \"Spring pilot\": mentor-guide, agenda-data (2 templates)\n");
    assertThat(cli.err()).isEmpty();
    Read read = guidance();
    assertThat(read.texts())
        .containsEntry("mentor-guide", "Show, don't lecture; let {mentee} try.")
        .containsEntry("agenda-data", "Open a spreadsheet {mentee} uses.");
    assertThat(read.own())
        .extracting(ProgramTemplate::updatedBy)
        .containsOnly(ImportGuides.OPERATOR)
        .hasSize(2);
  }

  @Test
  @DisplayName("an unknown section or placeholder rejects the whole file, exit 2, nothing stored")
  void rejects() throws Exception {
    Read before = guidance();
    Path section = file("section.md", "## mentor-guide\nShow {mentee}.\n\n## welcome-note\nHi.\n");
    Path placeholder =
        file("placeholder.md", "## mentor-guide\nShow {mentee}.\n\n## agenda-data\nAsk {boss}.\n");

    assertThat(cli.run("import", "guides", section.toString(), "--program", "Spring pilot"))
        .isEqualTo(ImportCommand.REJECTED);
    assertThat(cli.err().lines())
        .containsExactly(
            section
                + ": Line 4: `welcome-note` is not a template Tandem knows. Each template starts"
                + " with its name on a line of its own, e.g. `## mentor-guide`, then its text:"
                + " Show, don't lecture; let {mentee} try things hands-on. Templates: "
                + GuideDefaults.names()
                + ".",
            "Nothing was imported (1 problem). Fix the file and run the import again.");
    assertThat(cli.out()).isEmpty();

    assertThat(cli.run("import", "guides", placeholder.toString(), "--program", "Spring pilot"))
        .isEqualTo(ImportCommand.REJECTED);
    assertThat(cli.err())
        .startsWith(placeholder + ": In `agenda-data`: Tandem does not know {boss}.")
        .contains("Nothing was imported (1 problem).");
    assertThat(cli.out()).isEmpty();
    assertThat(guidance().texts()).isEqualTo(before.texts());
    assertThat(guidance().own()).isEmpty();
  }

  @Test
  @DisplayName("a missing file or program exits 2 with what is wrong")
  void cannotStart() throws Exception {
    assertThat(cli.run("import", "guides", "nope.md", "--program", "Spring pilot"))
        .isEqualTo(ImportCommand.REJECTED);
    assertThat(cli.err()).contains("cannot read nope.md: there is no such file");

    Path md = file("guides.md", "## mentor-guide\nShow {mentee}.\n");
    assertThat(cli.run("import", "guides", md.toString(), "--program", "Autumn"))
        .isEqualTo(ImportCommand.REJECTED);
    assertThat(cli.err())
        .contains("there is no program called \"Autumn\" in slack workspace T_ACME");
    assertThat(guidance().own()).isEmpty();
  }
}
