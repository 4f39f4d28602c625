package io.tandem.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.app_backend.views.payload.ViewClosedPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.DefaultContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import io.tandem.config.HttpConfig;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.InboundRequest;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import io.tandem.core.port.out.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem on Slack: a Bolt app that turns {@code /tandem} into core invocations and renders each
 * {@link Reply} as Block Kit. It stores every request through the {@link IntakeUseCase} before it
 * acknowledges it, and the intake does the work afterwards and answers through {@link #answers()}
 * (the {@code response_url}); nothing slow runs before the acknowledgement. Only a form submission
 * runs before its acknowledgement, because its answer is the acknowledgement.
 */
public final class SlackAdapter implements AutoCloseable {

  /** The slash command Tandem registers (see {@code slack-app-manifest.yml}). */
  public static final String COMMAND = "/tandem";

  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

  private final io.tandem.config.SlackConfig config;
  private final HttpConfig httpConfig;
  private final SlackHttpClient http;
  private final Gson gson;
  private final IntakeUseCase intake;
  private final Clock clock;
  private final App app;
  private final SlackMembers members;
  private final AnswerPort answers = new Answers();
  private volatile SocketModeApp socketMode;
  private volatile SlackHttpServer httpServer;
  private volatile Metrics metrics = Metrics.NONE;

  /**
   * Checks the tokens with Slack and builds the Bolt app; {@link #start} connects it.
   *
   * @throws io.tandem.core.kernel.SetupFailure when Slack refuses a token or cannot be reached
   */
  public SlackAdapter(
      io.tandem.config.SlackConfig config, HttpConfig http, IntakeUseCase intake, Clock clock) {
    this.config = config;
    this.httpConfig = http;
    this.intake = java.util.Objects.requireNonNull(intake, "intake");
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
    // The SDK's own metrics call auth.test with every token it sees, the app token included.
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
    this.http = slack.getHttpClient();
    // Bolt's ctx.respond builds a new Gson for every answer; one shared instance saves most of the
    // CPU an answer costs.
    this.gson = GsonFactory.createSnakeCase(slackConfig);
    // Bolt calls auth.test below and blames the token for any failure, the network's included
    SlackTokenCheck tokens = new SlackTokenCheck(slack.methods(), config.apiUrl().toString());
    tokens.checkBotToken(config.botToken());
    if (config.mode() == io.tandem.config.SlackConfig.Mode.SOCKET) {
      tokens.checkAppToken(config.appToken());
    }
    this.app =
        new App(
            AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.signingSecret())
                .authTestCacheEnabled(true)
                .build());
    this.members =
        new SlackMembers(
            slack.methods(config.botToken()), new HashSet<>(config.adminUserIds()), clock);
    // after Bolt's own middleware (request verification): from here to the acknowledgement
    app.use(
        (request, response, chain) -> {
          long started = System.nanoTime();
          com.slack.api.bolt.response.Response ack = chain.next(request);
          metrics.acknowledged(
              Platform.SLACK,
              ackKind(request.getRequestType()),
              java.time.Duration.ofNanos(System.nanoTime() - started));
          return ack;
        });
    app.use(new SlackWorkspaceGuard(config, app.client()));
    app.command(COMMAND, (request, ctx) -> acceptCommand(request, request.getPayload(), ctx));
    app.blockAction(ANY, (request, ctx) -> acceptClick(request, request.getPayload(), ctx));
    app.viewSubmission(ANY, (request, ctx) -> submitForm(request, request.getPayload(), ctx));
    app.viewClosed(ANY, (request, ctx) -> formClosed(request, request.getPayload(), ctx));
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> homeOpened(payload.getEventId(), payload.getEvent(), ctx));
    app.event(
        UserChangeEvent.class,
        (payload, ctx) -> userChanged(payload.getEventId(), payload.getEvent(), ctx));
  }

  private static final Pattern ANY = Pattern.compile(".*");

  /** Reports how long each acknowledgement takes to {@code metrics}. */
  public SlackAdapter withMetrics(Metrics metrics) {
    this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  private static String ackKind(com.slack.api.bolt.request.RequestType type) {
    if (type == null) {
      return "other";
    }
    switch (type) {
      case Command:
        return "command";
      case BlockAction:
        return "action";
      case ViewSubmission:
        return "form";
      case ViewClosed:
        return "form_closed";
      case Event:
        return "event";
      default:
        return "other";
    }
  }

  /**
   * Connects over Socket Mode or starts the HTTP endpoint on a server of its own, as configured.
   */
  public void start() throws Exception {
    start(null);
  }

  /**
   * Connects over Socket Mode, or in HTTP mode serves {@code /slack/events} on {@code shared} (the
   * app's HTTP server), or on a server of its own when {@code shared} is {@code null}.
   */
  public void start(com.sun.net.httpserver.HttpServer shared) throws Exception {
    if (config.mode() == io.tandem.config.SlackConfig.Mode.SOCKET) {
      socketMode =
          new SocketModeApp(config.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
      socketMode.startAsync();
      SocketModeEnvelopeGuard.addFirst(app.config(), socketMode.getClient());
      LOG.info("Slack connected over Socket Mode");
    } else {
      httpServer =
          shared != null
              ? SlackHttpServer.attach(app, shared, config)
              : SlackHttpServer.start(app, httpConfig.bindAddress(), httpConfig.port(), config);
      LOG.info("Slack events endpoint listening on {}", httpServer.eventsUrl());
    }
  }

  /**
   * The Web API client with the bot token, for outbound delivery ({@link SlackChatPort}); shares
   * the adapter's HTTP client and API URL.
   */
  public com.slack.api.methods.MethodsClient methods() {
    return app.client();
  }

  /**
   * Whether Slack can reach Tandem now: in Socket Mode, the connection answers a ping (within 3
   * seconds, the client's limit); in HTTP mode, the events endpoint is being served. For readiness
   * probes; any thread.
   */
  public boolean connected() {
    SocketModeApp socket = socketMode;
    if (socket != null) {
      SocketModeClient client = socket.getClient();
      return client != null && client.verifyConnection();
    }
    return httpServer != null;
  }

  /** Where Slack should send events in HTTP mode; empty in Socket Mode. */
  public java.util.Optional<String> eventsUrl() {
    return java.util.Optional.ofNullable(httpServer).map(SlackHttpServer::eventsUrl);
  }

  private com.slack.api.bolt.response.Response acceptCommand(
      com.slack.api.bolt.request.Request<?> request,
      SlashCommandPayload payload,
      SlashCommandContext ctx) {
    return accept(
        ctx,
        request(
            deliveryKey(payload.getTriggerId(), request),
            InboundRequest.Kind.COMMAND,
            payload.getTeamId(),
            payload.getUserId(),
            payload.getUserName(),
            payload.getChannelId(),
            payload.getText(),
            null,
            Map.of(),
            payload.getResponseUrl()));
  }

  private com.slack.api.bolt.response.Response acceptClick(
      com.slack.api.bolt.request.Request<?> request,
      BlockActionPayload payload,
      ActionContext ctx) {
    // a button click carries exactly one action
    BlockActionPayload.Action action = payload.getActions().get(0);
    return accept(
        ctx,
        request(
            deliveryKey(payload.getTriggerId(), request),
            InboundRequest.Kind.CLICK,
            payload.getTeam().getId(),
            payload.getUser().getId(),
            payload.getUser().getName(),
            payload.getChannel() == null ? null : payload.getChannel().getId(),
            action.getActionId(),
            action.getValue(),
            Map.of(),
            payload.getResponseUrl()));
  }

  /**
   * Stores the request before the acknowledgement; a repeat is acknowledged and ignored, and while
   * Tandem stops the request gets HTTP 503 (Slack shows the person an error; nothing was taken).
   */
  private com.slack.api.bolt.response.Response accept(
      com.slack.api.bolt.context.Context ctx, InboundRequest request) {
    switch (intake.accept(request)) {
      case REFUSED:
        return stopping();
      default:
        // a repeat is acknowledged too; the intake logs that it ignored it
        return ctx.ack();
    }
  }

  private static com.slack.api.bolt.response.Response stopping() {
    return com.slack.api.bolt.response.Response.builder()
        .statusCode(503)
        .contentType("text/plain; charset=utf-8")
        .body("Tandem is restarting; try again in a minute.")
        .build();
  }

  /**
   * What Slack repeats when it sends the same request again: the {@code trigger_id} of the person's
   * action, or else (events carry their own id) a digest of the signed body and its timestamp,
   * which a replay repeats byte for byte.
   */
  private static String deliveryKey(
      String triggerId, com.slack.api.bolt.request.Request<?> request) {
    return triggerId != null && !triggerId.isBlank()
        ? "slack:t:" + triggerId
        : "slack:b:" + digest(request);
  }

  private static String digest(com.slack.api.bolt.request.Request<?> request) {
    String timestamp = request.getHeaders().getFirstValue("X-Slack-Request-Timestamp");
    String signed = timestamp + ":" + request.getRequestBodyAsString();
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Form submissions are answered in the acknowledgement itself, because only the acknowledgement
   * can keep the form open with errors or move it to its next page: the submission runs now and
   * commits before the acknowledgement (the core answers in milliseconds). A repeat gets the answer
   * the first one got, without a second effect.
   */
  private com.slack.api.bolt.response.Response submitForm(
      com.slack.api.bolt.request.Request<?> request,
      ViewSubmissionPayload payload,
      ViewSubmissionContext ctx) {
    try {
      Map<String, String> values = new LinkedHashMap<>();
      payload
          .getView()
          .getState()
          .getValues()
          .forEach(
              (blockId, actions) ->
                  actions.forEach(
                      (actionId, value) -> {
                        if (value.getValue() != null) {
                          values.put(actionId, value.getValue());
                        }
                      }));
      if (!intake.accepting()) {
        return stopping();
      }
      Optional<Reply> answer =
          intake.answerNow(
              request(
                  deliveryKey(payload.getTriggerId(), request),
                  InboundRequest.Kind.FORM,
                  payload.getTeam().getId(),
                  payload.getUser().getId(),
                  payload.getUser().getName(),
                  null,
                  payload.getView().getCallbackId(),
                  null,
                  values,
                  null));
      if (answer.isEmpty()) {
        return intake.accepting() ? ctx.ack() : stopping();
      }
      Reply reply = answer.get();
      if (reply.kind() == Reply.Kind.ERROR && !reply.inputErrors().isEmpty()) {
        return ctx.ackWithErrors(BlockKit.inputErrors(reply));
      }
      if (reply.form() != null) {
        return ctx.ackWithUpdate(BlockKit.modal(reply.form()));
      }
      return ctx.ackWithUpdate(BlockKit.resultModal(reply));
    } catch (Exception e) {
      LOG.error("Handling a form from {} failed", payload.getUser().getId(), e);
      return ctx.ackWithUpdate(
          BlockKit.resultModal(
              Reply.error(
                  "Something went wrong on our side and nothing was saved. Please try again.",
                  COMMAND + " help")));
    }
  }

  /**
   * A form was closed without submitting ({@code view_closed}, sent because {@link BlockKit#modal}
   * sets {@code notify_on_close}): stored, acknowledged, told to the core on a worker.
   */
  private com.slack.api.bolt.response.Response formClosed(
      com.slack.api.bolt.request.Request<?> request,
      ViewClosedPayload payload,
      DefaultContext ctx) {
    String formId = payload.getView() == null ? null : payload.getView().getCallbackId();
    if (formId == null || formId.isBlank()) {
      return ctx.ack();
    }
    return accept(
        ctx,
        request(
            "slack:b:" + digest(request),
            InboundRequest.Kind.FORM_CLOSED,
            payload.getTeam().getId(),
            payload.getUser().getId(),
            payload.getUser().getName(),
            null,
            formId,
            null,
            Map.of(),
            null));
  }

  /**
   * The Home tab was opened: the core queues the person's dashboard, which the outbox publishes
   * with {@code views.publish}. Only the home tab counts (not the Messages tab). Slack's retries of
   * the event carry the same {@code event_id}: they change nothing.
   */
  private com.slack.api.bolt.response.Response homeOpened(
      String eventId, AppHomeOpenedEvent event, EventContext ctx) {
    if (event.getTab() != null && !"home".equals(event.getTab())) {
      return ctx.ack();
    }
    return accept(
        ctx, event(eventId, InboundRequest.Kind.HOME_OPENED, ctx.getTeamId(), event.getUser()));
  }

  /** A Slack request as the intake stores it: Slack sends no time zone or admin flag with it. */
  private InboundRequest request(
      String deliveryKey,
      InboundRequest.Kind kind,
      String teamId,
      String userId,
      String userName,
      String channelId,
      String name,
      String value,
      Map<String, String> values,
      String responseUrl) {
    return new InboundRequest(
        Platform.SLACK,
        deliveryKey,
        kind,
        teamId,
        userId,
        userName,
        null,
        null,
        channelId,
        name,
        value,
        values,
        responseUrl,
        clock.instant());
  }

  private InboundRequest event(
      String eventId, InboundRequest.Kind kind, String teamId, String userId) {
    return request(
        "slack:e:" + eventId, kind, teamId, userId, null, null, null, null, Map.of(), null);
  }

  /**
   * A member's account changed ({@code user_change}): a deactivated account ({@code deleted}) is a
   * departure, any other change means the person is there (which clears a recorded departure, e.g.
   * after a reactivation). Stored, acknowledged, told to the core on a worker.
   */
  private com.slack.api.bolt.response.Response userChanged(
      String eventId, UserChangeEvent event, EventContext ctx) {
    com.slack.api.model.User user = event.getUser();
    if (user == null || user.getId() == null || user.isBot()) {
      return ctx.ack();
    }
    String teamId = ctx.getTeamId() != null ? ctx.getTeamId() : user.getTeamId();
    return accept(
        ctx,
        event(
            eventId,
            user.isDeleted()
                ? InboundRequest.Kind.MEMBER_LEFT
                : InboundRequest.Kind.MEMBER_RETURNED,
            teamId,
            user.getId()));
  }

  /** Answers what the intake ran: Slack's side of {@link AnswerPort}. */
  private final class Answers implements AnswerPort {
    @Override
    public Actor actor(InboundRequest request) {
      SlackMembers.Profile profile = members.profile(request.userId());
      return request.actor(profile.timeZone(), profile.admin(), profile.email());
    }

    @Override
    public boolean answer(InboundRequest request, Reply reply) {
      String triggerId =
          request.deliveryKey().startsWith("slack:t:")
              ? request.deliveryKey().substring("slack:t:".length())
              : null;
      if (reply.form() != null && triggerId != null && openForm(triggerId, reply.form())) {
        return true;
      }
      try {
        return respond(request.replyAddress(), toResponse(reply));
      } catch (IOException e) {
        LOG.warn("Answering at a response_url failed: {}", e.toString());
        return false;
      }
    }
  }

  /** Slack's {@link AnswerPort}, for the intake. */
  public AnswerPort answers() {
    return answers;
  }

  private boolean respond(String responseUrl, SlashCommandResponse response) throws IOException {
    try (okhttp3.Response posted = http.postJsonBody(responseUrl, gson.toJson(response))) {
      if (!posted.isSuccessful()) {
        LOG.warn("Slack refused an answer at its response_url: HTTP {}", posted.code());
      }
      return posted.isSuccessful();
    }
  }

  /** Opens a form with the trigger of the person's action; false when Slack refused. */
  private boolean openForm(String triggerId, Reply.Form form) {
    try {
      ViewsOpenResponse opened =
          app.client()
              .viewsOpen(
                  r -> r.token(config.botToken()).triggerId(triggerId).view(BlockKit.modal(form)));
      if (!opened.isOk()) {
        LOG.warn("views.open for form {} answered {}", form.formId(), opened.getError());
      }
      return opened.isOk();
    } catch (IOException | SlackApiException e) {
      LOG.warn("views.open for form {} failed: {}", form.formId(), e.getMessage());
      return false;
    }
  }

  static SlashCommandResponse toResponse(Reply reply) {
    return SlashCommandResponse.builder()
        .responseType(reply.isPrivate() ? "ephemeral" : "in_channel")
        .text(BlockKit.fallbackText(reply))
        .blocks(BlockKit.blocks(reply))
        .build();
  }

  /**
   * Stops taking requests: the Socket Mode connection closes (Slack keeps what it has not
   * delivered) and the HTTP endpoint answers 503 from now on, through the intake that refuses new
   * work. Requests already stored are the intake's to finish.
   */
  @Override
  public void close() throws Exception {
    if (socketMode != null) {
      socketMode.close();
    }
    if (httpServer != null) {
      httpServer.close();
    }
    app.stop();
    LOG.info("Slack adapter stopped");
  }
}
