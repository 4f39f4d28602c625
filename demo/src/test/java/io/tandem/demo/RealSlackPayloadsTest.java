package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.tandem.app.Tandem;
import io.tandem.simulator.slack.Ack;
import io.tandem.simulator.slack.Forms;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request bodies that real Slack sent (from the Slack SDK's recordings, see {@code
 * src/test/resources/slack-payloads/README.md}), with their ids moved onto the simulated workspace,
 * signed with the test's secret and posted to Tandem in HTTP mode: each gets a definite answer, 200
 * where Slack expects it, and its effect where it has one.
 */
@DisplayName("Tandem over HTTP handles request bodies recorded from real Slack")
class RealSlackPayloadsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path dir;

  private SimulatedSlack chat;
  private Tandem tandem;
  private SlackSimulator slack;
  private SimulatedUser ben;
  private final List<String> responseUrls = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    chat = (SimulatedSlack) SimulatedChat.start(SimulatedChat.Kind.SLACK_HTTP);
    tandem =
        Tandem.start(chat.config("jdbc:sqlite:" + dir.resolve("tandem.db")), Clock.systemUTC());
    chat.connect(tandem);
    chat.enrol(SamplePeople.BEN);
    slack = chat.simulator();
    ben = slack.user("ben");
    slack.clearRecords();
  }

  @AfterEach
  void stop() throws Exception {
    tandem.close();
    chat.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"real_slash_command.txt", "sample_slash_command.json"})
  @DisplayName("a slash command is acked with 200 and answered, in the ack as Slack shows it")
  void slashCommand(String file) throws Exception {
    // GIVEN Slack's slash-command body, for /tandem in our workspace
    Map<String, String> fields =
        file.endsWith(".txt")
            ? new LinkedHashMap<>(Forms.decode(read(file).strip()))
            : formFields(json(file));
    fields.replaceAll((name, value) -> mapField(name, value));

    // WHEN it is posted
    Ack ack = chat.client().postsSigned(FORM, Forms.encode(fields));

    // THEN Tandem acks with its answer, which Slack shows as the command's response
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.readableText()).isNotBlank();
    assertThat(slack.responses()).isEmpty();
  }

  @Test
  @DisplayName("a click in a Home tab (no response_url) is acked and answered in the person's DM")
  void homeTabClick() throws Exception {
    Ack ack = postInteraction("real_block_actions_home.json");

    assertThat(ack.status()).isEqualTo(200);
    assertThat(slack.awaitDirectMessage(ben, WAIT).readableText()).isNotBlank();
  }

  @Test
  @DisplayName("Slack's all-fields block_actions is acked and answered at its response_url")
  void allFieldsClick() throws Exception {
    Ack ack = postInteraction("sample_block_actions.json");

    assertThat(ack.status()).isEqualTo(200);
    assertThat(awaitOnlyResponse().readableText()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"real_view_submission.json", "sample_view_submission.json"})
  @DisplayName("a form submission is answered in the ack with a response_action")
  void viewSubmission(String file) throws Exception {
    Ack ack = postInteraction(file);

    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json()).isNotNull();
    assertThat(ack.json().has("response_action")).as(ack.body()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"real_view_closed.json", "sample_view_closed.json"})
  @DisplayName("a closed form is acked with 200")
  void viewClosed(String file) throws Exception {
    assertThat(postInteraction(file).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("app_home_opened is acked and the person's Home tab is published")
  void appHomeOpened() throws Exception {
    Ack ack = postEvent("sample_app_home_opened.json");

    assertThat(ack.status()).isEqualTo(200);
    slack.awaitCall("views.publish", c -> ben.id().equals(c.param("user_id")), WAIT);
  }

  @Test
  @DisplayName("user_change is acked with 200")
  void userChange() throws Exception {
    assertThat(postEvent("sample_user_change.json").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("url_verification is answered with its challenge")
  void urlVerification() throws Exception {
    Ack ack = chat.client().postsSigned("application/json", read("real_url_verification.json"));

    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.body()).contains("challenge-value");
  }

  private Ack postInteraction(String file) throws IOException {
    JsonElement payload = mapIds(null, json(file));
    return chat.client().postsSigned(FORM, Forms.encode(Map.of("payload", payload.toString())));
  }

  private Ack postEvent(String file) throws IOException {
    JsonObject event = mapIds(null, json(file)).getAsJsonObject();
    event.addProperty("type", "event_callback");
    event.addProperty("event_id", "Ev0RECORDED1");
    JsonObject inner = event.getAsJsonObject("event");
    if (inner.has("tab")) {
      inner.addProperty("tab", "home");
    }
    for (JsonElement authorization : event.getAsJsonArray("authorizations")) {
      authorization.getAsJsonObject().addProperty("user_id", slack.botUserId());
      authorization.getAsJsonObject().addProperty("is_bot", true);
    }
    return chat.client().postsSigned("application/json", event.toString());
  }

  private io.tandem.simulator.slack.ResponseMessage awaitOnlyResponse() {
    assertThat(responseUrls).hasSize(1);
    String url = responseUrls.get(0);
    return slack.awaitResponse(url.substring(url.lastIndexOf('/') + 1), WAIT);
  }

  /** The recorded value of a field, moved onto the simulated workspace and its person ben. */
  private String mapField(String name, String value) {
    return switch (name) {
      case "team_id", "app_installed_team_id" -> slack.teamId();
      case "team_domain" -> slack.teamDomain();
      case "enterprise_id", "enterprise_name" -> "";
      case "user_id" -> ben.id();
      case "user_name", "username", "name" -> ben.name();
      case "api_app_id", "app_id" -> slack.appId();
      case "bot_id" -> slack.botId();
      case "channel_id" -> value.isEmpty() ? ben.dmChannelId() : value;
      case "command" -> "/tandem";
      case "response_url" -> {
        String url = slack.issueResponseUrl(ben, ben.dmChannelId());
        responseUrls.add(url);
        yield url;
      }
      case "trigger_id" -> slack.issueTriggerId();
      default -> value;
    };
  }

  /** Maps every id in a recorded JSON body; {@code key} is the member that holds {@code json}. */
  private JsonElement mapIds(String key, JsonElement json) {
    if (json.isJsonObject()) {
      JsonObject object = json.getAsJsonObject();
      if ("user".equals(key) || "team".equals(key)) {
        object.addProperty("id", "user".equals(key) ? ben.id() : slack.teamId());
      }
      for (Map.Entry<String, JsonElement> member : object.entrySet()) {
        member.setValue(mapIds(member.getKey(), member.getValue()));
      }
      return object;
    }
    if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(element -> mapIds(null, element));
      for (int i = 0; i < json.getAsJsonArray().size(); i++) {
        json.getAsJsonArray().set(i, mapIds(null, json.getAsJsonArray().get(i)));
      }
      return json;
    }
    if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString() && key != null) {
      String value = json.getAsString();
      String mapped =
          switch (key) {
            case "user" -> ben.id();
            case "team" -> slack.teamId();
            case "channel" -> value.isEmpty() ? ben.dmChannelId() : value;
            default -> mapField(key, value);
          };
      return new JsonPrimitive(mapped);
    }
    return json;
  }

  private static Map<String, String> formFields(JsonElement json) {
    Map<String, String> fields = new LinkedHashMap<>();
    json.getAsJsonObject()
        .entrySet()
        .forEach(e -> fields.put(e.getKey(), e.getValue().getAsString()));
    return fields;
  }

  private static JsonElement json(String file) throws IOException {
    return JsonParser.parseString(read(file));
  }

  private static String read(String file) throws IOException {
    try (InputStream in =
        RealSlackPayloadsTest.class.getResourceAsStream("/slack-payloads/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
