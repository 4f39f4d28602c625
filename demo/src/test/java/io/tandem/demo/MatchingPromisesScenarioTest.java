package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.store.StoreStats;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Matching keeps what it promises: people left unmatched go first next round, the profile asks for
 * the career start the score uses, and a mentor who could never be matched hears it while joining.
 */
@DisplayName("Matching keeps its promises")
class MatchingPromisesScenarioTest {

  @TempDir Path dir;

  private Scenario scenario;
  private SimulatedChat chat;

  private void start(SimulatedChat.Kind kind) throws Exception {
    scenario = Scenario.start(kind, dir, "maya");
    chat = scenario.chat;
  }

  @AfterEach
  void stop() throws Exception {
    if (scenario != null) {
      scenario.close();
    }
  }

  private static Map<String, String> about(String department, String band, String meet) {
    return SamplePeople.about(department, band, "", meet, "Europe/Berlin");
  }

  private static Map<String, String> skills(
      String teach, String learn, String free, String capacity, String careerStart) {
    return Map.of(
        "teach", teach,
        "learn", learn,
        "availability", free,
        "capacity", capacity,
        "career_start", careerStart);
  }

  /**
   * Joins with both pages: {@code profile} is department, band, how to meet, what they teach, what
   * they learn, when they are free, capacity (mentors) and career start, in that order.
   */
  private void enrol(String person, String role, String... profile) {
    Map<String, String> about = about(profile[0], profile[1], profile[2]);
    Map<String, String> skills = skills(profile[3], profile[4], profile[5], profile[6], profile[7]);
    assertThat(chat.enrol(person, role, about, skills).text()).contains("You're in");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("someone left unmatched in round one is matched first in round two, and told why")
  void unmatchedGoFirst(SimulatedChat.Kind kind) throws Exception {
    // GIVEN round one: one mentor, and Ben who fits her far better than Chioma does
    start(kind);
    enrol(
        "ana",
        "mentor",
        "Marketing",
        "1",
        "call",
        "Instagram reels",
        "Hiring 1",
        "Tue 9-12",
        "1",
        "");
    enrol(
        "ben", "mentee", "Finance", "5", "call", "Hiring", "Instagram reels 1", "Tue 9-12", "", "");
    enrol(
        "chioma", "mentee", "Operations", "4", "chat", "Strategy", "Python 1", "Mon 9-10", "", "");
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 1 pair");
    assertThat(chat.awaitMessageTo("chioma", "first in line")).contains("no mentor who fits");

    // WHEN round two brings Dev, and Elif who fits Dev far better than Chioma does
    enrol(
        "dev", "mentor", "Engineering", "2", "call", "Figma", "Negotiation 1", "Wed 9-12", "1", "");
    enrol("elif", "mentee", "Sales", "5", "call", "Negotiation", "Figma 1", "Wed 9-12", "", "");
    SimulatedChat.Answer preview = chat.run("maya", "match preview");

    // THEN Chioma, who waited, is matched, and the preview says since when
    String roundOne =
        LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
    assertThat(preview.text())
        .containsIgnoringCase("dev → chioma")
        .containsIgnoringCase("chioma waited since the round of " + roundOne)
        .containsIgnoringCase("Unmatched: elif");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "an executive joining as mentor is warned before finishing, and can switch to mentee")
  void tooSeniorMentorIsWarned(SimulatedChat.Kind kind) throws Exception {
    // GIVEN an executive (band 6) who picks "mentor"
    start(kind);
    SimulatedChat.Answer form = chat.run("olga", "join mentor");
    Map<String, String> page = new HashMap<>(about("Board", "6", "call"));
    page.remove("manager");

    // WHEN she sends the first page
    SimulatedChat.Answer warned = chat.fill("olga", form, page);

    // THEN she learns what reverse mentoring is and why she could never be matched, nothing is
    // stored, and the form stays open with both ways on
    assertThat(warned.text())
        .contains("the junior person is the mentor")
        .contains("could never be matched")
        .contains("6 mentee")
        .contains("6 mentor");
    assertThat(warned.hasForm()).isTrue();
    assertThat(StoreStats.counts(scenario.tandem.database()).values()).allMatch(n -> n == 0);

    // WHEN she switches to mentee and finishes
    page.put("band", "6 mentee");
    SimulatedChat.Answer second = chat.fill("olga", warned, page);
    assertThat(second.hasForm()).isTrue();
    SimulatedChat.Answer done =
        chat.fill("olga", second, skills("Strategy", "TikTok 1", "Tue 9-12", "", ""));

    // THEN she is in as a mentee
    assertThat(done.text()).contains("You're in").contains("as a mentee");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a warned mentor may stay a mentor")
  void warnedMentorMayStay(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SimulatedChat.Answer form = chat.run("olga", "join mentor");
    Map<String, String> page = new HashMap<>(about("Board", "6", "call"));
    SimulatedChat.Answer warned = chat.fill("olga", form, page);
    assertThat(warned.text()).contains("could never be matched");

    page.put("band", "6 mentor");
    SimulatedChat.Answer second = chat.fill("olga", warned, page);
    SimulatedChat.Answer done =
        chat.fill("olga", second, skills("Strategy", "TikTok 1", "Tue 9-12", "1", ""));

    assertThat(done.text()).contains("You're in").contains("as a mentor");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "the profile asks when people started working; the score uses it and never shows it to"
          + " admins")
  void careerStartAskedAndUsed(SimulatedChat.Kind kind) throws Exception {
    // GIVEN a mentor who started in 2019, a mentee who started before 1995, one who did not say;
    // nothing else in their profiles fits, so the generation mix is what the reasons are about
    start(kind);
    enrol("ana", "mentor", "Marketing", "1", "chat", "Figma", "Hiring 1", "Mon 9-11", "2", "2019");
    enrol(
        "ben",
        "mentee",
        "Marketing",
        "5",
        "call",
        "Budgeting",
        "SQL 1",
        "Fri 14-16",
        "",
        "before 1995");
    enrol("chioma", "mentee", "Marketing", "4", "call", "Budgeting", "SQL 1", "Fri 14-16", "", "");

    // WHEN the admin previews
    SimulatedChat.Answer preview = chat.run("maya", "match preview");

    // THEN the mix counts for Ana and Ben, is neutral for Chioma and says so, and no band shows
    assertThat(preview.text())
        .contains("2 pairs")
        .contains("they bring different generations together")
        .containsIgnoringCase("career start unknown for chioma")
        .doesNotContain("2015")
        .doesNotContain("1995");

    // AND a bad career start is named on the form, with the bands to choose from
    SimulatedChat.Answer form = chat.run("dana", "join mentee");
    SimulatedChat.Answer second = chat.fill("dana", form, about("Sales", "4", "chat"));
    SimulatedChat.Answer bad =
        chat.fill("dana", second, skills("Hiring", "SQL 1", "Mon 9-11", "", "last year"));
    assertThat(bad.text()).contains("`last year` is not a career start").contains("1995-2004");
  }
}
