package io.tandem.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.json.GsonFactory;
import io.tandem.config.HttpConfig;
import io.tandem.core.port.in.IntakeUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.AnswerPort;
import io.tandem.core.port.out.Metrics;
import java.time.Clock;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem on Slack: a Bolt app that turns {@code /tandem} into core invocations ({@link
 * SlackInbound}) and renders each {@link Reply} as Block Kit ({@link SlackAnswers}). It stores
 * every request through the {@link IntakeUseCase} before it acknowledges it, and the intake does
 * the work afterwards and answers through {@link #answers()} (the {@code response_url}); nothing
 * slow runs before the acknowledgement. Only a form submission runs before its acknowledgement,
 * because its answer is the acknowledgement.
 */
public final class SlackAdapter implements AutoCloseable {

  /** The slash command Tandem registers (see {@code slack-app-manifest.yml}). */
  public static final String COMMAND = "/tandem";

  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

  private final io.tandem.config.SlackConfig config;
  private final HttpConfig httpConfig;
  private final App app;
  private final SlackMembers members;
  private final AnswerPort answers;
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
    java.util.Objects.requireNonNull(intake, "intake");
    java.util.Objects.requireNonNull(clock, "clock");
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
    // The SDK's own metrics call auth.test with every token it sees, the app token included.
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
    // Bolt's ctx.respond builds a new Gson for every answer; one shared instance saves most of the
    // CPU an answer costs.
    Gson gson = GsonFactory.createSnakeCase(slackConfig);
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
                // SlackHttpServer checks every request's signature and age on its raw bytes
                // before Bolt sees it (Socket Mode needs none): Bolt's second check formatted and
                // hashed it again, 16 of the 220 KB a /tandem log allocated on its way to the ack
                .requestVerificationEnabled(false)
                .build());
    this.members =
        new SlackMembers(
            slack.methods(config.botToken()), new HashSet<>(config.adminUserIds()), clock);
    // from here to the acknowledgement
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
    new SlackInbound(intake, clock).register(app);
    this.answers =
        new SlackAnswers(members, slack.getHttpClient(), gson, app.client(), config.botToken());
  }

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

  /** Slack's {@link AnswerPort}, for the intake. */
  public AnswerPort answers() {
    return answers;
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
