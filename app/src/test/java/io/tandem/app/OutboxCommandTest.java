package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tandem outbox} as an operator meets it, on a real SQLite file. */
@DisplayName("tandem outbox")
class OutboxCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path config;

  @BeforeEach
  void configure() throws Exception {
    config =
        Files.writeString(
            dir.resolve("tandem.yml"),
            "database:\n  url: jdbc:sqlite:%s\n".formatted(dir.resolve("tandem.db")));
  }

  private int tandem(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "--config";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  /**
   * Three reminders queued 2 hours ago: one delivered, one given up on after 8 tries, one still
   * queued; and a welcome message queued 3 days ago that died at once.
   */
  private void outboxWithDeadMessages() {
    Instant now = Instant.now();
    try (Database db = ImportCommandTest.open(dir)) {
      db.inTransaction(
          em -> {
            Store store = new Store(em);
            long ws = store.add(new Workspace(Platform.SLACK, "T_ACME", now)).getId();
            Instant twoHoursAgo = now.minus(Duration.ofHours(2));
            for (String key : List.of("reminder:1:a", "reminder:2:a", "reminder:3:a")) {
              Outbox.queue(
                  store,
                  ws,
                  Platform.SLACK,
                  key,
                  new ChatTarget.DirectMessage("U_" + key.charAt(9)),
                  Reply.info("Time to meet", List.of()),
                  twoHoursAgo,
                  twoHoursAgo);
            }
            Instant threeDaysAgo = now.minus(Duration.ofDays(3));
            Outbox.queue(
                store,
                ws,
                Platform.SLACK,
                "welcome:7",
                new ChatTarget.ChannelMessage("C_GONE"),
                Reply.info("Welcome", List.of()),
                threeDaysAgo,
                threeDaysAgo);
            return null;
          });
      sql(
          db,
          "UPDATE outbox_message SET state = 'DELIVERED', attempts = 1"
              + " WHERE dedup_key = 'reminder:1:a'");
      sql(
          db,
          "UPDATE outbox_message SET state = 'DEAD', attempts = 8,"
              + " last_error = 'HTTP 503 internal_error' WHERE dedup_key = 'reminder:2:a'");
      sql(
          db,
          "UPDATE outbox_message SET state = 'DEAD', attempts = 1,"
              + " last_error = 'channel_not_found' WHERE dedup_key = 'welcome:7'");
    }
  }

  private static void sql(Database db, String update) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(update)) {
      assertThat(ps.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String row(String key) {
    try (Database db = ImportCommandTest.open(dir);
        Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT state, attempts, not_before, lease_owner FROM outbox_message"
                    + " WHERE dedup_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        long dueIn = rs.getLong(3) - System.currentTimeMillis();
        return rs.getString(1)
            + " "
            + rs.getInt(2)
            + " due "
            + (Math.abs(dueIn) < 60_000 ? "now" : dueIn + " ms")
            + " lease "
            + rs.getString(4);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("alone: counts by state and the age of the oldest queued message")
  void summary() {
    // GIVEN one delivered, two dead and one queued (for 2 hours) message
    outboxWithDeadMessages();

    // WHEN the operator looks at the outbox
    int exit = tandem("outbox");

    // THEN each state has its count and the oldest queued message its age
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("  queued     1")
        .contains("  delivered  1")
        .contains("  dead       2")
        .containsPattern("Oldest queued message: queued (2h 0m|1h 59m) ago\\.");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("an empty outbox says nothing is queued")
  void empty() {
    // a database that tandem migrate made (outbox only reads: it never creates one)
    assertThat(tandem("migrate")).isZero();
    assertThat(tandem("outbox")).isZero();
    assertThat(out.toString()).contains("  queued     0").contains("Nothing is queued.");
  }

  @Test
  @DisplayName("--dead lists each dead message with key, platform, recipient, attempts, error, age")
  void dead() {
    outboxWithDeadMessages();

    int exit = tandem("outbox", "--dead");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .startsWith("Dead outbox messages: 2\n")
        .contains(
            "  welcome:7  slack  to C_GONE  1 attempt  queued 3d 0h ago  last error:"
                + " channel_not_found\n")
        .containsPattern(
            "  reminder:2:a  slack  to U_2  8 attempts  queued (2h 0m|1h 59m) ago  last error:"
                + " HTTP 503 internal_error\n")
        .contains("tandem outbox --retry KEY")
        .doesNotContain("reminder:1:a")
        .doesNotContain("reminder:3:a");
    // oldest first
    assertThat(out.toString().indexOf("welcome:7"))
        .isLessThan(out.toString().indexOf("reminder:2:a"));
  }

  @Test
  @DisplayName("--retry KEY queues a dead message again: due now, 0 attempts, and says so")
  void retry() {
    // GIVEN a reminder given up on after 8 attempts
    outboxWithDeadMessages();

    // WHEN the operator retries it
    int exit = tandem("outbox", "--retry", "reminder:2:a");

    // THEN it is queued again, due now, with no attempts and no lease
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Queued \"reminder:2:a\" again: due now, 0 attempts.");
    assertThat(row("reminder:2:a")).isEqualTo("QUEUED 0 due now lease null");

    // AND it no longer counts as dead
    tandem("outbox", "--dead");
    assertThat(out.toString()).startsWith("Dead outbox messages: 1\n").doesNotContain("reminder:2");
  }

  @Test
  @DisplayName("--retry of an unknown key exits 2 with a clear error and changes nothing")
  void unknownKey() {
    outboxWithDeadMessages();

    int exit = tandem("outbox", "--retry", "reminder:99:z");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("There is no outbox message with the key \"reminder:99:z\"")
        .contains("tandem outbox --dead");
    tandem("outbox", "--dead");
    assertThat(out.toString()).startsWith("Dead outbox messages: 2\n");
  }

  @Test
  @DisplayName("--retry of a delivered message exits 2 and leaves it delivered")
  void deliveredKey() {
    outboxWithDeadMessages();

    assertThat(tandem("outbox", "--retry", "reminder:1:a")).isEqualTo(2);
    assertThat(err.toString()).contains("was delivered; only dead messages can be retried");
    assertThat(row("reminder:1:a")).startsWith("DELIVERED 1");
  }

  @Test
  @DisplayName("--dead and --retry together are refused")
  void exclusive() {
    assertThat(tandem("outbox", "--dead", "--retry", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }
}
