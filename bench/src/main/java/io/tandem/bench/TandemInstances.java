package io.tandem.bench;

import io.tandem.simulator.slack.SlackSimulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code tandem run} processes a throughput run sends its commands to, and what it checks of
 * several of them sharing one PostgreSQL schema: a request sent to all at once takes effect once,
 * every Quartz scheduler checks in, and what each wrote to its log at ERROR.
 */
final class TandemInstances {

  private static final Duration START_LIMIT = Duration.ofSeconds(300);
  static final int SAME_REQUESTS = 50;

  private TandemInstances() {}

  /** Creates {@code schema} in the database of {@code url}; returns the URL that uses it. */
  static String createSchema(String url, String schema) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  static void dropSchema(String url, String schema) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /**
   * Starts {@code o.instances()} {@code tandem run} processes on the database, each with its own
   * port, with the launcher's JVM options, and waits until each is ready; returns their events
   * URLs.
   */
  static List<URI> start(
      ThroughputBenchmark.Options o,
      SlackSimulator slack,
      String dbUrl,
      Path dir,
      List<ChildProcess> started)
      throws Exception {
    List<String> jvmOptions = List.of(ChildProcess.launcherJvmOptions().strip().split("\\s+"));
    List<URI> eventsUrls = new ArrayList<>();
    for (int i = 1; i <= o.instances(); i++) {
      Path home = Files.createDirectories(dir.resolve("instance-" + i));
      int port = IntakeBenchmark.freePort();
      Path config = IntakeBenchmark.writeConfig(home, slack, dbUrl, port);
      started.add(
          ChildProcess.start(
              o.tandemClassPath(),
              jvmOptions,
              home.resolve("run.log"),
              "run",
              "--config",
              config.toString()));
      eventsUrls.add(URI.create("http://127.0.0.1:" + port + "/slack/events"));
    }
    for (int i = 0; i < started.size(); i++) {
      URI base = eventsUrls.get(i).resolve("/");
      started.get(i).awaitReady(base.resolve("/health/ready"), START_LIMIT);
      System.out.printf("instance %d ready at %s (log %s)%n", i + 1, base, started.get(i).log);
    }
    return eventsUrls;
  }

  /**
   * Sends the same signed {@code log} to every instance at once, as a Slack retry that lands on
   * another instance would arrive, {@value #SAME_REQUESTS} times; puts in result how many sessions
   * each made (one each when the inbox recognises the repeat across instances).
   */
  static void sameRequestAtEveryInstance(
      SignedSlashCommands target, String dbUrl, Map<String, Object> result) throws SQLException {
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < SAME_REQUESTS; i++) {
      numbers.add(target.sendToEveryInstance());
    }
    long made = 0;
    long twice = 0;
    try (Connection c = java.sql.DriverManager.getConnection(dbUrl);
        PreparedStatement st =
            c.prepareStatement("SELECT COUNT(*) FROM mentoring_session WHERE topic = ?")) {
      for (long n : numbers) {
        st.setString(1, target.responseUrlPrefix() + n);
        try (java.sql.ResultSet rs = st.executeQuery()) {
          rs.next();
          long sessions = rs.getLong(1);
          made += sessions;
          twice += sessions > 1 ? 1 : 0;
        }
      }
    }
    System.out.printf(
        "the same log at every instance at once, %d times: %d sessions, %d made more than once%n",
        SAME_REQUESTS, made, twice);
    result.put(
        "the same log at every instance at once, " + SAME_REQUESTS + " times: sessions made", made);
    result.put("the same log at every instance at once: requests that took effect twice", twice);
  }

  /** The Quartz schedulers that have checked in to the shared database's cluster table. */
  static long quartzInstances(String dbUrl) throws SQLException {
    try (Connection c = java.sql.DriverManager.getConnection(dbUrl);
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM qrtz_scheduler_state")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The settings in the database URL an instance logged when it opened its database ({@code
   * Database open: URL}), its query part: for SQLite, the file settings Tandem added.
   */
  static String databaseSettings(ChildProcess instance) throws java.io.IOException {
    return instance
        .output()
        .lines()
        .filter(l -> l.contains("Database open: "))
        .findFirst()
        .map(l -> l.substring(l.indexOf("Database open: ") + 15))
        .map(url -> url.contains("?") ? url.substring(url.indexOf('?') + 1) : url)
        .map(q -> q.contains(" (") ? q.substring(0, q.indexOf(" (")) : q)
        .orElse("not in its log");
  }

  /** Puts in result how many ERROR lines each instance's log holds. */
  static void countErrorLines(List<ChildProcess> instances, Map<String, Object> result)
      throws java.io.IOException {
    for (int i = 0; i < instances.size(); i++) {
      result.put(
          "instance " + (i + 1) + ": ERROR lines in its log",
          instances.get(i).output().lines().filter(l -> l.contains(" ERROR ")).count());
    }
  }
}
