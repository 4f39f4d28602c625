package io.tandem.app;

import io.tandem.config.TandemConfig;
import io.tandem.core.enrolment.ImportParticipants;
import io.tandem.core.enrolment.ImportRoster;
import io.tandem.core.guidance.ImportGuides;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tandem import …}: bringing data into Tandem from files. */
@Command(
    name = "import",
    description = "Bring data into Tandem from files.",
    subcommands = {
      ImportCommand.Participants.class,
      ImportCommand.Roster.class,
      ImportCommand.GuideTemplates.class
    })
final class ImportCommand {

  /** The file was rejected, or the program could not be found; nothing was stored. */
  static final int REJECTED = 2;

  private static final String CSV_UTF8 = "\"CSV UTF-8\"";

  @ParentCommand Main main;

  /** One import use case run over an open database and the file's reader. */
  @FunctionalInterface
  private interface FileImport<T> {
    T run(Database database, BufferedReader reader) throws IOException;
  }

  /**
   * Opens the database and {@code file} as UTF-8 and runs {@code fileImport} on them; when the file
   * cannot be read, tells {@code err} why and returns {@code null}.
   *
   * @param saveAs how an editor calls UTF-8 for this kind of file, e.g. "CSV UTF-8"
   */
  private static <T> T readFile(
      TandemConfig config, Path file, String saveAs, PrintWriter err, FileImport<T> fileImport) {
    String name = file.toString();
    try (Database database = Tandem.openDatabase(config, Clock.systemUTC(), true);
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return fileImport.run(database, reader);
    } catch (NoSuchFileException e) {
      rejected(err, "cannot read " + name + ": there is no such file");
    } catch (CharacterCodingException e) {
      rejected(err, name + " is not UTF-8 text; save it as " + saveAs + " and import it again");
    } catch (IOException e) {
      rejected(err, "cannot read " + name + ": " + e.getMessage());
    }
    return null;
  }

  /**
   * Lists a rejected file's problems (as many as the use case kept) and says nothing was stored.
   */
  private static int nothingImported(PrintWriter err, List<String> problems, int problemCount) {
    problems.forEach(err::println);
    int hidden = problemCount - problems.size();
    if (hidden > 0) {
      err.println("… and " + hidden + " more " + (hidden == 1 ? "problem" : "problems"));
    }
    return rejected(
        err,
        "Nothing was imported ("
            + problemCount
            + (problemCount == 1 ? " problem" : " problems")
            + "). Fix the file and run the import again.");
  }

  private static int rejected(PrintWriter err, String message) {
    err.println(message);
    err.flush();
    return REJECTED;
  }

  /** An import into the program {@code --program} names, with the configuration loaded. */
  abstract static class ProgramImport implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ProgramOptions options;

