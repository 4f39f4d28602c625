package io.tandem.bench;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.json.GsonFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tandem.config.SlackConfig;
import io.tandem.slack.SlackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The throughput run's ceiling: a bare Bolt app served as {@code tandem run} serves Slack in HTTP
 * mode (Tandem's {@link SlackHttpServer} endpoint attached to a JDK HTTP server with 16 threads and
 * a backlog of 256, as the app's web server; the same Bolt configuration, signing secret and
 * signature checks) in a JVM of its own with the launcher's JVM options, doing no database work. A
 * slash command is answered in its acknowledgement with a short text; a button click is
 * acknowledged and answered at its {@code response_url} from 8 worker threads through Bolt's HTTP
 * client with one shared Gson, as Tandem answers clicks. Its highest rate is what HTTP, signature
 * checks and Bolt leave on this machine before any database work.
 *
 * <p>In the child: {@code tandem-bench.jar ceiling-bolt --port P --api-url URL --bot-token T
 * --signing-secret S}; it serves until it is stopped, and answers {@code GET /health/ready}.
 */
final class CeilingBolt {

  private static final int HTTP_THREADS = 16;
  private static final int ANSWER_THREADS = 8;

  private CeilingBolt() {}

  /** Starts the ceiling in a child JVM on a free port; returns it once it answers. */
  static ChildProcess start(
      String botToken, String apiUrl, String signingSecret, Path dir, List<URI> eventsUrl)
      throws Exception {
    int port = IntakeBenchmark.freePort();
    List<String> jvmOptions =
        new ArrayList<>(List.of(ChildProcess.launcherJvmOptions().strip().split("\\s+")));
    // `tandem run` sets this itself before its server starts; so does this jar's Main
    jvmOptions.add("-Dsun.net.httpserver.nodelay=true");
    ChildProcess child =
        ChildProcess.start(
            System.getProperty("java.class.path"),
            Main.class.getName(),
            jvmOptions,
            dir.resolve("ceiling-bolt.log"),
            "ceiling-bolt",
            "--port",
            Integer.toString(port),
            "--api-url",
            apiUrl,
            "--bot-token",
            botToken,
            "--signing-secret",
            signingSecret);
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    child.awaitReady(base.resolve("/health/ready"), java.time.Duration.ofSeconds(120));
    eventsUrl.add(base.resolve("/slack/events"));
    return child;
  }

  /** The child's entry point. */
  static int main(List<String> args) throws Exception {
    Map<String, String> o = BenchArgs.pairs(args);
    SlackConfig config =
        new SlackConfig(
            SlackConfig.Mode.HTTP,
            o.get("--bot-token"),
            null,
            o.get("--signing-secret"),
            URI.create(o.get("--api-url")),
            List.of());
    com.slack.api.SlackConfig slackConfig = new com.slack.api.SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
    Slack client = Slack.getInstance(slackConfig);
    App app =
        new App(
            AppConfig.builder()
                .slack(client)
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.signingSecret())
                .authTestCacheEnabled(true)
                .build());
    ExecutorService answers =
        Executors.newFixedThreadPool(ANSWER_THREADS, SlackAckBenchmark.daemonThreads("answer"));
    Gson gson = GsonFactory.createSnakeCase(slackConfig);
    app.command("/tandem", (request, ctx) -> ctx.ack(answer()));
    app.blockAction(
        "command",
        (request, ctx) -> {
          String url = request.getPayload().getResponseUrl();
          answers.execute(() -> post(client, gson, url));
          return ctx.ack();
        });
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress("127.0.0.1", Integer.parseInt(o.get("--port"))), 256);
    server.setExecutor(
        Executors.newFixedThreadPool(HTTP_THREADS, SlackAckBenchmark.daemonThreads("http")));
    server.createContext("/health/ready", CeilingBolt::ready);
    SlackHttpServer.attach(app, server, config);
    server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
    stopped.await();
    return 0;
  }

  /** A short answer with no database behind it. */
  private static SlashCommandResponse answer() {
    return SlashCommandResponse.builder().responseType("ephemeral").text("Noted.").build();
  }

  private static void post(Slack client, Gson gson, String responseUrl) {
    try {
      client.getHttpClient().postJsonBody(responseUrl, gson.toJson(answer())).close();
    } catch (IOException | RuntimeException e) {
      // an answer lost here shows as unanswered in the step that sent it
    }
  }

  private static void ready(HttpExchange exchange) throws IOException {
    byte[] body = "ready".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
