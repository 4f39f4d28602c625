package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.config.TandemConfig;
import io.tandem.core.intake.Intake;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.DiscordUser;
import io.tandem.simulator.discord.InteractionResult;
import io.tandem.simulator.discord.RestCall;
import io.tandem.simulator.slack.ActionResult;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SlackClient;
import io.tandem.simulator.slack.SlackSimulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing is acknowledged before it is durable": Tandem runs as a separate JVM ({@link
 * CrashSafetyChild}) in Slack HTTP mode and takes a stream of signed {@code /tandem log} commands
 * from the simulator, each with its own topic and {@code response_url}. It is killed (SIGKILL) or
 * stopped (SIGTERM) in the middle of the stream and started again on the same SQLite file; every
 * command it acknowledged must then be stored once and answered once. The same holds for clicks on
 * a quick command's button, whose answers go to their {@code response_url} after the
 * acknowledgement, and for {@code /tandem} commands on the simulated Discord, answered in their
 * callback or deferred.
 */
@DisplayName("Intake: acknowledged Slack commands survive SIGKILL and SIGTERM, exactly once")
class IntakeCrashSafetyTest {

  private static final int PEOPLE = 20;
  private static final int STOP_AFTER = 180;
  private static final int CLICK_STREAMS = 4;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration FINISH_TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path dir;

