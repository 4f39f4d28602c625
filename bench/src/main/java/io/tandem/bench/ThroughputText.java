package io.tandem.bench;

/** The heading and the method paragraph of the throughput results. */
final class ThroughputText {

  static final String HEADING =
      "# Throughput: commands at the speed of the database\n\n"
          + "Goal: for `log`, `status` and a button click, the highest rate with p99"
          + " send-to-answer under 1 s is at least 0.5x the plain JDBC program's transactions"
          + " a second (same rows per command, same SQLite file settings, same run).\n\n";

  private ThroughputText() {}

  /** How the run was made, with the machine's load at its start. */
  static String method(ThroughputBenchmark.Options o, String loadAtStart) {
    return "\n"
        + (o.instances() == 1
            ? "Tandem (`tandem run`, in a JVM of its own"
            : o.instances()
                + " Tandem instances (each `tandem run` in a JVM of its own with its own HTTP"
                + " port, the commands sent to them in turn")
        + ", with the launcher's JVM options) in Slack HTTP mode on "
        + (o.postgres() == null
            ? "SQLite"
            : "PostgreSQL (one server, a fresh schema"
                + (o.instances() > 1 ? " shared by the instances)" : ")"))
        + ", "
        + o.people()
        + " enrolled mentees and "
        + o.signals()
        + " signals (none of them `HOME_OPENED`), takes signed requests from the load"
        + " generator (the benchmark's JVM, with the Slack simulator) at each rate for "
        + o.stepSeconds()
        + " s (after an unrecorded warm-up step at half the first rate), the rates tried in"
        + " order until one misses twice in a row: p99 from send to the answer (the"
        + " acknowledgement's body when it carries one, as Slack shows it, else the"
        + " simulator's receipt of the `response_url` post) at or over 1 s, the generator sending under 98% of the"
        + " rate (it fell behind its schedule: the rate was not delivered), or an answer"
        + " missing 30 s after the step; past the last rate while none misses (1.5x, up to"
        + " 3 more); then "
        + o.bisections()
        + " steps bisect between the last rate that held and the first that missed; after a"
        + " miss the next step waits until the server is idle (under 0.15 cores for a second),"
        + " and the steps stop if it is not within a minute. Each"
        + " step records the CPU (cores: CPU seconds per second while it sent) of the load generator's JVM and of the server's. The baseline runs"
        + " first, on the same database file through the same pool settings (Tandem's"
        + " `Database`, which adds WAL, `synchronous=NORMAL`, `BEGIN IMMEDIATE` to a SQLite"
        + " URL; the table shows the baseline connection's pragmas and the URL Tandem"
        + " logged): per transaction, the nine reads and three inserts of"
        + " one `log` (one session, one note, one signal), one thread."
        + (o.ceiling()
            ? " The ceiling comes next: the same steps of the same signed requests to a bare"
                + " Bolt app in a JVM of its own with the launcher's JVM options, served as"
                + " `tandem run` serves Slack (Tandem's signature-checking endpoint on a JDK"
                + " HTTP server with 16 threads), no database: a command answered in its ack"
                + " with a short text, a click acknowledged and answered at its"
                + " `response_url`. It shows what HTTP, signatures and Bolt leave of the"
                + " machine before any database work; Tandem's rate is also given as a ratio"
                + " to it."
            : "")
        + (o.instances() > 1
            ? " After the steps, the same signed `log` goes to every instance at once "
                + TandemInstances.SAME_REQUESTS
                + " times (a Slack retry landing on another instance): each must take effect"
                + " once."
            : "")
        + " Both JVMs run with `-Dsun.net.httpserver.nodelay=true` (the JDK HTTP server, in"
        + " the simulator and in Tandem's Slack endpoint, otherwise holds small responses"
        + " ~40 ms; `tandem run` sets it itself). Load"
        + " (/proc/loadavg) at start: "
        + loadAtStart
        + " (the machine is shared; read the ratios).\n\n";
  }
}
