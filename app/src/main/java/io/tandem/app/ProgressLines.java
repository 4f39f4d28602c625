package io.tandem.app;

import io.tandem.core.kernel.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of operator commands as lines on stderr, e.g. {@code validated 12,000 / 40,000 rows}:
 * every {@value #EVERY} rows and at the end of each stage, and only for jobs of at least {@value
 * #LARGE} rows or people, so small files and pools stay quiet.
 */
final class ProgressLines implements Progress {

  static final long LARGE = 1_000;
  static final long EVERY = 1_000;

  private final PrintWriter err;

  ProgressLines(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void rows(String stage, long done, long total) {
    if (total >= LARGE && (done % EVERY == 0 || done == total)) {
      err.println(String.format(Locale.ROOT, "%s %,d / %,d rows", stage, done, total));
      err.flush();
    }
  }

  @Override
  public void stage(String text, long size) {
    if (size >= LARGE) {
      err.println(text);
      err.flush();
    }
  }
}
