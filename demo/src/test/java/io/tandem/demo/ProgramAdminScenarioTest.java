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
    tandem = Pilots.started(chat, dir.resolve("tandem.db"), Clock.systemUTC());
    chat.offerAdminCommands("lee");
    chat.offerAdminCommands("ben");
    assertThat(chat.run("maya", "program create Alpha").text()).contains("Created");
    assertThat(chat.run("maya", "program create Beta").text()).contains("Created");
  }

  @AfterEach
  void stop() throws Exception {
    Pilots.stop(tandem, chat);
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
      "a program admin runs their program's controls: cap, waitlist, pairs; and no other program's")
  void programAdminRunsTheirProgram(SimulatedChat.Kind kind) throws Exception {
    // GIVEN a pilot of two, Ana and Dev in, Ben and Chioma waiting, and Lee its admin only
    start(kind);
    chat.run("maya", "program create Data pilot every 2w cap 2 skills Instagram, SQL");
    chat.run("maya", "program open Data pilot");
    for (SamplePeople.Person p : SamplePeople.ALL) {
      chat.enrol(p, "Data pilot");
    }
    chat.run("maya", "program admins add " + chat.mention("lee") + " Data pilot");

    // WHEN Lee lists the waitlist and raises the cap
    SimulatedChat.Answer waiting = chat.run("lee", "program waitlist Data pilot");
    SimulatedChat.Answer raised = chat.run("lee", "program edit Data pilot cap 3");

    // THEN the waitlist shows, and Ben, first in line, is admitted and told
    assertThat(waiting.privately()).isTrue();
    assertThat(waiting.text()).contains("2 people wait").containsIgnoringCase("1. ben");
    assertThat(raised.text()).contains("Updated").containsIgnoringCase("ben");
    assertThat(chat.awaitMessageTo("ben", "You're in")).contains("Data pilot");

    // WHEN Lee pairs Ana with Ben by hand, nudges them, then ends that pair with a reason
    SimulatedChat.Answer made =
        chat.run(
            "lee", "pair make " + chat.mention("ana") + " " + chat.mention("ben") + " Data pilot");
    SimulatedChat.Answer nudged = chat.run("lee", "nudge " + chat.mention("ben"));
    SimulatedChat.Answer ended =
        chat.run(
            "lee",
            "pair end " + chat.mention("ana") + " " + chat.mention("ben") + " wrong time zone");

    // THEN all three happen in Data pilot, and Ben hears the pair ended
    assertThat(made.text()).containsIgnoringCase("Paired ana (mentor) with ben (mentee)");
    assertThat(nudged.text()).contains("Nudged").containsIgnoringCase("ana");
    assertThat(ended.text())
        .containsIgnoringCase("Ended the pairing of ana and ben")
        .contains("Data pilot");
    assertThat(chat.awaitMessageTo("ben", "has come to an end")).containsIgnoringCase("ana");

    // BUT Lee is refused the other programs, privately, saying why, and nothing changes
    Map<String, Long> before = StoreStats.counts(tandem.database());
    SimulatedChat.Answer editBeta = chat.run("lee", "program edit Beta cap 5");
    SimulatedChat.Answer waitlistBeta = chat.run("lee", "program waitlist Beta");
    SimulatedChat.Answer dashboardBeta = chat.run("lee", "dashboard Beta");
    SimulatedChat.Answer newProgram = chat.run("lee", "program create Gamma");
    for (SimulatedChat.Answer refused : List.of(editBeta, waitlistBeta, dashboardBeta)) {
      assertThat(refused.privately()).isTrue();
      assertThat(refused.text())
          .contains("You are an admin of")
          .contains("Data pilot")
          .contains("only, not of")
          .contains("Beta")
          .doesNotContain("slack.admins");
    }
    assertThat(newProgram.text()).contains("Only workspace admins");
    assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);

    // AND Lee's dashboard link is for Data pilot, never the whole workspace
    assertThat(chat.run("lee", "dashboard").text())
        .contains("Your dashboard for")
        .contains("Data pilot")
        .doesNotContain("all programs");

    // AND copying their pilot gives Lee the rollout to run too
    assertThat(chat.run("lee", "program copy Data pilot as Rollout").text()).contains("Created");
    assertThat(chat.run("lee", "program edit Rollout cap 50").text()).contains("Updated");
    assertThat(chat.run("lee", "program edit Beta cap 5").text()).contains("not of");
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
