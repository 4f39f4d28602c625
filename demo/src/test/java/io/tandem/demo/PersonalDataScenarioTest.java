package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.app.Tandem;
import io.tandem.core.command.CommandDispatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * People's own data through the real adapters: {@code my data} arrives as a private file, {@code
 * forget me} asks first, then ends the pairing kindly and erases the person; an admin can forget
 * someone too.
 */
@DisplayName("my data and forget me, on every platform")
class PersonalDataScenarioTest {

  @TempDir Path dir;

  private SimulatedChat chat;
  private Tandem tandem;

  private void start(SimulatedChat.Kind kind) throws Exception {
    chat = SimulatedChat.start(kind);
    tandem = Pilots.pairedAtNoon(chat, dir.resolve("tandem.db"));
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

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("my data sends a private JSON file; forget me asks, erases, and tells the partner")
  void myDataThenForgetMe(SimulatedChat.Kind kind) throws Exception {
    // GIVEN Ana paired with Ben, with a session logged
    start(kind);
    assertThat(chat.run("ana", "log 45m Instagram reels").text()).contains("session #1");

    // WHEN Ana asks for her data
    SimulatedChat.Answer sending = chat.run("ana", "my data");

    // THEN she is answered privately at once, and the file arrives in her DM
    assertThat(sending.privately()).isTrue();
    assertThat(sending.text()).contains("Sending your data as a file");
    List<SimulatedChat.File> files = chat.awaitFilesTo("ana", "everything Tandem holds about you");
    assertThat(files).singleElement().satisfies(f -> assertThat(f.name()).endsWith(".json"));
    JsonObject data =
        JsonParser.parseString(new String(files.get(0).bytes(), StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertThat(data.getAsJsonArray("profile")).hasSize(1);
    assertThat(data.getAsJsonArray("sessions you logged").toString()).contains("Instagram reels");
    assertThat(data.getAsJsonArray("pairs")).hasSize(1);

    // WHEN she asks to be forgotten
    SimulatedChat.Answer ask = chat.run("ana", "forget me");
    assertThat(ask.privately()).isTrue();
    assertThat(ask.text()).contains("Erase everything Tandem holds about you?");
    SimulatedChat.Answer done =
        chat.click("ana", CommandDispatcher.COMMAND_ACTION, "forget me confirm");

    // THEN it is done, Ben is told kindly without her name, and Tandem no longer knows her
    assertThat(done.text()).contains("erased your data");
    assertThat(chat.awaitMessageTo("ben", "Your partner has left"))
        .contains("matched with someone new");
    assertThat(chat.run("ana", "status").text()).contains("haven't joined");
    assertThat(chat.run("ana", "my data").text()).contains("holds nothing about you");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(SimulatedChat.Kind.class)
  @DisplayName("an admin can forget someone after confirming; a participant cannot")
  void adminForgets(SimulatedChat.Kind kind) throws Exception {
    start(kind);
    String dev = chat.mention("dev");

    if (kind != SimulatedChat.Kind.DISCORD) {
      // Discord does not offer /tandem-admin to Ben at all; the core refuses him on Slack
      assertThat(chat.run("ben", "forget " + dev).text()).contains("Only workspace admins");
    }
    SimulatedChat.Answer ask = chat.run("maya", "forget " + dev);
    assertThat(ask.text()).contains("Erase everything Tandem holds about");
    SimulatedChat.Answer done = chat.run("maya", "forget " + dev + " confirm");

    assertThat(done.text()).contains("erased that person's data");
    assertThat(chat.run("dev", "status").text()).contains("haven't joined");
  }
}
