package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.app.Logging;
import io.tandem.app.Tandem;
import io.tandem.config.LoggingConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With {@code logging.format: json} every line on standard output is one JSON object, and the lines
 * of a request carry its workspace, verb and request id; no token and nothing a person typed
 * reaches the log.
 */
@DisplayName("Logging")
class LoggingTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TYPED = "Secret-salary-talk-with-Maya";

  @TempDir Path dir;

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream stdout;
  private SimulatedChat chat;
  private Tandem tandem;

  @AfterEach
  void stop() throws Exception {
    try {
      if (tandem != null) {
        tandem.close();
      }
      if (chat != null) {
        chat.close();
      }
    } finally {
      if (stdout != null) {
        System.setOut(stdout);
      }
      // back to the quiet logback-test.xml for the tests that follow
      LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
      context.reset();
      new ContextInitializer(context).autoConfig();
    }
  }

  /** Tandem on Slack over HTTP, logging JSON lines from {@code level} to captured stdout. */
  private SimulatedSlack startLoggingJson(LoggingConfig.Level level) throws Exception {
    stdout = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    Logging.configure(new LoggingConfig(LoggingConfig.Format.JSON, level));
    chat = SimulatedChat.start(SimulatedChat.Kind.SLACK_HTTP);
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    return (SimulatedSlack) chat;
  }

  private List<String> lines() {
    System.out.flush();
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  @DisplayName("a handled command logs a JSON line with workspace, verb and request id, no secrets")
  void jsonLinesOfARequest() throws Exception {
    // GIVEN Tandem on Slack over HTTP, logging JSON lines to standard output
    SimulatedSlack slack = startLoggingJson(LoggingConfig.Level.INFO);

    // WHEN Ben logs a session with a topic of his own words
    slack.client().user("ben").runs("/tandem log 45m " + TYPED);

    // THEN the request's line says which workspace, verb and request it was
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> lines().stream().anyMatch(line -> line.contains("Handled a command")));
    List<String> lines = lines();
    assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{"));
    JsonObject handled =
        lines.stream()
            .map(line -> JsonParser.parseString(line).getAsJsonObject())
            .filter(
                json -> json.get("formattedMessage").getAsString().contains("Handled a command"))
            .findFirst()
            .orElseThrow();
    assertThat(handled.get("level").getAsString()).isEqualTo("INFO");
    JsonObject fields = handled.getAsJsonObject("mdc");
    assertThat(fields.get("workspace").getAsString()).isEqualTo(slack.simulator().teamId());
    assertThat(fields.get("verb").getAsString()).isEqualTo("log");
    assertThat(fields.get("request_id").getAsString()).startsWith("slack:");
    // AND no token, no signing secret and none of Ben's words are in the output
    String output = String.join("\n", lines);
    assertThat(output)
        .doesNotContain(slack.simulator().botToken())
        .doesNotContain(SimulatedSlack.SIGNING_SECRET)
        .doesNotContain(TYPED);
  }

  @Test
  @DisplayName("logging.level decides which of Tandem's lines are written")
  void level() throws Exception {
    // GIVEN Tandem's messages from warn up only
    SimulatedSlack slack = startLoggingJson(LoggingConfig.Level.WARN);

    // WHEN a command is handled
    slack.client().user("ben").runs("/tandem help");
    Awaitility.await().atMost(WAIT).until(() -> !slack.simulator().responses().isEmpty());

    // THEN none of the info lines (start, handled) are written
    assertThat(lines()).noneMatch(line -> line.contains("\"INFO\""));
  }
}
