package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tandem.app.Tandem;
import io.tandem.core.store.StoreStats;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Program admins, played on every platform: Maya (a workspace admin) makes Lee, the L&amp;D lead
 * who is no workspace admin, an admin of one of two programs. Lee runs that program and only that
 * one.
 */
@DisplayName("Program admins: granted in chat, scoped to one program")
class ProgramAdminScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    chat.offerAdminCommands("lee");
    chat.offerAdminCommands("ben");
    assertThat(chat.run("maya", "program create Alpha").text()).contains("Created");
    assertThat(chat.run("maya", "program create Beta").text()).contains("Created");
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

  private long count(String table) {
    return StoreStats.count(tandem.database(), table);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "a workspace admin grants one program; the new admin runs it, is refused another, and loses"
          + " it when removed")
  void grantUseAndRemove(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    // GIVEN Lee is no admin: refused, told who can grant the right, never a config key
    SimulatedChat.Answer before = chat.run("lee", "match preview Alpha");
    assertThat(before.privately()).isTrue();
    assertThat(before.text())
        .contains("Ask a workspace admin or an admin of")
        .containsPattern("program admins[ -]add")
        .doesNotContain("slack.admins")
        .doesNotContain("Proposed");

    // WHEN Maya makes Lee an admin of Alpha
    SimulatedChat.Answer granted =
        chat.run("maya", "program admins add " + chat.mention("lee") + " Alpha");

    // THEN Lee is told privately what they can now do, and the grant is on record
    assertThat(granted.text()).contains("now an admin of").contains("Alpha");
    assertThat(chat.awaitMessageTo("lee", "made you an admin of"))
        .contains("Alpha")
        .contains("match preview");
    assertThat(count("program_admin")).isEqualTo(1);

    // AND Lee previews Alpha's matches, by name and by default
    assertThat(chat.run("lee", "match preview Alpha").text())
        .contains("Proposed")
        .contains("Alpha");
    assertThat(chat.run("lee", "match preview").text()).contains("Proposed").contains("Alpha");
    assertThat(chat.run("lee", "program admins list Alpha").text())
        .contains("Admins of")
        .contains("added by");

    // BUT is refused Beta, with the reason
    SimulatedChat.Answer beta = chat.run("lee", "match preview Beta");
    assertThat(beta.privately()).isTrue();
    assertThat(beta.text())
        .contains("You are an admin of")
        .contains("Alpha")
        .contains("only, not of")
        .contains("Beta")
        .doesNotContain("Proposed");

    // AND cannot grant the right to anyone
    SimulatedChat.Answer notTheirs =
        chat.run("lee", "program admins add " + chat.mention("ben") + " Alpha");
    assertThat(notTheirs.text()).contains("Only workspace admins").doesNotContain("slack.admins");
    assertThat(count("program_admin")).isEqualTo(1);

    // WHEN Maya removes the right
    SimulatedChat.Answer removed =
        chat.run("maya", "program admins remove " + chat.mention("lee") + " Alpha");

    // THEN Lee is told, and is refused Alpha again
    assertThat(removed.text()).contains("no longer an admin of");
    chat.awaitMessageTo("lee", "removed your admin right");
    assertThat(count("program_admin")).isZero();
    assertThat(chat.run("lee", "match preview Alpha").text())
        .contains("Ask a workspace admin")
        .doesNotContain("Proposed");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "a program admin edits and lists their program and ends its pairs, and no other program's")
  void programAdminRunsTheControls(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    chat.run("maya", "program admins add " + chat.mention("lee") + " Alpha");

    // a program admin edits their own program and reads its waitlist
    SimulatedChat.Answer edited = chat.run("lee", "program edit Alpha cap 17");
    assertThat(edited.privately()).isTrue();
    assertThat(edited.text()).contains("Updated").contains("17");
    assertThat(chat.run("lee", "program waitlist Alpha").text())
        .doesNotContain("Only")
        .contains("Alpha");
    // but not another program's settings, and Beta keeps its cap
    SimulatedChat.Answer beta = chat.run("lee", "program edit Beta cap 17");
    assertThat(beta.text()).contains("only, not of").contains("Beta").doesNotContain("Updated");
    assertThat(chat.run("maya", "program show Beta").text()).doesNotContain("17");
    // and someone who administers nothing is told who can grant the right
    assertThat(
            chat.run("ben", "pair end " + chat.mention("ana") + " " + chat.mention("dev")).text())
        .contains("Ask a workspace admin");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("help shows the admin commands to admins only, program admins included")
  void helpFollowsRights(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    String participant = chat.run("ben", "help").text();
    String admin = chat.run("maya", "help").text();
    chat.run("maya", "program admins add " + chat.mention("lee") + " Alpha");
    String programAdmin = chat.run("lee", "help").text();

    assertThat(participant)
        .contains("log a session")
        .doesNotContain("match preview")
        .doesNotContain("admins:");
    assertThat(admin)
        .contains("log a session")
        .contains("match preview")
        .containsPattern("program admins[ -]add");
    assertThat(programAdmin).contains("match preview");
  }

  static Stream<Arguments> badInput() {
    String[][] cases = {
      {"program admins add @lee Gamma", "no program called"},
      {"program admins add lee Alpha", "not a person Tandem can see"},
      {"program admins add", "Mention the person"},
      {"program admins promote @lee", "not something Tandem does with admins"},
      {"program admins remove @lee Alpha", "not an admin of"},
    };
    return Stream.of(SimulatedChat.Kind.values())
        .flatMap(kind -> Stream.of(cases).map(c -> Arguments.of(kind, c[0], c[1])));
  }

  @ParameterizedTest(name = "on {0}: \"{1}\"")
  @MethodSource("badInput")
  @DisplayName("bad program admin commands get a private, specific error and store nothing")
  void badInput(SimulatedChat.Kind kind, String command, String problem) throws Exception {
    start(kind);
    String typed = command.replace("@lee", chat.mention("lee"));
    assumeTrue(SimulatedChat.typedOn(kind, typed).isPresent(), "the UI cannot send " + typed);
    assumeTrue(
        kind != SimulatedChat.Kind.DISCORD || command.contains("@") || command.contains("promote"),
        "Discord's person option is a user picker: it sends a person or nothing");
    Map<String, Long> before = StoreStats.counts(tandem.database());

    SimulatedChat.Answer answer = chat.run("maya", typed);

    assertThat(answer.privately()).isTrue();
    assertThat(answer.text()).contains(problem).contains("Example: ");
    assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);
  }
}
