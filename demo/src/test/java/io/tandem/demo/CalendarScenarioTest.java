package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.app.Tandem;
import io.tandem.core.calendar.DidYouMeet;
import io.tandem.core.calendar.PickSlot;
import io.tandem.core.command.CommandDispatcher;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Meetings land in calendars, on every platform: Ana (Berlin) and Ben (London) are introduced with
 * the next times both are free, pick one and both get a calendar file for it, move it to another
 * day, see it in {@code status}, are asked "did you meet?" when it passed unlogged, and get the
 * cancellation when their pairing ends.
 */
@DisplayName("Meetings in calendars, on every platform")
class CalendarScenarioTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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
  @DisplayName("slots with the introduction, an invitation per pick, moved, asked about, cancelled")
  void calendar(SimulatedChat.Kind kind) throws Exception {
    clock = ShiftableClock.startingAt(Pilots.noon());
    chat = SimulatedChat.start(kind);
    tandem = Pilots.paired(chat, dir.resolve("tandem.db"), clock);

    // GIVEN the introduction comes with the times both are free, in each one's zone
    String proposal = chat.awaitMessageTo("ben", "When will you meet?");
    assertThat(proposal)
        .containsIgnoringCase("for ana (Berlin)")
        .containsIgnoringCase("for ben (London)");
    SimulatedChat.Button first = button("When will you meet?", PickSlot.PICK);
    Instant firstSlot = slotOf(first);
    assertThat(firstSlot.atZone(BERLIN).getDayOfWeek().getValue()).isEqualTo(2);

    // WHEN Ana picks the first time
    SimulatedChat.Answer picked = chat.click("ana", first);

    // THEN both get a calendar file that parses to that instant
    assertThat(picked.text()).contains("picked").contains("calendar invitation");
    VEvent anas = event(chat.awaitFilesTo("ana", "Your session with"));
    VEvent bens = event(chat.awaitFilesTo("ben", "Your session with"));
    assertThat(start(anas)).isEqualTo(firstSlot);
    assertThat(start(bens)).isEqualTo(firstSlot);
    assertThat(bens.getProperties("ATTENDEE")).hasSize(2);
    String uid = value(anas, "UID");

    // AND a second click on the same time changes nothing
    assertThat(chat.click("ana", first).text()).contains("already planned");

    // WHEN Ben asks for another day and picks the first of those
    SimulatedChat.Button another = button("When will you meet?", PickSlot.MORE);
    assertThat(another.label()).isEqualTo("Pick another day");
    chat.click("ben", another);
    chat.awaitMessageTo("ana", "More times you're both free");
    SimulatedChat.Button later = button("More times you're both free", PickSlot.PICK);
    chat.click("ben", later);

    // THEN the same event moves: same UID, higher sequence, the later instant
    VEvent moved = event(chat.awaitFilesTo("ana", "Moved: your session with"));
    assertThat(value(moved, "UID")).isEqualTo(uid);
    assertThat(Integer.parseInt(value(moved, "SEQUENCE")))
        .isGreaterThan(Integer.parseInt(value(anas, "SEQUENCE")));
    assertThat(start(moved)).isEqualTo(slotOf(later)).isAfter(firstSlot);

    // AND status shows the next session
    assertThat(chat.run("ana", "status").text()).contains("Next session");

    // WHEN the planned time passes with nothing logged
    clock.shift(Duration.between(clock.instant(), slotOf(later).plus(Duration.ofHours(4))));
    tandem.runJobNow(DidYouMeet.KEY);

    // THEN the pair is asked, with one-click answers
    assertThat(chat.awaitMessageTo("ben", "Did you meet?")).containsIgnoringCase("ana");
    assertThat(labels("Did you meet?"))
        .containsExactly("Yes, log it", "No, pick a new time", "Skip this one");
    SimulatedChat.Button yes = button("Did you meet?", CommandDispatcher.COMMAND_ACTION);
    assertThat(chat.click("ana", yes).text()).contains("Logged");

    // WHEN a new time is planned and the pairing ends
    String again = "More times you're both free";
    int offered = buttons(again, PickSlot.PICK).size();
    chat.click("ben", button("Did you meet?", PickSlot.MORE));
    Awaitility.await().until(() -> buttons(again, PickSlot.PICK).size() > offered);
    List<SimulatedChat.Button> newest = buttons(again, PickSlot.PICK);
    chat.click("ana", newest.get(newest.size() - 1));
    Awaitility.await().until(() -> chat.files().size() >= 6);
    SimulatedChat.Answer ended =
        chat.run("maya", "pair end " + chat.mention("ana") + " " + chat.mention("ben"));
    assertThat(ended.text()).contains("Ended the pairing");

    // THEN both calendars get the cancellation of the same event
    Calendar cancel = calendar(chat.awaitFilesTo("ben", "is cancelled"));
    assertThat(cancel.getProperty("METHOD").map(Property::getValue)).contains("CANCEL");
    assertThat(value(only(cancel), "UID")).isEqualTo(uid);
  }

  private List<SimulatedChat.Button> buttons(String text, String actionId) {
    return chat.delivered().stream()
        .filter(m -> m.to().contains("ben") && m.text().contains(text))
        .flatMap(m -> m.buttons().stream())
        .filter(b -> b.actionId().equals(actionId))
        .toList();
  }

  private SimulatedChat.Button button(String text, String actionId) {
    return Awaitility.await()
        .until(() -> buttons(text, actionId).stream().findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  private List<String> labels(String text) {
    return chat.delivered().stream()
        .filter(m -> m.to().contains("ben") && m.text().contains(text))
        .findFirst()
        .orElseThrow()
        .buttons()
        .stream()
        .map(SimulatedChat.Button::label)
        .toList();
  }

  private static Instant slotOf(SimulatedChat.Button button) {
    return Instant.ofEpochSecond(Long.parseLong(button.value().split(":")[1]));
  }

  private static Calendar calendar(List<SimulatedChat.File> files) throws Exception {
    assertThat(files).singleElement().satisfies(f -> assertThat(f.name()).endsWith(".ics"));
    return new CalendarBuilder()
        .build(new StringReader(new String(files.get(0).bytes(), StandardCharsets.UTF_8)));
  }

  private static VEvent event(List<SimulatedChat.File> files) throws Exception {
    return only(calendar(files));
  }

  private static VEvent only(Calendar calendar) {
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static Instant start(VEvent event) {
    return Instant.from(event.getStartDate().orElseThrow().getDate());
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElseThrow();
  }
}
