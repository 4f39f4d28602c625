package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.enrolment.EnrolmentFeature;
import io.tandem.core.pulse.AskCheckIns;
import io.tandem.core.pulse.PulseGrammar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pair check-ins on every platform: Maya sets the program's points, 30 days after matching each
 * person of both pairs is asked privately how it is going, answers with one click, and a low answer
 * reaches the admins only when the person says yes. The report shows the answers only from the
 * anonymity threshold (5) on.
 */
@DisplayName("Pair check-ins, on every platform")
class PairCheckInScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private ShiftableClock clock;

  @AfterEach
  void stop() throws Exception {
    Pilots.stop(tandem, chat);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("asked at each point, answered once, low answers told only with consent")
  void checkIns(SimulatedChat.Kind kind) throws Exception {
    clock = ShiftableClock.startingAt(Pilots.noon());
    chat = SimulatedChat.start(kind);
    tandem = Pilots.paired(chat, dir.resolve("tandem.db"), clock);
    chat.run("maya", "program start " + EnrolmentFeature.DEFAULT_PROGRAM_NAME);

    // GIVEN the admin sees the default points and moves the second one; Ben may not
    chat.offerAdminCommands("ben");
    SimulatedChat.Answer refused = chat.run("ben", "program checkins 14");
    SimulatedChat.Answer bad = chat.run("maya", "program checkins 0,30");
    SimulatedChat.Answer shown = chat.run("maya", "program checkins");
    SimulatedChat.Answer set = chat.run("maya", "program checkins 30,45");

    assertThat(refused.privately()).isTrue();
    assertThat(refused.text()).contains("Only program admins");
    assertThat(bad.privately()).isTrue();
    assertThat(bad.text()).contains("from 1 to 730").contains(typed(PulseGrammar.EXAMPLE));
    assertThat(shown.text()).contains("30, 60 and 90 days after matching");
    assertThat(set.text()).contains("30 and 45 days after matching");
    assertThat(chat.run("maya", "program checkins").text()).contains("30 and 45 days");

    // WHEN 30 days pass
    runJobAfter(Duration.ofDays(30));

    // THEN each person is asked privately, naming their partner
    assertThat(chat.awaitMessageTo("ana", "How is it going?"))
        .containsIgnoringCase("with ben")
        .contains("30 days");
    assertThat(chat.awaitMessageTo("ben", "How is it going?")).containsIgnoringCase("with ana");
    chat.awaitMessageTo("dev", "How is it going?");
    chat.awaitMessageTo("chioma", "How is it going?");

    // AND Ana answers; clicking the same answer twice stores it once; Dev, in another pair, cannot
    // answer with her buttons
    SimulatedChat.Answer five = chat.click("ana", button("ana", "5"));
    SimulatedChat.Answer fiveAgain = chat.click("ana", button("ana", "5"));
    SimulatedChat.Answer yes = chat.click("ana", button("ana", "Yes"));
    assertThat(five.text()).contains("going 5 of 5");
    assertThat(fiveAgain.text()).contains("going 5 of 5");
    assertThat(yes.text()).contains("going 5 of 5, partner learning: yes");
    assertThat(chat.click("dev", button("ana", "1")).text()).contains("someone else");

    // AND she adds a note in the form, which no admin ever reads
    SimulatedChat.Button note = button("ana", "Add a note");
    SimulatedChat.Answer noted =
        chat.fill(
            "ana",
            chat.clickForForm("ana", note.actionId(), note.value()),
            Map.of("note", "We meet on Tuesdays"));
    assertThat(noted.text()).contains("going 5 of 5, partner learning: yes, a note");

    // AND Ben answers low: he is asked whether to tell the admins, and says no
    SimulatedChat.Answer low = chat.click("ben", button("ben", "2"));
    assertThat(low.privately()).isTrue();
    assertThat(low.text()).contains("Would you like us to tell the program admins?");
    String pair = button("ben", "2").value().split(":")[0];
    assertThat(chat.click("ben", decline(pair)).text()).contains("nobody is told");
    assertThat(helpRequests()).isEmpty();

    // WHEN he answers "no" about learning after all and then says yes to telling them
    chat.click("ben", button("ben", "No"));
    chat.click("ben", CommandDispatcher.COMMAND_ACTION, "support pair:" + pair);

    // THEN the admins hear, once he agreed
    assertThat(chat.awaitMessageTo("maya", "asks for help")).containsIgnoringCase("ben");

    // AND the report hides the answers below the anonymity threshold
    chat.click("dev", button("dev", "4"));
    chat.click("chioma", button("chioma", "3"));
    assertThat(chat.run("maya", "report").text()).contains("too few answers to show");

    // WHEN the 45-day point comes and three more people answer
    runJobAfter(Duration.ofDays(15));
    chat.awaitMessageWithAll("ana", "How is it going?", "45 days");
    chat.awaitMessageWithAll("ben", "How is it going?", "45 days");
    chat.awaitMessageWithAll("dev", "How is it going?", "45 days");
    chat.click("ana", button("ana", "45 days", "4"));
    chat.click("ben", button("ben", "45 days", "4"));
    chat.click("dev", button("dev", "45 days", "5"));

    // THEN the report shows the totals: 7 answers, ratings 5, 2, 4, 3, 4, 4, 5
    assertThat(chat.run("maya", "report").text())
        .contains("Pair check-ins")
        .contains("7 answers, mean 3.9 of 5")
        .doesNotContain("Tuesdays");
  }

  private void runJobAfter(Duration time) throws Exception {
    clock.shift(time);
    tandem.runJobNow(AskCheckIns.KEY);
  }

  private String typed(String command) {
    return chat.typed(command).orElseThrow();
  }

  private SimulatedChat.Button button(String person, String label) {
    return button(person, "30 days", label);
  }

  /** A button of the check-in delivered to {@code person} at the point {@code point}. */
  private SimulatedChat.Button button(String person, String point, String label) {
    List<SimulatedChat.Button> buttons =
        chat.delivered().stream()
            .filter(d -> d.to().contains(person) && d.text().contains("Check-in: " + point))
            .flatMap(d -> d.buttons().stream())
            .filter(b -> b.label().equals(label))
            .toList();
    assertThat(buttons).as("%s's check-in button %s", person, label).isNotEmpty();
    return buttons.get(0);
  }

  private static SimulatedChat.Button decline(String pair) {
    return new SimulatedChat.Button("No, thanks", "checkin.decline", pair + ":30");
  }

  private List<SimulatedChat.Delivered> helpRequests() {
    return chat.delivered().stream()
        .filter(d -> d.to().contains("maya") && d.text().contains("asks for help"))
        .toList();
  }
}
