package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.enrolment.EnrolmentFeature;
import io.tandem.core.programs.ProgramEndJob;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A program lead's controls of a running program, and ending one pair, on every platform. */
@DisplayName("Program controls and ending one pair")
class ProgramControlsScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = SimulatedChat.start(kind);
    tandem = Pilots.started(chat, dir.resolve("tandem.db"), Clock.systemUTC());
  }

  /** Ana → Ben and Dev → Chioma, approved in the default program. */
  private void startPaired(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
  }

  /** A pilot of two: Ana and Dev hold the places, Ben then Chioma wait. */
  private void startPilotOfTwo(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    chat.run("maya", "program create Data pilot every 2w cap 2 skills Instagram, SQL");
    chat.run("maya", "program open Data pilot");
    for (SamplePeople.Person p : SamplePeople.ALL) {
      chat.enrol(p.name(), p.role() + " Data pilot", p.about(), p.skills());
    }
  }

  @AfterEach
  void stop() throws Exception {
    Pilots.stop(tandem, chat);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("raising a pilot's cap admits the first on the waitlist, who is told privately")
  void capRaisedAdmitsWaitlist(SimulatedChat.Kind kind) throws Exception {
    // GIVEN a pilot of two with Ben and then Chioma waiting
    startPilotOfTwo(kind);
    SimulatedChat.Answer waiting = chat.run("maya", "program waitlist Data pilot");
    assertThat(waiting.privately()).isTrue();
    assertThat(waiting.text())
        .contains("2 people wait")
        .containsIgnoringCase("1. ben")
        .containsIgnoringCase("2. chioma");

    // WHEN the admin raises the cap by one
    SimulatedChat.Answer edited = chat.run("maya", "program edit Data pilot cap 3");

    // THEN Ben, first in line, is admitted and told; Chioma still waits
    assertThat(edited.text()).contains("Updated").contains("cap").containsIgnoringCase("ben");
    assertThat(edited.text()).doesNotContainIgnoringCase("chioma");
    assertThat(chat.awaitMessageTo("ben", "You're in")).contains("Data pilot");
    assertThat(chat.run("maya", "program waitlist Data pilot").text())
        .contains("1 person waits")
        .containsIgnoringCase("1. chioma")
        .doesNotContainIgnoringCase("ben");
    assertThat(chat.run("maya", "program people Data pilot").text())
        .contains("3 people are enrolled")
        .containsIgnoringCase("ana")
        .containsIgnoringCase("dev")
        .containsIgnoringCase("ben");
    assertThat(chat.run("maya", "program show Data pilot").text()).contains("3");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a wrong edit gets create's own message and example, and changes nothing")
  void badEditChangesNothing(SimulatedChat.Kind kind) throws Exception {
    startPilotOfTwo(kind);
    Map<String, Long> before = StoreStats.counts(tandem.database());

    SimulatedChat.Answer tooSmall = chat.run("maya", "program edit Data pilot cap 1");
    SimulatedChat.Answer nothing = chat.run("maya", "program edit Data pilot");
    SimulatedChat.Answer unknown = chat.run("maya", "program edit Nope cap 5");

    assertThat(tooSmall.privately()).isTrue();
    assertThat(tooSmall.text()).contains("is not a pilot size").contains("program edit");
    assertThat(nothing.text()).contains("Say what to change");
    assertThat(unknown.text()).contains("no program called");
    assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);
    assertThat(chat.run("maya", "program waitlist Data pilot").text()).contains("2 people wait");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("an admin ends one pair with a reason: both are told, both stay for the next round")
  void adminEndsPair(SimulatedChat.Kind kind) throws Exception {
    startPaired(kind);

    SimulatedChat.Answer ended =
        chat.run(
            "maya",
            "pair end "
                + chat.mention("ana")
                + " "
                + chat.mention("ben")
                + " moved to another team");

    assertThat(ended.privately()).isTrue();
    assertThat(ended.text()).containsIgnoringCase("Ended the pairing of ana and ben");
    assertThat(chat.awaitMessageTo("ben", "has come to an end"))
        .containsIgnoringCase("ana")
        .contains("new partner in the next match round");
    assertThat(chat.awaitMessageTo("ana", "has come to an end")).containsIgnoringCase("ben");
    assertThat(pairEndings()).containsExactly("admin:moved to another team");
    // AND the other pair goes on, and Ana and Ben are back in the pool for the next round
    assertThat(chat.run("dev", "status").text()).containsIgnoringCase("chioma");
    assertThat(chat.run("maya", "match preview").text())
        .containsIgnoringCase("Unmatched: ben (mentee)")
        .containsIgnoringCase("Unmatched: ana (mentor)")
        .doesNotContainIgnoringCase("dev (mentor)");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a participant's pair end asks first, then ends only the pair and tells the partner")
  void participantEndsPair(SimulatedChat.Kind kind) throws Exception {
    startPaired(kind);

    // WHEN Ben asks to end his pairing
    SimulatedChat.Answer ask = chat.run("ben", "pair end");

    // THEN he is asked first, and nothing ends yet
    assertThat(ask.privately()).isTrue();
    assertThat(ask.text()).containsIgnoringCase("End your pairing with ana?");
    assertThat(pairEndings()).isEmpty();

    // WHEN naming someone who is not his partner
    SimulatedChat.Answer stranger =
        chat.run("ben", "pair end with " + chat.mention("chioma") + " confirm");
    assertThat(stranger.text()).contains("is not your partner");
    assertThat(pairEndings()).isEmpty();

    // WHEN he clicks "Yes, end our pairing", which carries the pair
    SimulatedChat.Answer done =
        chat.click(
            "ben", CommandDispatcher.COMMAND_ACTION, "pair end pair:" + pairOf("ben") + " confirm");

    // THEN only the pair ends: Ana is told kindly, both stay in the program
    assertThat(done.text()).containsIgnoringCase("Your pairing with ana has ended");
    assertThat(chat.awaitMessageTo("ana", "has ended your pairing"))
        .containsIgnoringCase("ben has ended")
        .contains("Thank you")
        .contains("new partner in the next match round");
    assertThat(pairEndings()).containsExactly("participant:");
    assertThat(chat.run("ben", "status").text()).doesNotContain("haven't joined");
    assertThat(chat.run("ben", "pair end").text()).contains("no partner right now");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("pairing by hand: a broken rule is refused without a reason and recorded with one")
  void makePairByHand(SimulatedChat.Kind kind) throws Exception {
    // GIVEN Ana and Ben's pairing was ended, so pairing them again breaks the repeat rule
    startPaired(kind);
    chat.run("maya", "pair end " + chat.mention("ana") + " " + chat.mention("ben"));
    long pairsBefore = StoreStats.count(tandem.database(), "mentoring_pair");

    // WHEN the admin pairs them by hand without a reason
    SimulatedChat.Answer refused =
        chat.run("maya", "pair make " + chat.mention("ana") + " " + chat.mention("ben"));

    // THEN it is refused, saying which rule, and nothing is stored
    assertThat(refused.privately()).isTrue();
    assertThat(refused.text()).contains("breaks the program's rules").contains("override");
    assertThat(StoreStats.count(tandem.database(), "mentoring_pair")).isEqualTo(pairsBefore);

    // WHEN the admin gives a reason
    SimulatedChat.Answer made =
        chat.run(
            "maya",
            "pair make "
                + chat.mention("ana")
                + " "
                + chat.mention("ben")
                + " override they asked to continue");

    // THEN they are paired and introduced, and the reason is on record
    assertThat(made.text()).containsIgnoringCase("Paired ana (mentor) with ben (mentee)");
    assertThat(StoreStats.count(tandem.database(), "mentoring_pair")).isEqualTo(pairsBefore + 1);
    assertThat(chat.awaitMessageTo("ben", "Meet your Tandem partner")).containsIgnoringCase("ana");
    assertThat(signalDetails("PAIR_CREATED"))
        .anySatisfy(d -> assertThat(d).contains("they asked to continue").contains("RECENT"));
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("re-pairing someone ends their pair and puts both back for the next round")
  void rePair(SimulatedChat.Kind kind) throws Exception {
    startPaired(kind);

    SimulatedChat.Answer redo =
        chat.run("maya", "pair redo " + chat.mention("chioma") + " never found a time");

    assertThat(redo.text()).containsIgnoringCase("Ended the pairing of dev and chioma");
    assertThat(chat.awaitMessageTo("dev", "has come to an end")).containsIgnoringCase("chioma");
    assertThat(pairEndings()).containsExactly("admin:re-pair never found a time");
    assertThat(chat.run("maya", "pair redo " + chat.mention("chioma")).text())
        .contains("has no pair right now");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "removing a participant ends their pair kindly and gives their place to the waitlist")
  void removeParticipant(SimulatedChat.Kind kind) throws Exception {
    // GIVEN a pilot of two where Ana and Dev hold the places
    startPilotOfTwo(kind);

    // WHEN the admin removes Dev
    SimulatedChat.Answer removed =
        chat.run("maya", "program remove " + chat.mention("dev") + " Data pilot");

    // THEN Dev is told, and Ben, first on the waitlist, takes the place
    assertThat(removed.text()).containsIgnoringCase("Removed dev").containsIgnoringCase("ben");
    assertThat(chat.awaitMessageTo("dev", "taken you out of")).contains("Data pilot");
    assertThat(chat.awaitMessageTo("ben", "You're in")).contains("Data pilot");
    assertThat(chat.run("maya", "program people Data pilot").text())
        .doesNotContainIgnoringCase("dev");
    assertThat(chat.run("maya", "program remove " + chat.mention("dev") + " Data pilot").text())
        .contains("is not in");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("copying a pilot makes a draft rollout with the same settings")
  void copyPilot(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    chat.run("maya", "program create Pilot every 1w for 12w cap 10 skills Figma, SQL");

    SimulatedChat.Answer copied = chat.run("maya", "program copy Pilot as Rollout");
    SimulatedChat.Answer again = chat.run("maya", "program copy Pilot as Rollout");
    SimulatedChat.Answer shown = chat.run("maya", "program show Rollout");

    assertThat(copied.text()).contains("Created").contains("Rollout").contains("draft");
    assertThat(shown.text())
        .contains("every 7 days")
        .contains("12 weeks")
        .contains("10")
        .contains("Figma, SQL")
        .contains("draft");
    assertThat(again.text()).contains("already is a program called");
    assertThat(count("program")).isEqualTo(2);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "a program's people hear a week before its end; then it closes, with survey and report")
  void programEnds(SimulatedChat.Kind kind) throws Exception {
    // GIVEN a four-week program, running, with Ana → Ben and Dev → Chioma
    Instant noon = LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC);
    ShiftableClock clock = new ShiftableClock(Duration.between(Instant.now(), noon));
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
    tandem = Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), clock);
    chat.connect(tandem);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");
    assertThat(chat.run("maya", "program edit for 4w").text()).contains("duration");
    chat.run("maya", "program start " + EnrolmentFeature.DEFAULT_PROGRAM_NAME);

    // WHEN three weeks pass: nothing yet
    clock.shift(Duration.ofDays(20));
    tandem.runJobNow(ProgramEndJob.KEY);
    // WHEN the last week begins
    clock.shift(Duration.ofDays(2));
    tandem.runJobNow(ProgramEndJob.KEY);
    tandem.runJobNow(ProgramEndJob.KEY);

    // THEN both people of each pair are told, once, and the program still runs
    assertThat(chat.awaitMessageTo("ana", "ends in a week")).containsIgnoringCase("ben");
    assertThat(chat.awaitMessageTo("chioma", "ends in a week")).containsIgnoringCase("dev");
    assertThat(signalDetails("PROGRAM_CHANGED")).noneMatch(d -> d.contains("CLOSED"));
    assertThat(
            chat.delivered().stream()
                .filter(d -> d.to().contains("ana") && d.text().contains("ends in a week"))
                .count())
        .isEqualTo(1);

    // WHEN its length is over
    clock.shift(Duration.ofDays(7));
    tandem.runJobNow(ProgramEndJob.KEY);

    // THEN it is closed, its pairs ended, the closing survey goes out and the admin gets the report
    assertThat(chat.run("maya", "program show " + EnrolmentFeature.DEFAULT_PROGRAM_NAME).text())
        .contains("closed");
    assertThat(pairEndings()).hasSize(2);
    assertThat(chat.awaitMessageTo("ben", "End-of-program review")).isNotEmpty();
    assertThat(chat.awaitMessageTo("maya", "final report")).contains("Funnel");
  }

  /** The id of the active pair whose mentee's name contains {@code mentee}. */
  private long pairOf(String mentee) throws Exception {
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT p.id FROM mentoring_pair p JOIN participant e ON e.id = p.mentee_id"
                    + " JOIN member m ON m.id = e.member_id"
                    + " WHERE p.status = 'ACTIVE' AND LOWER(m.display_name) LIKE ?")) {
      ps.setString(1, "%" + mentee + "%");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("an active pair with " + mentee).isTrue();
        return rs.getLong(1);
      }
    }
  }

  private long count(String table) {
    return StoreStats.count(tandem.database(), table);
  }

  /** The details of every signal of a type, oldest first. */
  private List<String> signalDetails(String type) throws Exception {
    List<String> details = new ArrayList<>();
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT details FROM signal WHERE type = ? ORDER BY id")) {
      ps.setString(1, type);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          details.add(rs.getString(1));
        }
      }
    }
    return details;
  }

  /** Each ended pair's signal, as {@code by:note}. */
  private List<String> pairEndings() throws Exception {
    List<String> endings = new ArrayList<>();
    try (Connection c = tandem.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT details FROM signal WHERE type = 'PAIR_ENDED' ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        com.google.gson.JsonObject details =
            com.google.gson.JsonParser.parseString(rs.getString(1)).getAsJsonObject();
        endings.add(
            (details.has("by") ? details.get("by") : details.get("reason")).getAsString()
                + ":"
                + (details.has("note") ? details.get("note").getAsString() : ""));
      }
    }
    return endings;
  }
}
