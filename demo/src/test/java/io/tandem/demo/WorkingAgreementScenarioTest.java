package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.app.Tandem;
import io.tandem.core.agreement.AgreementFeature;
import io.tandem.core.agreement.AgreementJob;
import io.tandem.core.enrolment.EnrolmentFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The working agreement on every platform: Ana (mentor) and Ben (mentee), Dev and Chioma are paired
 * in a program that has just started; each person privately answers how they meet, how often and
 * that feedback goes both ways. The agreement job is run with Tandem's clock moved.
 */
@DisplayName("Working agreements, on every platform")
class WorkingAgreementScenarioTest {

  static final String HOSTILE = "<!everyone> *bold* [link](http://x)";
  static final String QUESTION = "Your working agreement with";

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;
  private ShiftableClock clock;

  private void start(SimulatedChat.Kind kind) throws Exception {
    clock = ShiftableClock.startingAt(Pilots.noon());
    chat = SimulatedChat.start(kind);
    tandem = Pilots.paired(chat, dir.resolve("tandem.db"), clock);
    chat.run("maya", "program start " + EnrolmentFeature.DEFAULT_PROGRAM_NAME);
  }

  @AfterEach
  void stop() throws Exception {
    Pilots.stop(tandem, chat);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("the same answers: both get one message with the agreement, notes as plain text")
  void agree(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    answer("ana", "call", 7, HOSTILE);
    answer("ben", "call", 7, "");

    String ben = chat.awaitMessageTo("ben", "You agree!");
    assertThat(chat.awaitMessageTo("ana", "You agree!")).contains("by call, weekly");
    assertThat(ben).contains("by call, weekly").contains("feedback goes both ways");
    if (kind == SimulatedChat.Kind.DISCORD) {
      assertThat(ben).contains("\\<!everyone>").contains("\\[link\\](http://x)");
    } else {
      assertThat(ben).contains("&lt;!everyone&gt;").doesNotContain("<!everyone>");
    }
    assertThat(chat.run("ben", "status").text())
        .contains("Working agreement")
        .contains("by call, weekly");
    assertThat(chat.run("maya", "report").text()).contains("1 of 2 pairs");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("different answers: both see them side by side and settle on one")
  void settle(SimulatedChat.Kind kind) throws Exception {
    start(kind);

    answer("ana", "call", 7, "");
    answer("ben", "chat", 14, "");

    for (String person : new String[] {"ana", "ben"}) {
      assertThat(chat.awaitMessageTo(person, "differ").toLowerCase())
          .contains("ana: call, weekly · ben: chat, every two weeks");
    }
    long pair = pairId("ana");
    // Ana takes Ben's way to meet; Ben then takes Ana's rhythm
    assertThat(chat.click("ana", AgreementFeature.SETTLE_ACTION, pair + ":meet:chat").text())
        .contains("chat, weekly");
    assertThat(chat.awaitMessageTo("ben", "would settle on")).contains("chat, weekly");
    assertThat(chat.click("ben", AgreementFeature.SETTLE_ACTION, pair + ":often:7").text())
        .contains("Settled");

    assertThat(chat.awaitMessageTo("ana", "Settled: your working agreement"))
        .contains("by chat, weekly");
    assertThat(chat.run("ana", "status").text()).contains("by chat, weekly");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("a pair without an agreement after a week is flagged to the admin, once")
  void flagged(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    answer("ana", "in person", 14, "");
    answer("ben", "in person", 14, "");
    chat.awaitMessageTo("ana", "You agree!");

    runJobAfter(AgreementJob.FLAG_AFTER.minusHours(1));
    runJobAfter(Duration.ofHours(2));
    runJobAfter(Duration.ofDays(1));

    assertThat(chat.awaitMessageTo("maya", "No working agreement yet").toLowerCase())
        .contains("dev and chioma")
        .contains("not both have answered");
    await()
        .atMost(SimulatedChat.REPLY_TIMEOUT)
        .until(() -> tandem.outboxDeliveredBy(clock.instant()));
    assertThat(
            chat.delivered().stream()
                .filter(d -> d.to().contains("maya") && d.text().contains("No working agreement")))
        .hasSize(1);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("at mid-program both are asked whether it holds; \"let's change it\" asks again")
  void midProgram(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    answer("ana", "chat", 14, "");
    answer("ben", "chat", 14, "");
    chat.awaitMessageTo("ben", "You agree!");

    // the default program runs 26 weeks: halfway is 13 weeks after matching
    runJobAfter(Duration.ofDays(7 * 13).plusHours(1));

    assertThat(chat.awaitMessageTo("ben", "Halfway through")).contains("still hold");
    long pair = pairId("ana");
    assertThat(chat.click("ben", AgreementFeature.HOLDS_ACTION, Long.toString(pair)).text())
        .contains("agreement stands");
    assertThat(chat.click("ana", AgreementFeature.CHANGE_ACTION, Long.toString(pair)).text())
        .contains("agree again");
    await()
        .atMost(SimulatedChat.REPLY_TIMEOUT)
        .until(
            () ->
                chat.delivered().stream()
                        .filter(
                            d ->
                                d.to().contains("ben")
                                    && d.to().size() == 1
                                    && d.text().contains(QUESTION))
                        .count()
                    == 2);
    assertThat(chat.run("ana", "status").text()).contains("not agreed yet");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("someone outside the pair is refused privately, and nothing changes")
  void stranger(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    long pair = pairId("ana");

    SimulatedChat.Answer meet = chat.click("dev", AgreementFeature.MEET_ACTION, pair + ":chat");
    SimulatedChat.Answer often = chat.click("chioma", AgreementFeature.OFTEN_ACTION, pair + ":7");

    assertThat(meet.privately()).isTrue();
    assertThat(meet.text()).contains("Only the two people in this pair");
    assertThat(often.privately()).isTrue();
    assertThat(often.text()).contains("Only the two people in this pair");
    assertThat(chat.run("ana", "status").text()).contains("not agreed yet");
  }

  /** Answers the private question: a way, a rhythm, then confirms with a note. */
  private void answer(String person, String way, int days, String note) {
    long pair = pairId(person);
    assertThat(chat.click(person, AgreementFeature.MEET_ACTION, pair + ":" + way).text())
        .contains("Noted");
    assertThat(chat.click(person, AgreementFeature.OFTEN_ACTION, pair + ":" + days).text())
        .contains("Noted");
    chat.fill(
        person,
        chat.clickForForm(person, AgreementFeature.CONFIRM_ACTION, Long.toString(pair)),
        Map.of(AgreementFeature.NOTE, note));
  }

  /** The pair id the person's private question carries. */
  private long pairId(String person) {
    chat.awaitMessageTo(person, QUESTION);
    return chat.delivered().stream()
        .filter(d -> d.to().contains(person) && d.text().contains(QUESTION))
        .flatMap(d -> d.buttons().stream())
        .filter(b -> b.actionId().equals(AgreementFeature.CONFIRM_ACTION))
        .map(b -> Long.parseLong(b.value()))
        .findFirst()
        .orElseThrow();
  }

  private void runJobAfter(Duration by) throws Exception {
    clock.shift(by);
    tandem.runJobNow(AgreementJob.KEY);
  }
}
