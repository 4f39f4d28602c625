package io.tandem.simulator.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulated Slack Web API, called by the real Slack client")
class SlackSimulatorWebApiTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private SlackSimulator simulator;
  private Slack slack;
  private MethodsClient bot;

  @BeforeEach
  void start() {
    simulator = SlackSimulator.start("xoxb-web-api-test", "xapp-web-api-test");
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(simulator.apiUrl());
    // the client otherwise calls auth.test on its own to label its metrics
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    bot = slack.methods(simulator.botToken());
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    simulator.close();
  }

  @Test
  @DisplayName("auth.test answers the bot's identity, with scopes in a header")
  void authTest() throws Exception {
    AuthTestResponse auth = bot.authTest(r -> r);

    assertThat(auth.isOk()).isTrue();
    assertThat(auth.getTeamId()).isEqualTo(simulator.teamId());
    assertThat(auth.getUserId()).isEqualTo(simulator.botUserId());
    assertThat(auth.getBotId()).isEqualTo(simulator.botId());
    assertThat(auth.getUrl()).isEqualTo("https://tandem-sim.slack.com/");
    assertThat(auth.getHttpResponseHeaders().get("x-oauth-scopes").get(0)).contains("chat:write");
    assertThat(simulator.calls("auth.test"))
        .singleElement()
        .satisfies(call -> assertThat(call.token()).isEqualTo(simulator.botToken()));
  }

  @Test
  @DisplayName("conversations.history pages the app's messages newest first, metadata on request")
  void conversationsHistory() throws Exception {
    // GIVEN five tagged messages in a DM and one elsewhere
    SimulatedUser ana = simulator.user("ana");
    String dm = bot.conversationsOpen(r -> r.users(List.of(ana.id()))).getChannel().getId();
    List<String> ts = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      int n = i;
      ChatPostMessageResponse posted =
          bot.chatPostMessage(
              r ->
                  r.channel(dm)
                      .text("message " + n)
                      .metadata(
                          Message.Metadata.builder()
                              .eventType("tandem_outbox")
                              .eventPayload(Map.of("dedup_key", "k:" + n))
                              .build()));
      assertThat(posted.getMessage().getMetadata().getEventPayload())
          .containsEntry("dedup_key", "k:" + n);
      ts.add(posted.getTs());
    }
    bot.chatPostMessage(r -> r.channel("C0OTHER").text("elsewhere"));

    // WHEN the app reads from the second message on, two at a time, with all metadata
    ConversationsHistoryResponse first =
        bot.conversationsHistory(
            r -> r.channel(dm).oldest(ts.get(1)).inclusive(true).limit(2).includeAllMetadata(true));
    ConversationsHistoryResponse second =
        bot.conversationsHistory(
            r ->
                r.channel(dm)
                    .oldest(ts.get(1))
                    .inclusive(true)
                    .limit(2)
                    .includeAllMetadata(true)
                    .cursor(first.getResponseMetadata().getNextCursor()));
    // THEN it gets k:5..k:2, newest first, and knows when it has read them all
    assertThat(first.isOk()).isTrue();
    assertThat(first.isHasMore()).isTrue();
    assertThat(
            java.util.stream.Stream.of(first, second)
                .flatMap(h -> h.getMessages().stream())
                .map(m -> m.getMetadata().getEventPayload().get("dedup_key")))
        .containsExactly("k:5", "k:4", "k:3", "k:2");
    assertThat(second.isHasMore()).isFalse();
    assertThat(second.getResponseMetadata().getNextCursor()).isEmpty();

    // AND without include_all_metadata the payload stays out, as on Slack
    ConversationsHistoryResponse plain =
        bot.conversationsHistory(r -> r.channel(dm).oldest(ts.get(4)).inclusive(true));
    assertThat(plain.getMessages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getTs()).isEqualTo(ts.get(4));
              assertThat(m.getMetadata().getEventType()).isEqualTo("tandem_outbox");
              assertThat(m.getMetadata().getEventPayload()).isNullOrEmpty();
            });
  }

  @Test
  @DisplayName("a wrong token is refused with invalid_auth, no token with not_authed")
  void badTokens() throws Exception {
    HttpResponse<String> withoutToken =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(simulator.apiUrl() + "auth.test"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(slack.methods("xoxb-wrong").authTest(r -> r).getError()).isEqualTo("invalid_auth");
    assertThat(withoutToken.body()).contains("\"error\":\"not_authed\"");
    assertThat(slack.methods(simulator.appToken()).authTest(r -> r).getError())
        .isEqualTo("not_allowed_token_type");
  }

  @Test
  @DisplayName("chat.postMessage is recorded with its blocks parsed; a user id posts to the DM")
  void postMessageRecordsBlocks() throws Exception {
    SimulatedUser ana = simulator.user("ana");
    List<SlackTraffic> transcript = new CopyOnWriteArrayList<>();
    simulator.onTraffic(transcript::add);

    ChatPostMessageResponse posted =
        bot.chatPostMessage(
            r ->
                r.channel(ana.id())
                    .text("Meet Ben")
                    .blocks(
                        asBlocks(
                            section(s -> s.text(markdownText("*Meet Ben*"))),
                            actions(
                                a ->
                                    a.blockId("intro")
                                        .elements(
                                            asElements(
                                                button(
                                                    b ->
                                                        b.actionId("say_hi")
                                                            .value("pair-1")
                                                            .text(plainText("Say hi")))))))));

    assertThat(posted.isOk()).isTrue();
    assertThat(posted.getChannel()).isEqualTo(ana.dmChannelId()).startsWith("D");
    assertThat(posted.getTs()).matches("\\d+\\.\\d{6}");
    assertThat(posted.getMessage().getBotId()).isEqualTo(simulator.botId());

    ApiCall call = simulator.awaitCall("chat.postMessage", WAIT);
    assertThat(call.text()).isEqualTo("Meet Ben");
    JsonElement blocks = call.payload();
    assertThat(blocks.getAsJsonArray()).hasSize(2);
    assertThat(blocks.getAsJsonArray().get(1).getAsJsonObject().get("block_id").getAsString())
        .isEqualTo("intro");
    assertThat(simulator.awaitDirectMessage(ana, WAIT).readableText())
        .isEqualTo("*Meet Ben*\n[Say hi]");
    assertThat(transcript)
        .extracting(SlackTraffic::toString)
        .containsExactly("<- ana [chat.postMessage] *Meet Ben*\n[Say hi]");
  }

  @Test
  @DisplayName("an injected 429 reaches the client with its Retry-After; the next call succeeds")
  void rateLimit() throws Exception {
    simulator.user("ana");
    simulator.failNext("chat.postMessage", 1, Fault.rateLimited(7));

    assertThatThrownBy(() -> bot.chatPostMessage(r -> r.channel("C0GENERAL").text("hi")))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(429);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
              assertThat(e.getError().getError()).isEqualTo("ratelimited");
            });
    assertThat(bot.chatPostMessage(r -> r.channel("C0GENERAL").text("hi")).isOk()).isTrue();
    assertThat(simulator.calls("chat.postMessage"))
        .extracting(ApiCall::status)
        .containsExactly(429, 200);
  }

  @Test
  @DisplayName("an injected 5xx reaches the client as an HTTP error")
  void serverError() {
    simulator.failNext("users.info", 2, Fault.serverError(503));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> bot.usersInfo(r -> r.user("U1")))
          .isInstanceOfSatisfying(
              SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(503));
    }
  }

  @Test
  @DisplayName("users.info answers a registered user's time zone, admin flag and email")
  void usersInfo() throws Exception {
    SimulatedUser ben = simulator.user("ben").tz("America/New_York").admin(true);

    UsersInfoResponse info = bot.usersInfo(r -> r.user(ben.id()));

    assertThat(info.isOk()).isTrue();
    assertThat(info.getUser().getName()).isEqualTo("ben");
    assertThat(info.getUser().getTz()).isEqualTo("America/New_York");
    assertThat(info.getUser().getTzOffset()).isIn(-5 * 3600, -4 * 3600);
    assertThat(info.getUser().isAdmin()).isTrue();
    // the manifest asks for users:read.email, so the profile carries the email (the scopes test
    // shows it left out without that scope)
    assertThat(info.getUser().getProfile().getEmail()).isEqualTo(ben.email());
    assertThat(bot.usersInfo(r -> r.user("UNOBODY")).getError()).isEqualTo("user_not_found");
  }

  @Test
  @DisplayName("conversations.open gives each user one stable DM channel")
  void conversationsOpen() throws Exception {
    SimulatedUser ana = simulator.user("ana");

    ConversationsOpenResponse first = bot.conversationsOpen(r -> r.users(List.of(ana.id())));
    ConversationsOpenResponse again = bot.conversationsOpen(r -> r.users(List.of(ana.id())));

    assertThat(first.getChannel().getId()).isEqualTo(ana.dmChannelId()).startsWith("D");
    assertThat(again.getChannel().getId()).isEqualTo(first.getChannel().getId());
  }

  @Test
  @DisplayName("views.publish stores the home view; views.open insists on a real trigger_id")
  void views() throws Exception {
    SimulatedUser ana = simulator.user("ana");

    ViewsPublishResponse home =
        bot.viewsPublish(
            r ->
                r.userId(ana.id())
                    .view(
                        view(
                            v ->
                                v.type("home")
                                    .blocks(asBlocks(section(s -> s.text(markdownText("Hi"))))))));
    ViewsOpenResponse modal =
        bot.viewsOpen(
            r ->
                r.triggerId("123.456.forged")
                    .view(
                        view(
                            v ->
                                v.type("modal")
                                    .title(viewTitle(t -> t.type("plain_text").text("Log"))))));

    assertThat(home.isOk()).isTrue();
    assertThat(home.getView().getId()).startsWith("V");
    assertThat(home.getView().getType()).isEqualTo("home");
    assertThat(
            simulator
                .awaitCall("views.publish", WAIT)
                .payload()
                .getAsJsonObject()
                .get("type")
                .getAsString())
        .isEqualTo("home");
    assertThat(modal.getError()).isEqualTo("invalid_trigger_id");
  }

  @Test
  @DisplayName("JSON bodies work too, and unknown methods answer unknown_method")
  void jsonBodiesAndUnknownMethods() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(URI.create(simulator.apiUrl() + "chat.postMessage"))
                .header("Authorization", "Bearer " + simulator.botToken())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"channel\":\"C0GENERAL\",\"blocks\":[{\"type\":\"divider\"}]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> unknown =
        http.send(
            HttpRequest.newBuilder(URI.create(simulator.apiUrl() + "no.such.method"))
                .header("Authorization", "Bearer " + simulator.botToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(posted.body()).contains("\"ok\":true");
    assertThat(simulator.awaitCall("chat.postMessage", WAIT).payload().getAsJsonArray()).hasSize(1);
    assertThat(unknown.body()).isEqualTo("{\"ok\":false,\"error\":\"unknown_method\"}");
  }
}