    @Override
    public final Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      TandemConfig config = parent.main.loadConfig(err);
      if (config == null) {
        return Main.CONFIG_ERROR;
      }
      ProgramLookup.Target target;
      try {
        target = options.target();
      } catch (IllegalArgumentException e) {
        return rejected(err, e.getMessage());
      }
      return run(config, target, spec.commandLine().getOut(), err);
    }

    abstract int run(
        TandemConfig config, ProgramLookup.Target target, PrintWriter out, PrintWriter err);
  }

  /** {@code tandem import participants FILE.csv --program NAME}. */
  @Command(
      name = "participants",
      description = {
        "Enrol many people in a program at once, each with a complete profile, as if they had"
            + " filled in the join form. Every row is checked first: one bad row rejects the"
            + " whole file and nothing is stored.",
        "",
        "FILE.csv: UTF-8 (with or without BOM), comma-separated, a header row naming the columns"
            + " (any order, any case). Quote cells that contain commas.",
        "  user_id        platform user id (Slack U…, Discord snowflake)   required",
        "  name           display name                                      required",
        "  role           mentor | mentee                                   required",
        "  department     e.g. Marketing                                    required",
        "  band           seniority, 1 (entry) to 6 (executive)             required",
        "  manager        manager's user id or name                         optional",
        "  communication  chat | call | in person                           required",
        "  timezone       IANA name, e.g. Europe/Berlin                     required",
        "  teach          skills, e.g. Instagram reels; SQL                 mentors",
        "  learn          skills with a level 1-5, e.g. Leadership 2; SQL 1 mentees",
        "  availability   e.g. Tue 14-16; Thu 9-11 (own time zone)          required",
        "  capacity       mentees at once, 1-3                              mentors",
        ""
      })
  static final class Participants extends ProgramImport {

    @Parameters(paramLabel = "FILE.csv", description = "The people to enrol.")
    Path file;

    @Override
    int run(TandemConfig config, ProgramLookup.Target target, PrintWriter out, PrintWriter err) {
      String name = file.toString();
      long start = System.nanoTime();
      ImportParticipants.Outcome outcome =
          readFile(
              config,
              file,
              CSV_UTF8,
              err,
              (database, reader) ->
                  new ImportParticipants(database, Clock.systemUTC())
                      .importCsv(name, reader, target, new ProgressLines(err)));
      if (outcome == null) {
        return REJECTED;
      }
      if (!outcome.imported()) {
        return nothingImported(err, outcome.problems(), outcome.problemCount());
      }
      print(out, name, outcome.summary(), System.nanoTime() - start);
      return 0;
    }

    private static void print(
        PrintWriter out, String file, ImportParticipants.Summary summary, long nanos) {
      out.printf(
          Locale.ROOT,
          "Imported %s into \"%s\" (%s): %,d %s in %.1f s.%n",
          file,
          summary.program(),
          summary.workspace(),
          summary.rows(),
          summary.rows() == 1 ? "row" : "rows",
          nanos / 1e9);
      out.printf(Locale.ROOT, "  enrolled:      %,d%n", summary.enrolled());
      out.printf(
          Locale.ROOT,
          "  waitlisted:    %,d%s%n",
          summary.waitlisted(),
          summary.waitlisted() == 0
              ? ""
              : " (the pilot cap is " + summary.pilotCap() + "; they move up in this order)");
      names(out, summary.waitlistedNames(), summary.waitlisted());
      out.printf(
          Locale.ROOT,
          "  already there: %,d%s%n",
          summary.alreadyThere(),
          summary.alreadyThere() == 0 ? "" : " (left as they were)");
      names(out, summary.alreadyThereNames(), summary.alreadyThere());
      if (summary.enrolled() + summary.waitlisted() > 0) {
        out.println("Welcome messages are queued; Tandem sends them while it runs.");
      }
      out.flush();
    }

    private static void names(PrintWriter out, List<String> shown, int all) {
      shown.forEach(n -> out.println("    " + n));
      if (all > shown.size()) {
        out.printf(Locale.ROOT, "    … and %,d more%n", all - shown.size());
      }
    }
  }

  /** {@code tandem import roster FILE.csv}: the HR roster that retention is measured against. */
  @Command(
      name = "roster",
      description = {
        "Replace the workspace's HR roster, which reports measure retention against. Import the"
            + " whole current roster, people who left included. Every row is checked first: one"
            + " bad row rejects the whole file and nothing is stored.",
        "",
        "FILE.csv: UTF-8, comma-separated, a header row naming the columns (any order, any case).",
        "  employee_id    HR id                                  this or email",
        "  email          work email                             this or employee_id",
        "  user_id        Slack or Discord user id, if any       optional",
        "  hire_date      YYYY-MM-DD                             required",
        "  exit_date      YYYY-MM-DD, empty while employed       optional",
        "  department     e.g. Marketing                         required",
        "  band           seniority, 1 (entry) to 6 (executive)  required",
        ""
      })
  static final class Roster implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.csv", description = "The roster.")
    Path file;

    @CommandLine.Mixin WorkspaceOptions where;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TandemConfig config = parent.main.loadConfig(err);
      if (config == null) {
        return Main.CONFIG_ERROR;
      }
      String name = file.toString();
      ImportRoster.Outcome outcome =
          readFile(
              config,
              file,
              CSV_UTF8,
              err,
              (database, reader) ->
                  new ImportRoster(database, Clock.systemUTC())
                      .importCsv(
                          name, reader, where.platform, where.workspace, new ProgressLines(err)));
      if (outcome == null) {
        return REJECTED;
      }
      if (!outcome.imported()) {
        return nothingImported(err, outcome.problems(), outcome.problemCount());
      }
      ImportRoster.Summary s = outcome.summary();
      out.printf(
          Locale.ROOT,
          "Imported the roster %s into %s: %,d employees (%,d still employed); linked to chat"
              + " users: %,d by user id, %,d by email, %,d not linked; it replaced %,d rows.%n",
          name,
          s.workspace(),
          s.rows(),
          s.stillEmployed(),
          s.linkedById(),
          s.linkedByEmail(),
          s.notLinked(),
          s.replaced());
      out.flush();
      return 0;
    }
  }

  /** {@code tandem import guides FILE.md --program NAME}: the program's guidance templates. */
  @Command(
      name = "guides",
      description = {
        "Replace a program's guidance templates (role guides, first-session agenda, session"
            + " agendas) with the sections of a guidance file, as an admin's guide import in chat"
            + " does. The whole file is checked first: one bad section rejects it and nothing is"
            + " stored.",
        "",
        "FILE.md: UTF-8 Markdown, one section per template, each starting with its name on a line"
            + " of its own:",
        "  ## mentor-guide",
        "  Show, don't lecture; let {mentee} try things hands-on.",
        ""
      })
  static final class GuideTemplates extends ProgramImport {

    @Parameters(paramLabel = "FILE.md", description = "The guidance file.")
    Path file;

    @Override
    int run(TandemConfig config, ProgramLookup.Target target, PrintWriter out, PrintWriter err) {
      String name = file.toString();
      ImportGuides.Outcome outcome =
          readFile(
              config,
              file,
              "UTF-8",
              err,
              (database, reader) -> {
                StringWriter text = new StringWriter();
                reader.transferTo(text);
                return new ImportGuides(database, Clock.systemUTC())
                    .importFile(name, withoutBom(text.toString()), target);
              });
      if (outcome == null) {
        return REJECTED;
      }
      if (!outcome.imported()) {
        return nothingImported(err, outcome.problems(), outcome.problems().size());
      }
      int count = outcome.templates().size();
      out.printf(
          Locale.ROOT,
          "Imported %s into \"%s\": %s (%d %s)%n",
          name,
          outcome.program(),
          String.join(", ", outcome.templates()),
          count,
          count == 1 ? "template" : "templates");
      out.flush();
      return 0;
    }

    private static String withoutBom(String text) {
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }
}
