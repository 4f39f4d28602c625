package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Admins shape the guidance pairs get, on every platform: Maya rewrites the mentor guide in a form
 * before matching, and Ana (Ben's mentor) reads it in her introduction; a reset brings Tandem's
 * default back; a participant is refused; a broken guidance file is refused privately and changes
 * nothing. Reminders suggest an agenda that fits Ana's and Ben's skills (social media first), and
 * another at the next meeting.
 */
@DisplayName("Guidance admins shape, on every platform")
class GuidanceScenarioTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private ShiftableClock clock;

  private void start(SimulatedChat.Kind kind) throws Exception {
    clock = ShiftableClock.startingAt(Pilots.noon());
    chat = SimulatedChat.start(kind);
    tandem = Pilots.started(chat, dir.resolve("tandem.db"), clock);
    SamplePeople.ALL.forEach(chat::enrol);
  }

  @AfterEach
  void stop() throws Exception {
    Pilots.stop(tandem, chat);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("an edited mentor guide reaches the next pair; reset, refusals and a bad import")
  void editResetAndRefusals(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    // GIVEN Maya rewrites the mentor guide in its form
    SimulatedChat.Answer form = chat.run("maya", "guide edit mentor-guide");
    assertThat(form.hasForm()).isTrue();
    SimulatedChat.Answer unknown =
        chat.fill("maya", form, Map.of("text", "Hello {partner}, welcome."));
    SimulatedChat.Answer saved =
        chat.fill(
            "maya",
            chat.run("maya", "guide edit mentor-guide"),
            Map.of(
                "text", "*Our own mentor guide.* Pair up with {mentee} on real work. @everyone"));

    // AND a participant may not (on Discord a server admin offered her /tandem-admin), and a
    // broken file is refused
    chat.offerAdminCommands("ana");
    SimulatedChat.Answer refused = chat.run("ana", "guide edit mentor-guide");
    SimulatedChat.Answer badImport =
        chat.fill(
            "maya",
            chat.run("maya", "guide import"),
            Map.of("file", "## first-session\nMeet for coffee.\n\n## boss-guide\nObey."));
    SimulatedChat.Answer listed = chat.run("maya", "guide list");

    assertThat(unknown.privately()).isTrue();
    assertThat(unknown.text()).contains("{partner}").contains("{mentee}");
    assertThat(saved.text()).contains("Saved the mentor-guide").contains("Pair up with Sam");
    assertThat(refused.privately()).isTrue();
    assertThat(refused.text()).contains("Only program admins");
    assertThat(badImport.privately()).isTrue();
    assertThat(badImport.text()).contains("Nothing was imported").contains("boss-guide");
    assertThat(listed.text())
        .contains("First session (45 minutes)")
        .doesNotContain("Meet for coffee");

    // WHEN Maya matches
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");

    // THEN Ana, Ben's mentor, reads the program's guide with Ben's name in it
    assertThat(chat.awaitMessageTo("ana", "Our own mentor guide"))
        .containsIgnoringCase("Pair up with ben");

    // AND a reset brings Tandem's default back
    SimulatedChat.Answer reset = chat.run("maya", "guide reset mentor-guide");
    assertThat(reset.text()).contains("Tandem's default again");
    assertThat(chat.run("maya", "guide list").text())
        .doesNotContain("Our own mentor guide")
        .contains("Your guide as a mentor");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("reminders suggest the agenda that fits the pair, then another one")
  void remindersSuggestAgendas(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    chat.run("maya", "match preview");
    chat.run("maya", "match approve");
    chat.run("maya", "program start Reverse mentoring");
    LocalDate today = LocalDate.now(clock.withZone(BERLIN));

    // WHEN Ana's and Ben's reminder is moved to tomorrow, and the job runs through the morning
    chat.run("ana", "snooze until " + today.plusDays(1));
    runJobsThrough(today.plusDays(1));

    // THEN Ana's reminder suggests the agenda of their skill area: Instagram reels and TikTok
    assertThat(chat.awaitMessageTo("ana", "Time to meet"))
        .contains("An agenda for your next session")
        .contains("Social media in practice")
        .containsIgnoringCase("ben, draft one together");

    // AND the next meeting's reminder suggests another agenda that fits: leadership, both ways
    chat.run("ana", "snooze until " + today.plusDays(3));
    runJobsThrough(today.plusDays(3));
    assertThat(chat.awaitMessageTo("ana", "Leadership, the other way round"))
        .contains("Time to meet");
    assertThat(reminders("ana")).hasSize(2);
  }

  /** Runs the reminder job every half hour of {@code day}, Berlin time, to 14:00. */
  private void runJobsThrough(LocalDate day) {
    Instant to = day.atTime(LocalTime.of(14, 0)).atZone(BERLIN).toInstant();
    for (Instant at = day.atStartOfDay(BERLIN).toInstant();
        at.isBefore(to);
        at = at.plus(Duration.ofMinutes(30))) {
      clock.shift(Duration.between(clock.instant(), at));
      tandem.reminderJob().run(at);
    }
  }

  private List<SimulatedChat.Delivered> reminders(String person) {
    return chat.delivered().stream()
        .filter(d -> d.to().contains(person) && d.text().contains("Time to meet"))
        .toList();
  }
}
