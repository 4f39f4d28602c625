package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tandem.config.HttpConfig;
import io.tandem.core.command.Command;
import io.tandem.core.command.CommandParser;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.IntakeUseCase.Acceptance;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.simulator.slack.ActionResult;
import io.tandem.simulator.slack.RawSlackRequests;
import io.tandem.simulator.slack.RawSlackRequests.Answer;
import io.tandem.simulator.slack.SlackClient;
import io.tandem.simulator.slack.SlackSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What a person does in Slack reaches the core's intake as one {@link InboundRequest} with what
 * Slack sent: the real Bolt app runs against the simulated Slack, the intake is a Mockito double
 * whose calls are checked, and what the person sees comes back through Slack.
 */
@DisplayName("Slack requests reach the core's intake with what Slack sent")
class SlackToCoreTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String SECRET = "to-core-secret";

  private final IntakeUseCase intake = mock(IntakeUseCase.class);
  private SlackSimulator slack;
  private SlackAdapter adapter;

  @AfterEach
  void stop() throws Exception {
    if (adapter != null) {
      adapter.close();
    }
    slack.close();
  }

  private void start(io.tandem.config.SlackConfig.Mode mode) throws Exception {
    // a command the core does not answer now is accepted as any other request
    when(intake.acceptOrAnswer(any(), any()))
        .thenAnswer(
            call ->
                new IntakeUseCase.Taken(
                    intake.accept(call.getArgument(0)), Optional.<Reply>empty()));
    slack = SlackSimulator.start("xoxb-to-core", "xapp-to-core");
    io.tandem.config.SlackConfig config =
        new io.tandem.config.SlackConfig(
            mode,
            "xoxb-to-core",
            mode == io.tandem.config.SlackConfig.Mode.SOCKET ? "xapp-to-core" : null,
            mode == io.tandem.config.SlackConfig.Mode.HTTP ? SECRET : null,
            URI.create(slack.apiUrl()),
            List.of());
    adapter = new SlackAdapter(config, new HttpConfig("127.0.0.1", 0), intake, Clock.systemUTC());
    adapter.start();
  }

  /** A request body recorded from Slack (see the README next to them). */
  private static String payload(String file) throws IOException {
    try (var in = SlackToCoreTest.class.getResourceAsStream("/slack-payloads/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private InboundRequest accepted() {
    ArgumentCaptor<InboundRequest> request = ArgumentCaptor.forClass(InboundRequest.class);
    verify(intake, timeout(TIMEOUT.toMillis())).accept(request.capture());
    return request.getValue();
  }

  @Nested
  @DisplayName("over Socket Mode, from the simulated Slack client")
  class OverSocketMode {

    @Test
    @DisplayName(
        "GIVEN ana in her DM WHEN she runs /tandem log 45m Instagram reels THEN the intake gets"
            + " her command text, ids, response_url and trigger, and Slack gets an acknowledgement")
    void slashCommand() throws Exception {
      when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
      start(io.tandem.config.SlackConfig.Mode.SOCKET);
      try (SlackClient client = SlackClient.overSocketMode(slack)) {
        ActionResult result = client.user("ana").runs("/tandem log 45m Instagram reels");

        assertThat(result.ack().isOk()).isTrue();
        InboundRequest request = accepted();
        assertThat(request.platform()).isEqualTo(Platform.SLACK);
        assertThat(request.kind()).isEqualTo(InboundRequest.Kind.COMMAND);
        assertThat(request.workspaceId()).isEqualTo(slack.teamId());
        assertThat(request.userId()).isEqualTo(slack.user("ana").id());
        assertThat(request.userName()).isEqualTo("ana");
        assertThat(request.channelId()).isEqualTo(slack.user("ana").dmChannelId());
        assertThat(request.name()).isEqualTo("log 45m Instagram reels");
        assertThat(request.replyAddress()).isEqualTo(result.responseUrl());
        assertThat(request.deliveryKey()).isEqualTo("slack:t:" + result.triggerId());
      }
    }

    @Test
    @DisplayName(
        "a command the core answers now comes back in the acknowledgement, shown to her alone,"
            + " with people's text escaped")
    void commandAnsweredInAck() throws Exception {
      start(io.tandem.config.SlackConfig.Mode.SOCKET);
      org.mockito.Mockito.doReturn(
              new IntakeUseCase.Taken(
                  Acceptance.ACCEPTED,
                  Optional.of(
                      Reply.success(
                          "Logged 45 min",
                          List.of(
                              new Reply.Field("Topic", "<!channel> <https://evil.example|x>"))))))
          .when(intake)
          .acceptOrAnswer(any(), any());
      try (SlackClient client = SlackClient.overSocketMode(slack)) {
        ActionResult result = client.user("ana").runs("/tandem log 45m Instagram reels");

        assertThat(result.ack().json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(result.awaitReplyText(TIMEOUT)).contains("Logged 45 min");
        assertThat(result.awaitResponse(TIMEOUT).isEphemeral()).isTrue();
        assertThat(result.ack().body())
            .contains("&lt;!channel&gt;")
            .doesNotContain("<!channel>")
            .doesNotContain("<https://evil.example");
        verify(intake, org.mockito.Mockito.never()).accept(any());
      }
    }

    @Test
    @DisplayName("a button click reaches the intake with its action id and its value")
    void buttonClick() throws Exception {
      when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
      start(io.tandem.config.SlackConfig.Mode.SOCKET);
      try (SlackClient client = SlackClient.overSocketMode(slack)) {
        ActionResult result = client.user("bo").clicks("session_confirm", "42");

        assertThat(result.ack().isOk()).isTrue();
        InboundRequest request = accepted();
        assertThat(request.kind()).isEqualTo(InboundRequest.Kind.CLICK);
        assertThat(request.userId()).isEqualTo(slack.user("bo").id());
        assertThat(request.name()).isEqualTo("session_confirm");
        assertThat(request.value()).isEqualTo("42");
        assertThat(request.replyAddress()).isEqualTo(result.responseUrl());
      }
    }

    @Test
    @DisplayName(
        "a command button from before Tandem wrote plain mentions still names its person: the"
            + " Slack mention in its value reaches the core resolved")
    void oldCommandButton() throws Exception {
      when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
      start(io.tandem.config.SlackConfig.Mode.SOCKET);
      try (SlackClient client = SlackClient.overSocketMode(slack)) {
        client.user("bo").clicks("command", "nudge <@U0BEN42>");

        InboundRequest request = accepted();
        assertThat(request.value()).isEqualTo("nudge <@U0BEN42>");
        assertThat(request.mentions()).containsOnly(Map.entry("<@U0BEN42>", "U0BEN42"));
      }
    }

    @Test
    @DisplayName(
        "a form's answer comes back in the acknowledgement: the core's input errors keep the form"
            + " open with them")
    void formSubmission() throws Exception {
      when(intake.accepting()).thenReturn(true);
      when(intake.answerNow(any()))
          .thenReturn(
              Optional.of(Reply.formError("duration", "How long was it? e.g. 45m or 1h30m", null)));
      start(io.tandem.config.SlackConfig.Mode.SOCKET);
      try (SlackClient client = SlackClient.overSocketMode(slack)) {
        ActionResult result =
            client.user("ana").submits("log_session", Map.of("duration", "forever"));

        assertThat(result.ack().body()).contains("errors").contains("How long was it?");
        ArgumentCaptor<InboundRequest> request = ArgumentCaptor.forClass(InboundRequest.class);
        verify(intake).answerNow(request.capture());
        assertThat(request.getValue().kind()).isEqualTo(InboundRequest.Kind.FORM);
        assertThat(request.getValue().name()).isEqualTo("log_session");
        assertThat(request.getValue().values()).containsEntry("duration", "forever");
      }
    }

    @Test
    @DisplayName("when the core fails while running a form, the person sees that nothing was saved")
    void formFailure() throws Exception {
      when(intake.accepting()).thenReturn(true);
      when(intake.answerNow(any())).thenThrow(new IllegalStateException("database is locked"));
      start(io.tandem.config.SlackConfig.Mode.SOCKET);
      try (SlackClient client = SlackClient.overSocketMode(slack)) {
        ActionResult result = client.user("ana").submits("log_session", Map.of("duration", "45m"));

        assertThat(result.ack().body()).contains("nothing was saved");
      }
    }
  }

  @Nested
  @DisplayName("over HTTP, with request bodies recorded from real Slack")
  class OverHttp {

    private RawSlackRequests requests() {
      return new RawSlackRequests(
          URI.create(adapter.eventsUrl().orElseThrow()), SECRET, Clock.systemUTC());
    }

    /** Slack's documented slash-command body, as /tandem in the simulated team, with this text. */
    private String slashCommand(String text) throws IOException {
      return payload("real_slash_command.txt")
          .strip()
          .replace("team_id=T0001", "team_id=" + slack.teamId())
          .replace("command=/weather", "command=/tandem")
          .replace("text=94070", "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName(
        "Slack's documented slash-command body reaches the intake field for field (user, channel,"
            + " text, response_url, trigger id)")
    void realSlashCommand() throws Exception {
      when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
      start(io.tandem.config.SlackConfig.Mode.HTTP);
      Answer answer = requests().signed(slashCommand("join mentor"));

      assertThat(answer.status()).isEqualTo(200);
      InboundRequest request = accepted();
      assertThat(request.kind()).isEqualTo(InboundRequest.Kind.COMMAND);
      assertThat(request.workspaceId()).isEqualTo(slack.teamId());
      assertThat(request.userId()).isEqualTo("U2147483697");
      assertThat(request.userName()).isEqualTo("Steve");
      assertThat(request.channelId()).isEqualTo("C2147483705");
      assertThat(request.name()).isEqualTo("join mentor");
      assertThat(request.replyAddress()).isEqualTo("https://hooks.slack.com/commands/1234/5678");
      assertThat(request.deliveryKey())
          .isEqualTo("slack:t:13345224609.738474920.8088930838d88f008e0");
    }

    @Test
    @DisplayName(
        "mentions in a real slash-command body reach the core resolved beside the text, which stays"
            + " as typed")
    void realSlashCommandWithMentions() throws Exception {
      when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
      start(io.tandem.config.SlackConfig.Mode.HTTP);
      // what Slack sends for "/tandem log 1h @cal's reels with @ana" with users escaped
      String typed = "log 1h <@U0CAL42|cal>'s reels with <@U0ANA42|ana>";
      assertThat(requests().signed(slashCommand(typed)).status()).isEqualTo(200);

      InboundRequest request = accepted();
      assertThat(request.name()).isEqualTo(typed);
      assertThat(request.mentions())
          .containsOnly(
              Map.entry("<@U0CAL42|cal>", "U0CAL42"), Map.entry("<@U0ANA42|ana>", "U0ANA42"));
      // the core's grammar takes the partner from the map and keeps the topic as typed
      assertThat(new CommandParser().parse(request.name(), MentionedUsers.of(request.mentions())))
          .isEqualTo(
              new CommandParser.Parsed.Accepted(
                  new Command.Log(60, "<@U0CAL42|cal>'s reels", "U0ANA42", Command.Day.TODAY)));
    }

    @Test
    @DisplayName(
        "a real Home-tab block_actions body reaches the intake with its action id and value")
    void realBlockAction() throws Exception {
      when(intake.accept(any())).thenReturn(Acceptance.ACCEPTED);
      start(io.tandem.config.SlackConfig.Mode.HTTP);
      String json =
          payload("real_block_actions_home.json").replace("\"T123\"", "\"" + slack.teamId() + "\"");

      Answer answer = requests().signed(RawSlackRequests.payload(json));

      assertThat(answer.status()).isEqualTo(200);
      InboundRequest request = accepted();
      assertThat(request.kind()).isEqualTo(InboundRequest.Kind.CLICK);
      assertThat(request.workspaceId()).isEqualTo(slack.teamId());
      assertThat(request.userId()).isEqualTo("U123");
      assertThat(request.name()).isEqualTo("home_button_1");
      assertThat(request.value()).isEqualTo("create_task");
      assertThat(request.deliveryKey())
          .isEqualTo("slack:t:987196394372.3485157640.efe5ca926abc9dadb0371534fff4326e");
    }

    @Test
    @DisplayName(
        "while Tandem stops, the intake refuses a command and Slack gets 503 with a try-again"
            + " message, so the person knows nothing was taken")
    void refusedWhileStopping() throws Exception {
      when(intake.accept(any())).thenReturn(Acceptance.REFUSED);
      start(io.tandem.config.SlackConfig.Mode.HTTP);
      String body =
          RawSlackRequests.form(
              Map.of(
                  "team_id",
                  slack.teamId(),
                  "user_id",
                  slack.user("ana").id(),
                  "user_name",
                  "ana",
                  "channel_id",
                  slack.user("ana").dmChannelId(),
                  "command",
                  "/tandem",
                  "text",
                  "status",
                  "response_url",
                  slack.responseUrl("r1"),
                  "trigger_id",
                  "1.2.3"));

      Answer answer = requests().signed(body);

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.body()).contains("Tandem is restarting; try again in a minute.");
    }
  }
}
