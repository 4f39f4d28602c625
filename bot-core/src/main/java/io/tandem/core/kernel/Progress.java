package io.tandem.core.kernel;

/**
 * How long-running operator work (an import, a dry run over a big pool) says how far it is. Called
 * on the caller's thread, from inside the work; the listener decides what to show (the CLI shows
 * nothing for small jobs), and must be quick and must not call back into Tandem.
 */
public interface Progress {

  /** Shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void rows(String stage, long done, long total) {}

        @Override
        public void stage(String text, long size) {}
      };

  /**
   * A step through the rows of a file, reported after each row, e.g. ({@code "validated"}, 12000,
   * 40000).
   */
  void rows(String stage, long done, long total);

  /**
   * A stage without a count, e.g. "solving… 2,500 mentors, 2,500 mentees"; {@code size} is how big
   * the work is (people, rows), so a listener can stay quiet for small jobs.
   */
  void stage(String text, long size);
}
