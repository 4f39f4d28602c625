package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.app.Tandem;
import io.tandem.core.store.StoreStats;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Programs and pairing, as admins and participants meet them, on every platform. */
@DisplayName("Programs and pairing")
class PairingScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = SimulatedChat.start(kind);
    chat.makeAdmin("maya");
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

  private long count(String table) {
    return StoreStats.count(tandem.database(), table);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("an admin previews the exact best pairs with reasons, then approves them")
  void previewAndApprove(SimulatedChat.Kind kind) throws Exception {
    // GIVEN two junior mentors and two senior mentees with complete profiles
    start(kind);
    SamplePeople.ALL.forEach(chat::enrol);
    long outboxBefore = count("outbox_message");

    // WHEN the admin previews
    SimulatedChat.Answer preview = chat.run("maya", "match preview");

    // THEN the best pairing is proposed with its reasons, and nothing is introduced yet
    assertThat(preview.text())
        .contains("2 pairs")
        .containsIgnoringCase("dev → chioma")
        .containsIgnoringCase("ana → ben")
        .containsIgnoringCase("ana can teach");
    assertThat(count("mentoring_pair")).isEqualTo(2);
    assertThat(count("outbox_message")).isEqualTo(outboxBefore);

    // WHEN the admin approves
    SimulatedChat.Answer approved = chat.run("maya", "match approve");

    // THEN the pairs are real and introductions and role guides are queued
    assertThat(approved.text()).contains("Approved 2 pairs");
    assertThat(count("mentoring_pair")).isEqualTo(2);
    assertThat(count("outbox_message") - outboxBefore).isGreaterThanOrEqualTo(6);

    // AND both people of a pair receive the introduction and their own role guide
    for (String person : new String[] {"ana", "ben"}) {
      assertThat(chat.awaitMessageTo(person, "Meet your Tandem partner"))
          .containsIgnoringCase("ana")
          .containsIgnoringCase("ben")
          .contains("a private message to agree how you'll work together");
    }
    assertThat(chat.awaitMessageTo("ana", "Your guide as a mentor"))
        .contains("Show, don't lecture");
    assertThat(chat.awaitMessageTo("ben", "Your guide as a mentee")).contains("Come curious");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a second round never pairs people who were partners within the cooldown")
  void noRepeatPartners(SimulatedChat.Kind kind) throws Exception {
    // GIVEN ana → ben and dev → chioma, approved in the first program
    start(kind);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");
    assertThat(chat.run("maya", "match approve").text()).contains("Approved 2 pairs");

    // WHEN the same four join a second program and the admin previews it
    chat.run("maya", "program create Second round");
    chat.run("maya", "program open Second round");
    SamplePeople.ALL.forEach(person -> chat.enrol(person, "Second round"));
    SimulatedChat.Answer preview = chat.run("maya", "match preview Second round");

    // THEN everyone meets someone new
    assertThat(preview.text())
        .contains("2 pairs")
        .containsIgnoringCase("ana → chioma")
        .containsIgnoringCase("dev → ben");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("swapping two mentees re-scores the proposal and keeps the rules")
  void swap(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SamplePeople.ALL.forEach(chat::enrol);
    chat.run("maya", "match preview");

    SimulatedChat.Answer swapped =
        chat.run("maya", "match swap " + chat.mention("ben") + " " + chat.mention("chioma"));

    assertThat(swapped.text())
        .contains("Swapped")
        .containsIgnoringCase("ana → chioma")
        .containsIgnoringCase("dev → ben");
    assertThat(count("mentoring_pair")).isEqualTo(2);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a wrong match command's example names the command as typed on that platform")
  void exampleInPlatformSyntax(SimulatedChat.Kind kind) throws Exception {
    // GIVEN an admin and a program
    start(kind);
    SamplePeople.ALL.forEach(chat::enrol);

    // WHEN the admin previews a program that does not exist
    SimulatedChat.Answer answer = chat.run("maya", "match preview Nope");

    // THEN the example is a command this platform offers: /tandem-admin with options on Discord
    assertThat(answer.text()).contains("There is no program called");
    assertThat(answer.text())
        .contains(
            kind == SimulatedChat.Kind.DISCORD
                ? "Example: `/tandem-admin match preview program:Data pilot`"
                : "Example: `/tandem match preview Data pilot`");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("participants cannot run admin commands, and nothing changes when they try")
  void adminOnly(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    SamplePeople.ALL.forEach(chat::enrol);
    Map<String, Long> before = StoreStats.counts(tandem.database());
    if (kind == SimulatedChat.Kind.DISCORD) {
      // Discord does not even offer /tandem-admin to members without Manage Server
      assertThatThrownBy(() -> chat.run("ben", "match preview"))
          .hasMessageContaining("not offered /tandem-admin");
      assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);
      return;
    }

    SimulatedChat.Answer preview = chat.run("ben", "match preview");
    SimulatedChat.Answer create = chat.run("ben", "program create Shadow pilot");

    assertThat(preview.text()).contains("Only program admins");
    assertThat(create.text()).contains("Only workspace admins");
    assertThat(StoreStats.counts(tandem.database())).isEqualTo(before);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName(
      "an admin creates a program, opens it, and people beyond the pilot cap wait in order")
  void pilotCapAndWaitlist(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    SimulatedChat.Answer created =
        chat.run("maya", "program create Data pilot every 2w cap 2 skills Instagram, SQL");
    chat.run("maya", "program open Data pilot");
    for (SamplePeople.Person p : SamplePeople.ALL) {
      chat.enrol(p.name(), p.role() + " Data pilot", p.about(), p.skills());
    }
    SimulatedChat.Answer shown = chat.run("maya", "program show Data pilot");

    assertThat(created.text()).contains("Created").contains("Data pilot");
    assertThat(shown.text()).contains("Waitlist").contains("2");
    assertThat(count("participant")).isEqualTo(4);
  }
}