  private SlackSimulator slack;
  private DiscordSimulator discord;
  private String databaseUrl;
  private Process child;
  private Path childLog;
  private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
  private volatile boolean sending = true;
  private volatile boolean clicking;
  private final AtomicInteger numbers = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    slack = SlackSimulator.start(CrashSafetyChild.BOT_TOKEN, "xapp-unused");
    databaseUrl = "jdbc:sqlite:" + dir.resolve("tandem.db");
    childLog = dir.resolve("child.log");
  }

  @AfterEach
  void tearDown() throws Exception {
    sending = false;
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    if (slack != null) {
      slack.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  @DisplayName("SIGKILL after 180 acknowledged commands, restart: each stored once, answered once")
  void killedMidStream() throws Exception {
    enrolSlackPeople();
    // GIVEN Tandem taking a stream of /tandem log commands
    // WHEN it is killed with SIGKILL after 180 of them were acknowledged
    Outcome outcome = sendThenStop(() -> child.destroyForcibly());
    assertThat(outcome.exitCode).as("killed by SIGKILL").isEqualTo(137);

    // THEN after a restart every acknowledged command is stored once and answered once
    restartAndCheck(outcome);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  @DisplayName(
      "SIGKILL after 180 acknowledged clicks on a log button, restart: each done once, answered at"
          + " most once, none lost")
  void clicksKilledMidStream() throws Exception {
    enrolSlackPeople();
    clicking = true;
    // GIVEN Tandem taking a stream of clicks on a command button that logs a session, each answered
    // at its response_url after the acknowledgement
    // WHEN it is killed with SIGKILL after 180 of them were acknowledged
    Outcome outcome = sendThenStop(() -> child.destroyForcibly());
    assertThat(outcome.exitCode).as("killed by SIGKILL").isEqualTo(137);

    // THEN after a restart every acknowledged click has its effect once and its answer once, but
    // for the answers being sent at the kill, which are never sent twice
    restartAndCheck(outcome);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  @DisplayName(
      "SIGTERM mid-stream: exits 0 in time; after a restart each stored once, answered once")
  void stoppedMidStream() throws Exception {
    enrolSlackPeople();
    // GIVEN Tandem taking a stream of /tandem log commands
    // WHEN it gets SIGTERM after 180 of them were acknowledged
    Outcome outcome = sendThenStop(() -> child.destroy());

    // THEN it stops cleanly within the grace period ...
    assertThat(outcome.exitCode).as("exit code after SIGTERM; log:%n%s", childLog()).isEqualTo(0);
    assertThat(outcome.stopTook).isLessThan(TandemConfig.DEFAULT_STOP_GRACE);
    assertThat(childLog()).contains("Intake stopped", "Quartz and the outbox dispatcher stopped");
    assertThat(childLog()).contains("Database pool closed");

    // ... and after a restart every acknowledged command is stored once and answered once
    restartAndCheck(outcome);
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  @DisplayName(
      "Discord: SIGKILL after 180 acknowledged commands, restart: each stored once, answered once")
  void discordKilledMidStream() throws Exception {
    discord = DiscordSimulator.builder().botToken(CrashSafetyChild.DISCORD_BOT_TOKEN).start();
    List<DiscordUser> people =
        IntStream.range(0, PEOPLE).mapToObj(i -> discord.user("person" + i)).toList();
    enrol(Platform.DISCORD, discord.guildId(), people.stream().map(DiscordUser::id).toList());
    String argument =
        CrashSafetyChild.DISCORD
            + String.join(
                "|",
                discord.restUrl().toString(),
                discord.gatewayUrl().toString(),
                discord.applicationId(),
                discord.guildId());

    // GIVEN Tandem on Discord taking a stream of /tandem log commands
    child = startChild(argument);
    await().atMost(START_TIMEOUT).until(() -> childLog().contains(CrashSafetyChild.READY));
    Map<String, Integer> numberByToken = new ConcurrentHashMap<>();
    Map<String, Integer> numberById = new ConcurrentHashMap<>();
    Thread sender =
        new Thread(
            () -> {
              for (int n = 0; sending; n++) {
                try {
                  InteractionResult result =
                      people.get(n % PEOPLE).runs("/tandem log duration:45m topic:crash-" + n);
                  numberByToken.put(result.token(), n);
                  numberById.put(result.id(), n);
                  // about as fast as Tandem acknowledges, so work piles up as in the Slack stream
                  result.awaitCallback(Duration.ofSeconds(2));
                } catch (RuntimeException e) {
                  // not acknowledged: the process is gone
                }
              }
            },
            "discord-command-stream");
    sender.setDaemon(true);
    sender.start();

    // WHEN it is killed with SIGKILL after 180 commands were acknowledged
    await().atMost(START_TIMEOUT).until(() -> acknowledged(numberById).size() >= STOP_AFTER);
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    sending = false;
    sender.join(15_000);
    Set<Integer> acked = acknowledged(numberById);
    Set<String> inFlight = discordAnswersInFlight();
    Map<Integer, Long> answeredAtKill = discordAnswers(numberByToken);
    System.out.printf(
        "intake crash safety, Discord: %d acknowledged, %d stored and %d answered at the kill%n",
        acked.size(), sessionsByTopic().size(), answeredAtKill.size());

    // THEN after a restart every acknowledged command is stored once and answered once
    child = startChild(argument);
    try {
      await()
          .atMost(FINISH_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  sessionsByTopic().keySet().containsAll(topics(acked))
                      && discordAnswers(numberByToken)
                          .keySet()
                          .containsAll(
                              acked.stream()
                                  .filter(n -> !inFlight.contains(tokenOf(numberByToken, n)))
                                  .toList()));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not everything finished; child log:\n" + childLog(), e);
    }
    Map<String, Long> sessions = sessionsByTopic();
    Map<Integer, Long> answers = discordAnswers(numberByToken);
    System.out.printf(
        "intake crash safety, Discord, after restart: %d acknowledged, %d stored, %d answered,"
            + " %d answers started before the kill; duplicates: %d effects, %d answers%n",
        acked.size(),
        acked.stream().filter(n -> sessions.containsKey("crash-" + n)).count(),
        acked.stream().filter(answers::containsKey).count(),
        inFlight.size(),
        sessions.values().stream().filter(c -> c > 1).count(),
        answers.values().stream().filter(c -> c > 1).count());
    assertThat(sessions).containsKeys(topics(acked).toArray(String[]::new));
    assertThat(sessions.values()).as("no command stored twice").allMatch(c -> c == 1);
    assertThat(answers.values()).as("no command answered twice").allMatch(c -> c == 1);
    assertThat(acked.stream().filter(n -> !answers.containsKey(n)).toList())
        .as("unanswered commands: only sends cut off by the kill, one per intake worker at most")
        .allMatch(n -> inFlight.contains(tokenOf(numberByToken, n)))
        .hasSizeLessThanOrEqualTo(4);
  }

  /** The commands whose callback (an answer or a deferral) Discord accepted, by their number. */
  private Set<Integer> acknowledged(Map<String, Integer> numberById) {
    Set<Integer> numbers = new TreeSet<>();
    for (RestCall call : discord.calls("POST", "interactions/{id}/{token}/callback")) {
      Integer n = numberById.get(call.path().split("/")[1]);
      if (n != null && call.status() / 100 == 2) {
        numbers.add(n);
      }
    }
    return numbers;
  }

  /**
   * How often each command was answered, in its callback or by filling in its deferral, by the
   * command's number.
   */
  private Map<Integer, Long> discordAnswers(Map<String, Integer> numberByToken) {
    Map<Integer, Long> answers = new HashMap<>();
    List<RestCall> answering =
        new java.util.ArrayList<>(
            discord.calls("PATCH", "webhooks/{application_id}/{token}/messages/{message_id}"));
    discord.calls("POST", "interactions/{id}/{token}/callback").stream()
        .filter(call -> call.body().getAsJsonObject().get("type").getAsInt() == 4)
        .forEach(answering::add);
    for (RestCall call : answering) {
      Integer n = numberByToken.get(call.path().split("/")[2]);
      if (n != null && call.status() / 100 == 2) {
        answers.merge(n, 1L, Long::sum);
      }
    }
    return answers;
  }

  private static String tokenOf(Map<String, Integer> numberByToken, int n) {
    return numberByToken.entrySet().stream()
        .filter(e -> e.getValue() == n)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  /** The interaction tokens whose answers were sent, or being sent, when the child died. */
  private Set<String> discordAnswersInFlight() {
    return query(
            "SELECT request FROM inbox WHERE state = 'ANSWERING'",
            rs -> {
              String request = rs.getString(1);
              String marker = "\"replyAddress\":\"";
              int at = request.indexOf(marker) + marker.length();
              return request.substring(at, request.indexOf('"', at));
            })
        .keySet();
  }

  private record Outcome(int exitCode, Duration stopTook, Set<Integer> acknowledged) {}

  /** Starts the child, streams commands at it, stops it after {@link #STOP_AFTER} acks. */
  private Outcome sendThenStop(Runnable stop) throws Exception {
    child = startChild();
    URI eventsUrl = awaitEventsUrl();
    // clicks come from several people at once, so answers are still owed when the stop comes
    List<Thread> senders =
        IntStream.range(0, clicking ? CLICK_STREAMS : 1)
            .mapToObj(i -> new Thread(() -> stream(eventsUrl), "command-stream-" + i))
            .toList();
    senders.forEach(
        sender -> {
          sender.setDaemon(true);
          sender.start();
        });
    await().atMost(START_TIMEOUT).until(() -> acknowledged.size() >= STOP_AFTER);
    long stopping = System.nanoTime();
    stop.run();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended").isTrue();
    Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);
    sending = false;
    for (Thread sender : senders) {
      sender.join(15_000);
    }
    Set<Integer> acked = new TreeSet<>(acknowledged.keySet());
    System.out.printf(
        "intake crash safety: %d acknowledged, %d stored and %d answered when the child ended"
            + " (exit %d after %d ms)%n",
        acked.size(),
        sessionsByTopic().size(),
        slack.responses().size(),
        child.exitValue(),
        stopTook.toMillis());
    return new Outcome(child.exitValue(), stopTook, acked);
  }

  /**
   * Sends {@code /tandem log 45m crash-N}, or clicks a command button with that value, one after
   * another, until told to stop.
   */
  private void stream(URI eventsUrl) {
    try (SlackClient client =
        SlackClient.overHttp(
            slack,
            eventsUrl,
            CrashSafetyChild.SIGNING_SECRET,
            Clock.systemUTC(),
            Duration.ofSeconds(5))) {
      for (int n = numbers.getAndIncrement(); sending; n = numbers.getAndIncrement()) {
        try {
          ActionResult result =
              clicking
                  ? client.user("person-" + (n % PEOPLE)).clicks("command", "log 45m crash-" + n)
                  : client.user("person-" + (n % PEOPLE)).runs("/tandem log 45m crash-" + n);
          if (result.ack().isOk()) {
            acknowledged.put(n, result.responseUrlId());
          }
        } catch (RuntimeException e) {
          // the process is gone: this command was not acknowledged
        }
      }
    }
  }

  private void restartAndCheck(Outcome outcome) throws Exception {
    Set<String> unknownAtStop = answersInFlight();
    child = startChild();
    awaitEventsUrl();
    Map<Integer, String> acked = Map.copyOf(acknowledged);
    try {
      await()
          .atMost(FINISH_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                Map<String, Long> answers = answersByUrl();
                return sessionsByTopic().keySet().containsAll(topics(acked.keySet()))
                    && acked.values().stream()
                        .filter(url -> !unknownAtStop.contains(url))
                        .allMatch(answers::containsKey);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not everything finished; child log:\n" + childLog(), e);
    }
    Map<String, Long> sessions = sessionsByTopic();
    Map<String, Long> answers = answersByUrl();
    long unanswered = acked.values().stream().filter(url -> !answers.containsKey(url)).count();
    System.out.printf(
        "intake crash safety after restart: %d acknowledged, %d stored, %d answered,"
            + " %d answers started before the stop (%d of them never arrived), duplicates: %d"
            + " effects, %d answers%n",
        acked.size(),
        acked.keySet().stream().filter(n -> sessions.containsKey("crash-" + n)).count(),
        acked.values().stream().filter(answers::containsKey).count(),
        unknownAtStop.size(),
        unanswered,
        sessions.values().stream().filter(c -> c > 1).count(),
        answers.values().stream().filter(c -> c > 1).count());
    assertThat(sessions)
        .as("every acknowledged command stored")
        .containsKeys(topics(acked.keySet()).toArray(String[]::new));
    assertThat(sessions.values()).as("no command stored twice").allMatch(c -> c == 1);
    assertThat(answers.values()).as("no command answered twice").allMatch(c -> c == 1);
    assertThat(
            acked.values().stream()
                .filter(url -> !answers.containsKey(url))
                .collect(Collectors.toSet()))
        .as("unanswered commands are only those whose answer was being sent at the stop")
        .isSubsetOf(unknownAtStop)
        .as("at most one send per intake worker or answer sender can be cut off")
        .hasSizeLessThanOrEqualTo(4 + Intake.ANSWER_SENDERS);
  }

  private static List<String> topics(Set<Integer> numbers) {
    return numbers.stream().map(n -> "crash-" + n).toList();
  }

  private void enrolSlackPeople() throws Exception {
    enrol(
        Platform.SLACK,
        slack.teamId(),
        IntStream.range(0, PEOPLE).mapToObj(i -> slack.user("person-" + i).id()).toList());
  }

  /** Mentees who may log, enrolled through the core before the child runs. */
  private void enrol(Platform platform, String workspaceId, List<String> userIds) throws Exception {
    TandemConfig config = CrashSafetyChild.config(slack.apiUrl(), databaseUrl, 2);
    TandemConfig noPlatform =
        new TandemConfig(
            config.database(),
            io.tandem.config.SlackConfig.notConfigured(),
            config.discord(),
            config.http(),
            config.outbox(),
            config.scheduler());
    try (Tandem tandem = Tandem.start(noPlatform, Clock.systemUTC())) {
      for (String userId : userIds) {
        Actor actor = new Actor(platform, workspaceId, userId, userId, "UTC", false);
        Reply reply = tandem.commands().handle(new Invocation(actor, null, "join mentee"));
        for (Map<String, String> page :
            List.of(
                Map.of(
                    "department", "Finance",
                    "band", "4",
                    "communication", "call",
                    "timezone", "Europe/Berlin"),
                Map.of(
                    "learn",
                    "Instagram reels 1",
                    "teach",
                    "Budgeting",
                    "availability",
                    "Tue 14-16"))) {
          if (reply.form() != null) {
            reply = tandem.interactions().submitted(actor, null, reply.form().formId(), page);
          }
        }
        assertThat(reply.kind()).as(reply.text()).isNotEqualTo(Reply.Kind.ERROR);
      }
    }
  }

  private Map<String, Long> sessionsByTopic() {
    return query(
        "SELECT topic FROM mentoring_session WHERE topic LIKE 'crash-%'", rs -> rs.getString(1));
  }

  /**
   * The answers' response_url ids that were sent, or being sent, when the child ended: the intake
   * never sends these again.
   */
  private Set<String> answersInFlight() {
    Map<String, Long> rows =
        query(
            "SELECT request FROM inbox WHERE state = 'ANSWERING'",
            rs -> {
              String request = rs.getString(1);
              int at = request.indexOf("/response/");
              return request.substring(at + "/response/".length(), request.indexOf('"', at));
            });
    return rows.keySet();
  }

  private Map<String, Long> answersByUrl() {
    return slack.responses().stream()
        .collect(
            Collectors.groupingBy(
                ResponseMessage::responseUrlId, HashMap::new, Collectors.counting()));
  }

  @FunctionalInterface
  private interface Column {
    String read(ResultSet rs) throws SQLException;
  }

  private Map<String, Long> query(String sql, Column column) {
    try (Database db =
            Database.open(
                DatabaseSettings.of(databaseUrl, null, null, 1).withMigrateOnOpen(false),
                Clock.systemUTC());
        Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      Map<String, Long> counts = new HashMap<>();
      while (rs.next()) {
        counts.merge(column.read(rs), 1L, Long::sum);
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private URI awaitEventsUrl() {
    return await()
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                childLog()
                    .lines()
                    .filter(l -> l.startsWith(CrashSafetyChild.EVENTS_URL))
                    .reduce((first, last) -> last)
                    .map(l -> URI.create(l.substring(CrashSafetyChild.EVENTS_URL.length()))),
            found -> found.isPresent() && child.isAlive())
        .orElseThrow();
  }

  private Process startChild() throws IOException {
    return startChild(slack.apiUrl());
  }

  private Process startChild(String platformArgument) throws IOException {
    // a fresh log per run, so the events URL read is this run's
    Files.deleteIfExists(childLog);
    return CrashChildren.start(childLog, platformArgument, databaseUrl, "4");
  }

  private String childLog() {
    return CrashChildren.log(childLog);
  }
}
