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
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.HandleInteractionUseCase;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tandem on Slack: a Bolt app that turns {@code /tandem} into core invocations and renders each
 * {@link Reply} as Block Kit. It acknowledges every request at once and does the work afterwards on
 * its own worker pool, answering through the command's {@code response_url}; nothing slow runs
 * before the acknowledgement.
 */
public final class SlackAdapter implements AutoCloseable {

  /** The slash command Tandem registers (see {@code slack-app-manifest.yml}). */
  public static final String COMMAND = "/tandem";

  private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);

  /**
   * SQLite writes are serialised anyway, so more workers only compete for CPU with the threads that
   * send acknowledgements (measured: bench/results/ack-latency.md).
   */
  private static final int WORKERS = 4;

  private final io.tandem.config.SlackConfig config;
  private final HttpConfig httpConfig;
  private final SlackHttpClient http;
  private final Gson gson;
  private final HandleCommandUseCase commands;
  private final HandleInteractionUseCase interactions;
  private final App app;
  private final SlackMembers members;
  private final ExecutorService workers;
  private SocketModeApp socketMode;
  private SlackHttpServer httpServer;
  private volatile Metrics metrics = Metrics.NONE;
  private volatile HandleMembershipUseCase membership = HandleMembershipUseCase.NONE;

  public SlackAdapter(
      io.tandem.config.SlackConfig config,
      HttpConfig http,
      HandleCommandUseCase commands,
      HandleInteractionUseCase interactions,
      Clock clock) {
    this.config = config;
    this.httpConfig = http;
    this.commands = commands;
    this.interactions = interactions;
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
    // The SDK's own metrics call auth.test with every token it sees, the app token included.
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
    this.http = slack.getHttpClient();
    // Bolt's ctx.respond builds a new Gson for every answer; one shared instance saves most of the
    // CPU an answer costs.
    this.gson = GsonFactory.createSnakeCase(slackConfig);
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
    this.workers = Executors.newFixedThreadPool(WORKERS, workerThreads());
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
    app.command(COMMAND, (request, ctx) -> acceptCommand(request.getPayload(), ctx));
    app.blockAction(ANY, (request, ctx) -> acceptClick(request.getPayload(), ctx));
    app.viewSubmission(ANY, (request, ctx) -> submitForm(request.getPayload(), ctx));
    app.viewClosed(ANY, (request, ctx) -> formClosed(request.getPayload(), ctx));
    app.event(AppHomeOpenedEvent.class, (request, ctx) -> homeOpened(request.getEvent(), ctx));
    app.event(UserChangeEvent.class, (request, ctx) -> userChanged(request.getEvent(), ctx));
  }

  private static final Pattern ANY = Pattern.compile(".*");

  /** Reports how long each acknowledgement takes to {@code metrics}. */
  public SlackAdapter withMetrics(Metrics metrics) {
    this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  /**
   * Tells {@code membership} when people's accounts are deactivated or reactivated ({@code
   * user_change} events; the app must subscribe to them, see {@code slack-app-manifest.yml}).
   */
  public SlackAdapter withMembership(HandleMembershipUseCase membership) {
    this.membership = java.util.Objects.requireNonNull(membership, "membership");
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
      LOG.info("Slack connected over Socket Mode");
    } else {
      httpServer =
          shared != null
              ? SlackHttpServer.attach(app, shared)
              : SlackHttpServer.start(app, httpConfig.bindAddress(), httpConfig.port());
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

  /** Where Slack should send events in HTTP mode; empty in Socket Mode. */
  public java.util.Optional<String> eventsUrl() {
    return java.util.Optional.ofNullable(httpServer).map(SlackHttpServer::eventsUrl);
  }

  private com.slack.api.bolt.response.Response acceptCommand(
      SlashCommandPayload payload, SlashCommandContext ctx) {
    try {
      workers.execute(() -> answer(payload));
      return ctx.ack();
    } catch (RejectedExecutionException e) {
      return ctx.ack(
          r ->
              r.responseType("ephemeral")
                  .text(":warning: Tandem is shutting down; please try again in a minute."));
    }
  }

  private void answer(SlashCommandPayload payload) {
    try {
      Actor actor = actor(payload.getTeamId(), payload.getUserId(), payload.getUserName());
      Reply reply =
          commands.handle(new Invocation(actor, payload.getChannelId(), payload.getText()));
      if (reply.form() == null || !openForm(payload.getTriggerId(), reply.form())) {
        respond(payload.getResponseUrl(), toResponse(reply));
      }
    } catch (Exception e) {
      LOG.error("Answering {} from {} failed", COMMAND, payload.getUserId(), e);
    }
  }

  private com.slack.api.bolt.response.Response acceptClick(
      BlockActionPayload payload, ActionContext ctx) {
    try {
      workers.execute(() -> answerClick(payload));
    } catch (RejectedExecutionException e) {
      LOG.warn("Dropped a click from {} while shutting down", payload.getUser().getId());
    }
    return ctx.ack();
  }

  private void answerClick(BlockActionPayload payload) {
    try {
      Actor actor =
          actor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getName());
      String channelId = payload.getChannel() == null ? null : payload.getChannel().getId();
      for (BlockActionPayload.Action action : payload.getActions()) {
        Reply reply =
            interactions.clicked(actor, channelId, action.getActionId(), action.getValue());
        if (reply.form() != null && openForm(payload.getTriggerId(), reply.form())) {
          continue;
        }
        if (payload.getResponseUrl() != null) {
          respond(payload.getResponseUrl(), toResponse(reply));
        } else {
          app.client()
              .chatPostMessage(
                  r ->
                      r.token(config.botToken())
                          .channel(actor.userId())
                          .text(BlockKit.fallbackText(reply))
                          .blocks(BlockKit.blocks(reply)));
        }
      }
    } catch (Exception e) {
      LOG.error("Answering a click from {} failed", payload.getUser().getId(), e);
    }
  }

  /**
   * Form submissions are answered in the acknowledgement itself, because only the acknowledgement
   * can keep the form open with errors or move it to its next page; the core answers in
   * milliseconds.
   */
  private com.slack.api.bolt.response.Response submitForm(
      ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
    try {
      Actor actor =
          actor(payload.getTeam().getId(), payload.getUser().getId(), payload.getUser().getName());
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
      Reply reply = interactions.submitted(actor, null, payload.getView().getCallbackId(), values);
      if (reply.kind() == Reply.Kind.ERROR && !reply.inputErrors().isEmpty()) {
        return ctx.ackWithErrors(reply.inputErrors());
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
   * sets {@code notify_on_close}): acknowledged at once, told to the core on a worker.
   */
  private com.slack.api.bolt.response.Response formClosed(
      ViewClosedPayload payload, DefaultContext ctx) {
    String formId = payload.getView() == null ? null : payload.getView().getCallbackId();
    if (formId != null && !formId.isBlank()) {
      try {
        workers.execute(
            () -> {
              try {
                interactions.formClosed(
                    actor(
                        payload.getTeam().getId(),
                        payload.getUser().getId(),
                        payload.getUser().getName()),
                    formId);
              } catch (RuntimeException e) {
                LOG.error("Recording a closed form of {} failed", payload.getUser().getId(), e);
              }
            });
      } catch (RejectedExecutionException e) {
        LOG.warn("Dropped a closed form of {} while shutting down", payload.getUser().getId());
      }
    }
    return ctx.ack();
  }

  /**
   * The Home tab was opened: the core queues the person's dashboard, which the outbox publishes
   * with {@code views.publish}. Only the home tab counts (not the Messages tab).
   */
  private com.slack.api.bolt.response.Response homeOpened(
      AppHomeOpenedEvent event, EventContext ctx) {
    if (event.getTab() == null || "home".equals(event.getTab())) {
      try {
        workers.execute(
            () -> {
              try {
                interactions.homeOpened(actor(ctx.getTeamId(), event.getUser(), null));
              } catch (RuntimeException e) {
                LOG.error("Publishing the home of {} failed", event.getUser(), e);
              }
            });
      } catch (RejectedExecutionException e) {
        LOG.warn("Dropped a home opening by {} while shutting down", event.getUser());
      }
    }
    return ctx.ack();
  }

  /**
   * A member's account changed ({@code user_change}): a deactivated account ({@code deleted}) is a
   * departure, any other change means the person is there (which clears a recorded departure, e.g.
   * after a reactivation). Acknowledged at once, told to the core on a worker.
   */
  private com.slack.api.bolt.response.Response userChanged(
      UserChangeEvent event, EventContext ctx) {
    com.slack.api.model.User user = event.getUser();
    if (user != null && user.getId() != null && !user.isBot()) {
      String teamId = ctx.getTeamId() != null ? ctx.getTeamId() : user.getTeamId();
      boolean left = user.isDeleted();
      try {
        workers.execute(
            () -> {
              if (left) {
                membership.memberLeft(Platform.SLACK, teamId, user.getId());
              } else {
                membership.memberReturned(Platform.SLACK, teamId, user.getId());
              }
            });
      } catch (RejectedExecutionException e) {
        LOG.warn("Dropped a change of user {} while shutting down", user.getId());
      }
    }
    return ctx.ack();
  }

  private void respond(String responseUrl, SlashCommandResponse response) throws IOException {
    try (okhttp3.Response posted = http.postJsonBody(responseUrl, gson.toJson(response))) {
      if (!posted.isSuccessful()) {
        LOG.warn("Slack refused an answer at its response_url: HTTP {}", posted.code());
      }
    }
  }

  private Actor actor(String teamId, String userId, String userName) {
    SlackMembers.Profile profile = members.profile(userId);
    return new Actor(
        Platform.SLACK,
        teamId,
        userId,
        userName,
        profile.timeZone(),
        profile.admin(),
        profile.email());
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

  @Override
  public void close() throws Exception {
    if (socketMode != null) {
      socketMode.close();
    }
    if (httpServer != null) {
      httpServer.close();
    }
    workers.shutdown();
    if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
      workers.shutdownNow();
    }
    app.stop();
  }

  private static java.util.concurrent.ThreadFactory workerThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "tandem-slack-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
