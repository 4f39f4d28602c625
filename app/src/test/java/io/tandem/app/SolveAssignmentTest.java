package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem solve-assignment FILE} as an operator meets it. */
class SolveAssignmentTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int tandem(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String file(String text) throws Exception {
    return Files.writeString(dir.resolve("assign.txt"), text).toString();
  }

  @Test
  @DisplayName("a full matrix (the OR-Library layout): prints the brute-force optimum and the time")
  void fullMatrix() throws Exception {
    Random random = new Random(5);
    int n = 6;
    long[][] cost = new long[n][n];
    StringBuilder text = new StringBuilder(n + "\n");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        cost[i][j] = 1 + random.nextInt(99);
        text.append(' ').append(cost[i][j]);
        if (j == 3) {
          text.append('\n'); // OR-Library wraps rows across lines
        }
      }
      text.append('\n');
    }
    long expected = bruteForce(cost);

    int exit = tandem("solve-assignment", file(text.toString()));

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("optimal cost: " + expected + "\n");
    assertThat(out.toString()).containsPattern("time: [0-9.]+ ms to solve");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("triples: unlisted pairs are forbidden, so the cheap-looking choice is not possible")
  void triples() throws Exception {
    // 1-1 is cheapest, but then row 2 has nothing left: the optimum must be 1-2 and 2-1.
    String text =
        """
        2
        1 1 1
        1 2 50
        2 1 60
        """;
    long[][] cost = {{1, 50}, {60, Long.MAX_VALUE}};

    int exit = tandem("solve-assignment", file(text));

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("optimal cost: " + bruteForce(cost) + "\n");
    assertThat(out.toString()).startsWith("optimal cost: 110\n");
  }

  @Test
  @DisplayName("no complete assignment: says how many rows can be assigned, exit 1")
  void infeasible() throws Exception {
    int exit = tandem("solve-assignment", file("3\n1 1 5\n2 1 4\n3 3 1\n3 1 2\n"));

    assertThat(exit).isEqualTo(SolveAssignment.INFEASIBLE);
    assertThat(err.toString()).contains("at most 2 of 3 rows");
  }

  @Test
  @DisplayName("bad files: one clear line with the line number, exit 2")
  void badFiles() throws Exception {
    assertBad("", "line 1: the file is empty");
    assertBad("2\n1 1 5\n1 x 3\n", "line 3: \"x\" is not a whole number");
    assertBad("2\n1 1 5\n3 1 3\n", "line 3: row 3 is outside 1..2");
    assertBad("2\n1 1 5\n1 0 3\n", "line 3: column 0 is outside 1..2");
    assertBad("2\n1 1 5\n2 2 3\n1 1 9\n", "line 4: pair 1 1 is listed twice (first on line 2)");
    assertBad("2\n1 1 5\n2 2\n", "line 3: after n = 2 expected either 4 costs");
    assertBad("0\n", "line 1: n must be between 1 and 100000");
    assertBad("2\n1 1\n5 2 2 3\n", "line 2: each pair must be one line 'i j cost'");
  }

  @Test
  @DisplayName("a missing file is reported, exit 2")
  void missingFile() {
    int exit = tandem("solve-assignment", dir.resolve("nope.txt").toString());

    assertThat(exit).isEqualTo(SolveAssignment.BAD_FILE);
    assertThat(err.toString()).startsWith("cannot read ");
  }

  private void assertBad(String text, String message) throws Exception {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);

    int exit = tandem("solve-assignment", file(text));

    assertThat(exit).as(text).isEqualTo(SolveAssignment.BAD_FILE);
    assertThat(err.toString()).as(text).contains(message);
    assertThat(err.toString().strip().lines()).as(text).hasSize(1);
    assertThat(out.toString()).isEmpty();
  }

  /** The cheapest complete assignment by trying every permutation (MAX_VALUE = forbidden). */
  private static long bruteForce(long[][] cost) {
    List<Long> best = new ArrayList<>(List.of(Long.MAX_VALUE));
    permute(cost, 0, new boolean[cost.length], 0, best);
    return best.get(0);
  }

  private static void permute(long[][] cost, int row, boolean[] used, long sum, List<Long> best) {
    if (row == cost.length) {
      best.set(0, Math.min(best.get(0), sum));
      return;
    }
    for (int j = 0; j < cost.length; j++) {
      if (!used[j] && cost[row][j] != Long.MAX_VALUE) {
        used[j] = true;
        permute(cost, row + 1, used, sum + cost[row][j], best);
        used[j] = false;
      }
    }
  }
}
