package io.tandem.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.tandem.config.HttpConfig;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.HandleCommandUseCase;
import io.tandem.core.port.in.Invocation;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import java.time.Clock;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  private static final int WORKERS = 8;

  private final io.tandem.config.SlackConfig config;
  private final HttpConfig http;
  private final HandleCommandUseCase commands;
  private final App app;
  private final SlackMembers members;
  private final ExecutorService workers;
  private SocketModeApp socketMode;
  private SlackHttpServer httpServer;

  public SlackAdapter(
      io.tandem.config.SlackConfig config,
      HttpConfig http,
      HandleCommandUseCase commands,
      Clock clock) {
    this.config = config;
    this.http = http;
    this.commands = commands;
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
    // The SDK's own metrics call auth.test with every token it sees, the app token included.
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
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
    app.command(COMMAND, (request, ctx) -> acceptCommand(request.getPayload(), ctx));
  }

  /** Connects over Socket Mode or starts the HTTP endpoint, as configured. */
  public void start() throws Exception {
    if (config.mode() == io.tandem.config.SlackConfig.Mode.SOCKET) {
      socketMode =
          new SocketModeApp(config.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
      socketMode.startAsync();
      LOG.info("Slack connected over Socket Mode");
    } else {
      httpServer = SlackHttpServer.start(app, http.bindAddress(), http.port());
      LOG.info("Slack events endpoint listening on {}", httpServer.eventsUrl());
    }
  }

  /** Where Slack should send events in HTTP mode; empty in Socket Mode. */
  public java.util.Optional<String> eventsUrl() {
    return java.util.Optional.ofNullable(httpServer).map(SlackHttpServer::eventsUrl);
  }

  private com.slack.api.bolt.response.Response acceptCommand(
      SlashCommandPayload payload, SlashCommandContext ctx) {
    try {
      workers.execute(() -> answer(payload, ctx));
      return ctx.ack();
    } catch (RejectedExecutionException e) {
      return ctx.ack(
          r ->
              r.responseType("ephemeral")
                  .text(":warning: Tandem is shutting down; please try again in a minute."));
    }
  }

  private void answer(SlashCommandPayload payload, SlashCommandContext ctx) {
    try {
      SlackMembers.Profile profile = members.profile(payload.getUserId());
      Actor actor =
          new Actor(
              Platform.SLACK,
              payload.getTeamId(),
              payload.getUserId(),
              payload.getUserName(),
              profile.timeZone(),
              profile.admin());
      Reply reply =
          commands.handle(new Invocation(actor, payload.getChannelId(), payload.getText()));
      ctx.respond(toResponse(reply));
    } catch (Exception e) {
      LOG.error("Answering {} from {} failed", COMMAND, payload.getUserId(), e);
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
