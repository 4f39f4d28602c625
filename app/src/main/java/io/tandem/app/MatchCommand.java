package io.tandem.app;

import io.tandem.config.TandemConfig;
import io.tandem.core.matching.DryRunMatch;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.matching.model.MatchedPair;
import io.tandem.core.matching.model.Unmatched;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tandem match --program NAME --dry-run}: the pairs {@code /tandem match preview} would
 * propose, all of them, from the command line, writing nothing. Making pairs real stays in chat,
 * where the admin sees the proposal and the introductions go out.
 */
@Command(
    name = "match",
    description = {
      "Show the best pairs for a program, exactly as /tandem match preview would propose them,"
          + " with every pair's score and reasons and why anyone is left out. Writes nothing.",
      "Approving happens in chat: /tandem match preview, then /tandem match approve."
    })
final class MatchCommand implements Callable<Integer> {

  static final int NOT_A_DRY_RUN = 2;

  @ParentCommand Main main;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ProgramOptions options;

  @Option(
      names = "--dry-run",
      description = "Required: compute and print the proposal without storing anything.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!dryRun) {
      err.println(
          "tandem match only previews from the command line: add --dry-run. To make the pairs,"
              + " run /tandem match preview and then /tandem match approve in chat, where the"
              + " introductions go out.");
      err.flush();
      return NOT_A_DRY_RUN;
    }
    TandemConfig config = main.loadConfig(err);
    if (config == null) {
      return Main.CONFIG_ERROR;
    }
    long start = System.nanoTime();
    DryRunMatch.Result run;
    try (Database database = Tandem.openExistingDatabase(config, Clock.systemUTC())) {
      run =
          new DryRunMatch(database, Clock.systemUTC())
              .dryRun(options.target(), new ProgressLines(err));
    } catch (ProgramLookup.NotFound | IllegalArgumentException e) {
      err.println(e.getMessage());
      err.flush();
      return NOT_A_DRY_RUN;
    }
    print(out, run, System.nanoTime() - start);
    return 0;
  }

  private static void print(PrintWriter out, DryRunMatch.Result run, long nanos) {
    MatchResult result = run.result();
    out.printf(
        Locale.ROOT,
        "Dry run for \"%s\" (%s): %,d mentors, %,d mentees. Nothing was written.%n",
        run.program(),
        run.workspace(),
        run.mentors(),
        run.mentees());
    out.println();
    out.printf(Locale.ROOT, "Pairs (%,d):%n", result.pairs().size());
    for (MatchedPair p : result.pairs()) {
      out.printf(
          Locale.ROOT,
          "  %s (%s) → %s (%s)  score %d: %s%n",
          p.mentor().name(),
          p.mentor().id(),
          p.mentee().name(),
          p.mentee().id(),
          Math.round(p.score()),
          p.reasons().isEmpty() ? "fits the rules" : String.join("; ", p.reasons()));
    }
    out.println();
    out.printf(Locale.ROOT, "Unmatched (%,d):%n", result.unmatched().size());
    for (Unmatched u : result.unmatched()) {
      out.printf(
          Locale.ROOT,
          "  %s (%s, %s): %s%n",
          u.person().name(),
          u.person().id(),
          u.role().label(),
          u.explanation());
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "Total: %,d %s, total score %d, %,d unmatched (%.1f s). The best possible total under"
            + " the program's rules.%n",
        result.pairs().size(),
        result.pairs().size() == 1 ? "pair" : "pairs",
        Math.round(result.totalScore()),
        result.unmatched().size(),
        nanos / 1e9);
    out.println(
        "To make pairs: /tandem match preview "
            + run.program()
            + " then /tandem match approve in chat.");
    out.flush();
  }
}
