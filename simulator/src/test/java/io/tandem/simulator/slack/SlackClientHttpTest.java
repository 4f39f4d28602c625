package io.tandem.simulator.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SlackClient over HTTP: signed requests to the app's events URL")
class SlackClientHttpTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private SlackSimulator simulator;
  private SignedRequestReceiver app;
  private SlackClient slack;
  private Slack webApi;
  private MethodsClient bot;

  @BeforeEach
  void start() throws Exception {
    simulator = SlackSimulator.start("xoxb-http-test", "xapp-http-test");
    app = new SignedRequestReceiver(SECRET);
    slack = SlackClient.overHttp(simulator, app.eventsUrl(), SECRET);
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
    config.setStatsEnabled(false);
    webApi = Slack.getInstance(config);
    bot = webApi.methods(simulator.botToken());
  }

  @AfterEach
  void stop() throws Exception {
    webApi.close();
    slack.close();
    app.close();
    simulator.close();
  }

  @Test
  @DisplayName(
      "a slash command arrives as a validly signed form; the reply via response_url is recorded")
  void slashCommand() throws Exception {
    List<SlackTraffic> transcript = new CopyOnWriteArrayList<>();
    simulator.onTraffic(transcript::add);
    app.answerWith(
        request -> {
          String responseUrl = Forms.decode(request.body()).get("response_url");
          postJson(responseUrl, "{\"response_type\":\"ephemeral\",\"text\":\"Logged 45 minutes\"}");
          return "";
        });

    ActionResult result = slack.user("ana").runs("/tandem log 45m Instagram reels");

    assertThat(result.ack().status()).isEqualTo(200);
    SignedRequestReceiver.Received request = app.received().poll(5, TimeUnit.SECONDS);
    assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
    Map<String, String> form = Forms.decode(request.body());
    SimulatedUser ana = simulator.user("ana");
    assertThat(form)
        .containsEntry("command", "/tandem")
        .containsEntry("text", "log 45m Instagram reels")
        .containsEntry("user_id", ana.id())
        .containsEntry("user_name", "ana")
        .containsEntry("team_id", simulator.teamId())
        .containsEntry("team_domain", "tandem-sim")
        .containsEntry("channel_id", ana.dmChannelId())
        .containsEntry("api_app_id", simulator.appId())
        .containsEntry("response_url", result.responseUrl())
        .containsEntry("trigger_id", result.triggerId())
        .containsKeys("token", "channel_name");
    ResponseMessage reply = result.awaitResponse(WAIT);
    assertThat(reply.text()).isEqualTo("Logged 45 minutes");
    assertThat(reply.isEphemeral()).isTrue();
    assertThat(transcript)
        .extracting(SlackTraffic::toString)
        .containsExactly(
            "-> ana [command] /tandem log 45m Instagram reels",
            "<- ana [response_url] Logged 45 minutes");
  }

  @Test
  @DisplayName("the signature is the documented v0 HMAC, independent of SlackSignature")
  void signatureMatchesTheDocumentedAlgorithm() {
    assertThat(SlackSignature.sign(SECRET, 1531420618L, "token=xyz&team_id=T1"))
        .startsWith("v0=")
        .hasSize(67);
    app.answerWith(request -> "{\"text\":\"pong\"}");

    Ack ack = slack.user("ana").runs("/tandem help").ack();

    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.text()).isEqualTo("pong");
  }

  @Test
  @DisplayName(
      "a slash command's ack with a message is its response, as Slack shows it: to the invoker"
          + " only")
  void commandAnsweredInItsAck() {
    app.answerWith(request -> "{\"text\":\"Logged 45 min\"}");

    ActionResult result = slack.user("ana").runs("/tandem log 45m Instagram reels");

    ResponseMessage response = result.awaitResponse(Duration.ofSeconds(5));
    assertThat(response.readableText()).isEqualTo("Logged 45 min");
    assertThat(response.isEphemeral()).isTrue();
    assertThat(result.awaitReplyText(Duration.ofSeconds(5))).isEqualTo("Logged 45 min");
  }

  @Test
  @DisplayName("a forged signature and a six-minute-old timestamp are refused with 401")
  void forgedAndStaleRequestsAreRefused() {
    Ack forged = slack.withForgedSignature().user("ana").runs("/tandem help").ack();
    Ack stale =
        slack.withStaleTimestamp(Duration.ofMinutes(6)).user("ana").runs("/tandem help").ack();

    assertThat(forged.status()).isEqualTo(401);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.body()).contains("invalid request");
    assertThat(app.received()).isEmpty();
  }

  @Test
  @DisplayName("a click carries the button's block, value and message as the app posted them")
  void clickOnAPostedButton() throws Exception {
    SimulatedUser ana = simulator.user("ana");
    String ts =
        bot.chatPostMessage(
                r ->
                    r.channel(ana.id())
                        .text("Meet Ben")
                        .blocks(
                            asBlocks(
                                actions(
                                    a ->
                                        a.blockId("match")
                                            .elements(
                                                asElements(
                                                    button(
                                                        b ->
                                                            b.actionId("approve")
                                                                .value("pair-17")
                                                                .text(plainText("Approve")))))))))
            .getTs();

    ActionResult click = slack.user("ana").clicks("approve");

    assertThat(click.ack().isOk()).isTrue();
    JsonObject payload = interactionPayload();
    assertThat(payload.get("type").getAsString()).isEqualTo("block_actions");
    JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
    assertThat(action.get("action_id").getAsString()).isEqualTo("approve");
    assertThat(action.get("block_id").getAsString()).isEqualTo("match");
    assertThat(action.get("value").getAsString()).isEqualTo("pair-17");
    assertThat(action.get("type").getAsString()).isEqualTo("button");
    assertThat(payload.getAsJsonObject("container").get("message_ts").getAsString()).isEqualTo(ts);
    assertThat(payload.getAsJsonObject("channel").get("id").getAsString())
        .isEqualTo(ana.dmChannelId());
    assertThat(payload.getAsJsonObject("user").get("id").getAsString()).isEqualTo(ana.id());
    assertThat(payload.get("response_url").getAsString()).isEqualTo(click.responseUrl());
    assertThat(payload.get("trigger_id").getAsString()).isEqualTo(click.triggerId());
  }

  @Test
  @DisplayName(
      "a submission fills the state of the modal the app opened with the command's trigger")
  void submitAnOpenedModal() throws Exception {
    ActionResult command = slack.user("ana").runs("/tandem log");
    String viewId =
        bot.viewsOpen(
                r ->
                    r.triggerId(command.triggerId())
                        .view(
                            view(
                                v ->
                                    v.type("modal")
                                        .callbackId("log_session")
                                        .privateMetadata("pair-17")
                                        .title(viewTitle(t -> t.type("plain_text").text("Log")))
                                        .blocks(
                                            asBlocks(
                                                input(
                                                    i ->
                                                        i.blockId("duration_block")
                                                            .label(plainText("How long?"))
                                                            .element(
                                                                plainTextInput(
                                                                    p ->
                                                                        p.actionId(
                                                                            "duration")))))))))
            .getView()
            .getId();
    app.received().clear();

    ActionResult submit = slack.user("ana").submits("log_session", Map.of("duration", "45m"));

    assertThat(submit.ack().isOk()).isTrue();
    JsonObject view = interactionPayload().getAsJsonObject("view");
    assertThat(view.get("id").getAsString()).isEqualTo(viewId);
    assertThat(view.get("callback_id").getAsString()).isEqualTo("log_session");
    assertThat(view.get("private_metadata").getAsString()).isEqualTo("pair-17");
    JsonObject input =
        view.getAsJsonObject("state")
            .getAsJsonObject("values")
            .getAsJsonObject("duration_block")
            .getAsJsonObject("duration");
    assertThat(input.get("type").getAsString()).isEqualTo("plain_text_input");
    assertThat(input.get("value").getAsString()).isEqualTo("45m");
  }

  private JsonObject interactionPayload() throws InterruptedException {
    SignedRequestReceiver.Received request = app.received().poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    String payload = Forms.decode(request.body()).get("payload");
    return JsonParser.parseString(payload).getAsJsonObject();
  }

  private static void postJson(String url, String json) {
    HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
