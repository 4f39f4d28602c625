package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.app.Tandem;
import io.tandem.core.store.StoreStats;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One conversation, every transport: the real Bolt app over signed HTTP and over Socket Mode, and
 * the real JDA bot over the gateway, each against the local simulator and a real SQLite file. Later
 * features add their scenarios here rather than writing one per platform.
 */
@DisplayName("A conversation with Tandem")
class ConversationScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = SimulatedChat.start(kind);
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
  }

  @AfterEach
  void stop() throws Exception {
    if (tandem != null) {
      tandem.close();
    }
    if (chat != null) {
      List<String> answeredTwice = chat.answeredTwice();
      chat.close();
      assertThat(answeredTwice).as("requests answered more than once").isEmpty();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("logging a session stores one session and one signal and answers privately")
  void logSession(SimulatedChat.Kind kind) throws Exception {
    // GIVEN ben has joined as a mentee
    start(kind);
    chat.enrol(SamplePeople.BEN);
    Map<String, Long> before = StoreStats.counts(tandem.database());

    // WHEN she logs a 45 minute session
    SimulatedChat.Answer answer = chat.run("ben", "log 45m Instagram reels");

    // THEN one session and one signal are stored, and only she sees the confirmation
    Map<String, Long> after = StoreStats.counts(tandem.database());
    assertThat(after.get("mentoring_session") - before.get("mentoring_session")).isEqualTo(1);
    assertThat(after.get("signal") - before.get("signal")).isEqualTo(1);
    assertThat(answer.privately()).isTrue();
    assertThat(answer.text()).contains("45 minutes").contains("Instagram reels");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("join opens the profile form and stores nothing until it is filled in")
  void joinOpensForm(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    SimulatedChat.Answer answer = chat.run("ana", "join mentor");

    assertThat(answer.hasForm()).isTrue();
    assertThat(StoreStats.count(tandem.database(), "participant")).isZero();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("filling in both pages enrols the person with a welcome message in the outbox")
  void enrol(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    SimulatedChat.Answer answer = chat.enrol(SamplePeople.ANA);

    Map<String, Long> counts = StoreStats.counts(tandem.database());
    assertThat(counts).containsEntry("participant", 1L).containsEntry("outbox_message", 1L);
    assertThat(answer.text())
        .contains("as a mentor")
        .contains("Instagram reels, TikTok")
        .contains("Tue 14-17, Thu 9-12");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a bad answer in the form names the problem and stores nothing")
  void formError(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SimulatedChat.Answer form = chat.run("ana", "join mentor");
    Map<String, String> about = new java.util.HashMap<>(SamplePeople.ANA.about());
    about.put("band", "9");
    about.remove("manager");

    SimulatedChat.Answer answer = chat.fill("ana", form, about);

    assertThat(answer.text()).contains("`9` is not a band");
    assertThat(answer.hasForm()).as("the form can be fixed and sent again").isTrue();
    assertThat(StoreStats.counts(tandem.database()).values()).allMatch(n -> n == 0);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("status tells a participant their sessions so far")
  void status(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    chat.enrol(SamplePeople.CHIOMA);
    chat.run("chioma", "log 1h30m Figma basics");

    SimulatedChat.Answer answer = chat.run("chioma", "status");

    assertThat(answer.privately()).isTrue();
    assertThat(answer.text()).contains("mentee").contains("Figma basics");
  }

  static Stream<Arguments> badInput() {
    String[][] cases = {
      {"log -5m Reels", "negative"},
      {"log 30h Reels", "longer than one session can be"},
      {"log abc", "not a duration"},
      {"log 45m " + "x".repeat(201), "keep it to 200"},
      {"log 45m bell\u0007", "control character"},
      {"dance", "not a Tandem command"},
      {"", "Tell Tandem what to do"},
      {"join boss", "not a role"},
    };
    return Stream.of(SimulatedChat.Kind.values())
        .flatMap(kind -> Stream.of(cases).map(c -> Arguments.of(kind, c[0], c[1])));
  }

  @ParameterizedTest(name = "on {0}: \"{1}\"")
  @MethodSource("badInput")
  @DisplayName("bad input gets a private error naming the problem, and stores nothing")
  void badInput(SimulatedChat.Kind kind, String command, String problem) throws Exception {
    Optional<String> typed = SimulatedChat.typedOn(kind, command);
    assumeTrue(typed.isPresent(), "this platform's UI cannot send " + command);
    start(kind);
    chat.enrol(SamplePeople.BEN);
    Map<String, Long> before = StoreStats.counts(tandem.database());

    SimulatedChat.Answer answer = chat.run("ben", command);

    assertThat(answer.privately()).isTrue();
    assertThat(answer.text()).contains(problem).contains("Example: ");
    assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);
  }
}
