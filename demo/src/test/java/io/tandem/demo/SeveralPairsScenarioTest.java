package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.store.StoreStats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * People with several pairs or programs, on every platform: a mentor with two mentees, and people
 * in two programs with a different partner in each. Every command acts on the pair it names, a
 * button acts on the pair it belongs to, and an unclear command asks privately, storing nothing.
 */
@DisplayName("Several pairs and programs at once")
class SeveralPairsScenarioTest {

  /** Ana can mentor two people at once. */
  private static final SamplePeople.Person ANA_TWICE =
      new SamplePeople.Person(
          "ana",
          "mentor",
          SamplePeople.ANA.about(),
          Map.of(
              "teach", "Instagram reels, TikTok, AI tools",
              "learn", "Public speaking 2, Budgeting 1",
              "availability", "Tue 14-17, Thu 9-12",
              "capacity", "2"));

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private String today;

  private void start(SimulatedChat.Kind kind) throws Exception {
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
    chat = SimulatedChat.start(kind);
    tandem = Pilots.started(chat, dir.resolve("tandem.db"), clock);
  }

  /** Ana mentors Ben and Chioma in the default program. */
  private void anaWithTwoMentees() {
    chat.enrol(ANA_TWICE);
    chat.enrol(SamplePeople.BEN);
    chat.enrol(SamplePeople.CHIOMA);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
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
  @DisplayName("a mentor with two mentees logs with each, is asked when she names nobody")
  void mentorWithTwoMentees(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    anaWithTwoMentees();

    // WHEN Ana logs without naming a partner
    SimulatedChat.Answer unclear = chat.run("ana", "log 30m Instagram reels");

    // THEN she is asked which pair, privately, and nothing is stored
    assertThat(unclear.privately()).isTrue();
    assertThat(unclear.text())
        .contains("2 pairings")
        .containsIgnoringCase("ben")
        .containsIgnoringCase("chioma")
        .contains("Nothing was saved");
    assertThat(count("mentoring_session")).isZero();

    // WHEN she names each partner in turn, and sets a goal for one pair
    SimulatedChat.Answer withBen =
        chat.run("ana", "log 30m Instagram reels with " + chat.mention("ben"));
    SimulatedChat.Answer withChioma =
        chat.run("ana", "log 45m AI tools with " + chat.mention("chioma"));
    SimulatedChat.Answer goal =
        chat.run("ana", "goal add Ship one AI prototype with " + chat.mention("chioma"));

    // THEN each session lands in its own pair, and the goal in Chioma's plan only
    assertThat(withBen.text()).containsIgnoringCase("session #1 with ben");
    assertThat(withChioma.text()).containsIgnoringCase("session #1 with chioma");
    assertThat(goal.text()).contains("Goal 1 set");
    assertThat(count("mentoring_session")).isEqualTo(2);
    assertThat(chat.run("chioma", "goal list").text()).contains("Ship one AI prototype");
    assertThat(chat.run("ben", "goal list").text()).doesNotContain("Ship one AI prototype");

    // AND a stranger named is refused, storing nothing
    SimulatedChat.Answer stranger = chat.run("ana", "log 20m Reels with " + chat.mention("maya"));
    assertThat(stranger.text()).contains("not one of your partners");
    assertThat(count("mentoring_session")).isEqualTo(2);

    // AND status shows both pairs
    assertThat(chat.run("ana", "status").text())
        .contains("1 program with 2 pairings")
        .containsIgnoringCase("ben")
        .containsIgnoringCase("chioma");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a mentor with two mentees ends one pairing: the one she names, after asking")
  void mentorEndsOnePairing(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    anaWithTwoMentees();

    // WHEN Ana asks to end "her pairing" without naming whom
    SimulatedChat.Answer unclear = chat.run("ana", "pair end");

    // THEN she is asked which, privately, and nothing ends
    assertThat(unclear.privately()).isTrue();
    assertThat(unclear.text())
        .contains("2 pairings")
        .containsIgnoringCase("ben")
        .containsIgnoringCase("chioma");
    assertThat(activePairs()).isEqualTo(2);

    // WHEN she names Ben: she is asked first, and nothing ends yet
    SimulatedChat.Answer ask = chat.run("ana", "pair end with " + chat.mention("ben"));
    assertThat(ask.text()).containsIgnoringCase("End your pairing with ben?");
    assertThat(activePairs()).isEqualTo(2);

    // WHEN she confirms with the button, which carries the pair
    SimulatedChat.Answer done =
        chat.click(
            "ana",
            CommandDispatcher.COMMAND_ACTION,
            "pair end pair:" + pairWith("ben") + " confirm");

    // THEN only the pairing with Ben ends; Ben is told; Chioma's pair goes on
    assertThat(done.text()).containsIgnoringCase("Your pairing with ben has ended");
    assertThat(chat.awaitMessageTo("ben", "has ended your pairing")).containsIgnoringCase("ana");
    assertThat(activePairs()).isEqualTo(1);
    assertThat(pairWith("chioma")).isPositive();
    assertThat(chat.run("ana", "status").text()).containsIgnoringCase("chioma");

    // AND the button of the quiet-pair message ends that pair only, asking first
    SimulatedChat.Answer fromReminder =
        chat.click("ana", CommandDispatcher.COMMAND_ACTION, "pair end pair:" + pairWith("chioma"));
    assertThat(fromReminder.text()).containsIgnoringCase("End your pairing with chioma?");
    assertThat(activePairs()).isEqualTo(1);
  }

  /** How many pairs are active. */
  private long activePairs() throws Exception {
    return single("SELECT COUNT(*) FROM mentoring_pair WHERE status = 'ACTIVE'", "");
  }

  /** The id of the active pair whose mentee's name contains {@code mentee}; 0 when none. */
  private long pairWith(String mentee) throws Exception {
    return single(
        "SELECT p.id FROM mentoring_pair p JOIN participant e ON e.id = p.mentee_id"
            + " JOIN member m ON m.id = e.member_id"
            + " WHERE p.status = 'ACTIVE' AND LOWER(m.display_name) LIKE ?",
        "%" + mentee + "%");
  }

  private long single(String sql, String parameter) throws Exception {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        ps.setString(1, parameter);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("the partner's prompt button adds her side to the pair it came from")
  void buttonActsOnItsPair(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    anaWithTwoMentees();

    // GIVEN Chioma logs a session, and Ana is asked to add her side
    chat.run("chioma", "log 40m Figma on " + today);
    chat.awaitMessageTo("ana", "Add what you learned?");
    SimulatedChat.Button addMySide =
        Awaitility.await()
            .until(
                () ->
                    chat.delivered().stream()
                        .filter(m -> m.text().contains("Add what you learned?"))
                        .flatMap(m -> m.buttons().stream())
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();

    // WHEN Ana clicks it (she has two mentees) and fills in the form
    SimulatedChat.Answer form =
        chat.clickForForm("ana", CommandDispatcher.COMMAND_ACTION, addMySide.value());
    SimulatedChat.Answer saved =
        chat.fill("ana", form, Map.of("when", today + " 40m", "topic", "Figma", "useful", "4"));

    // THEN the form opened for that pair, and her side joins Chioma's session
    assertThat(addMySide.label()).containsIgnoringCase("chioma");
    assertThat(form.hasForm()).isTrue();
    assertThat(saved.text()).containsIgnoringCase("joins chioma's log of session #1");
    assertThat(count("mentoring_session")).isEqualTo(1);
    assertThat(count("session_note")).isEqualTo(2);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a person in two programs, with a partner in each, acts in each")
  void twoPrograms(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
    chat.run("maya", "program create Second round");
    chat.run("maya", "program open Second round");
    SamplePeople.ALL.forEach(person -> chat.enrol(person, "Second round"));
    chat.run("maya", "match preview Second round");
    assertThat(chat.run("maya", "match approve Second round").text()).contains("Approved 2 pairs");

    // WHEN Ben names nobody, then his partner in each program
    SimulatedChat.Answer unclear = chat.run("ben", "goal list");
    SimulatedChat.Answer asMentee = chat.run("ben", "log 30m Reels with " + chat.mention("ana"));
    SimulatedChat.Answer second =
        chat.run("ben", "goal add Run a budget review with " + chat.mention("dev"));
    SimulatedChat.Answer paused = chat.run("ben", "pause 1w in Second round");

    // THEN the unclear one asks, the others land in their own program
    assertThat(unclear.text()).contains("2 pairings").contains("Second round");
    assertThat(asMentee.text()).containsIgnoringCase("session #1 with ana");
    assertThat(second.text()).contains("Goal 1 set");
    assertThat(chat.run("dev", "goal list in Second round").text()).contains("Run a budget review");
    assertThat(chat.run("ana", "goal list").text()).doesNotContain("Run a budget review");
    assertThat(paused.text()).contains("Paused until");
    assertThat(chat.run("dev", "status").text()).contains("your partner is taking a break");
    assertThat(chat.run("ana", "status").text()).doesNotContain("taking a break");

    // AND goal review asks which program, then opens the review for the one named
    SimulatedChat.Answer whichReview = chat.run("ben", "goal review");
    SimulatedChat.Answer review = chat.run("ben", "goal review in Second round");
    assertThat(whichReview.text()).contains("2 programs").contains("Second round");
    assertThat(whichReview.hasForm()).isFalse();
    assertThat(review.hasForm()).isTrue();

    // AND leave asks which program, then asks to confirm leaving that one
    SimulatedChat.Answer whichLeave = chat.run("ben", "leave");
    SimulatedChat.Answer leaveSecond = chat.run("ben", "leave in Second round");
    assertThat(whichLeave.text()).contains("2 programs").contains("Nothing was saved");
    assertThat(leaveSecond.text()).contains("Leave the program").contains("Second round");

    // AND status shows both programs
    assertThat(chat.run("ben", "status").text())
        .contains("2 programs with 2 pairings")
        .contains("Second round")
        .containsIgnoringCase("ana")
        .containsIgnoringCase("dev");
  }
}
