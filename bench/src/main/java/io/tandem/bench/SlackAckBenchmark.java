package io.tandem.bench;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.json.GsonFactory;
import io.tandem.app.Tandem;
import io.tandem.config.DatabaseConfig;
import io.tandem.config.DiscordConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.StoreStats;
import io.tandem.simulator.slack.ResponseMessage;
import io.tandem.simulator.slack.SimulatedUser;
import io.tandem.simulator.slack.SlackSimulator;
import io.tandem.slack.SlackHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack over HTTP: signed {@code /tandem log 45m Instagram reels} commands to Tandem's events URL
 * or to a bare Bolt app that only acks, one side per process ({@link AckSide}), both served by the
 * same {@link SlackHttpServer} code with the same signing secret and {@code
 * authTestCacheEnabled(true)}. Tandem runs exactly as {@code tandem run} would in HTTP mode, on a
 * fresh SQLite file, with every simulated person joined as a mentee first, so each logged command
 * writes a session and a signal and is answered in its acknowledgement.
 */
final class SlackAckBenchmark {

  static final String SIGNING_SECRET = "bench-signing-secret";
  static final String LOG_COMMAND = "/tandem log 45m Instagram reels";
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration WORK_TIMEOUT = Duration.ofSeconds(120);

  private SlackAckBenchmark() {}

  static final String TITLE = "Slack HTTP: " + LOG_COMMAND + " -> ack";
  static final String MEASURES =
      "from the scheduled send time to the HTTP response (the ack) arriving at the sender";

  /** Tandem alone, as {@code tandem run} in HTTP mode, with every person joined first. */
  static AckSide.Result tandemSide(AckLatencyOptions options, Path workDir) throws Exception {
    try (SlackSimulator slack =
            SlackSimulator.start("xoxb-bench-bot-token", "xapp-bench-app-token");
        Tandem tandem = Tandem.start(config(slack, workDir), Clock.systemUTC())) {
      URI tandemUrl = URI.create(tandem.slack().orElseThrow().eventsUrl().orElseThrow());
      List<SimulatedUser> people = joinEveryone(tandem, slack, options.users());
      ExecutorService clientThreads = Executors.newCachedThreadPool(daemonThreads("bench-http"));
      SignedSlashCommands toTandem =
          new SignedSlashCommands(
              httpClient(clientThreads),
              List.of(tandemUrl),
              SIGNING_SECRET,
              slack,
              people,
              LOG_COMMAND,
              "BT");
      Latencies acks = new Latencies("Tandem");
      InterleavedLoad.Schedule schedule = load(toTandem, acks, options, clientThreads);

      // now check it did the work: one answer per command, in the ack or at the response_url
      long expected = toTandem.sent();
      List<ResponseMessage> answers = awaitAnswers(toTandem, expected);
      long logged = answers.stream().filter(a -> a.readableText().contains("Logged")).count();
      return new AckSide.Result(
          acks,
          fullAnswers(answers, toTandem, options),
          schedule,
          verification(expected, answers.size(), logged, tandem));
    }
  }

  /** The bare Bolt app alone; it answers in its ack. */
  static AckSide.Result baselineSide(AckLatencyOptions options) throws Exception {
    try (SlackSimulator slack =
            SlackSimulator.start("xoxb-bench-bot-token", "xapp-bench-app-token");
        BareBolt baseline = BareBolt.start(slack, options.slackBaseline())) {
      List<SimulatedUser> people = new ArrayList<>();
      for (int i = 1; i <= options.users(); i++) {
        people.add(slack.user(String.format("person%03d", i)));
      }
      ExecutorService clientThreads = Executors.newCachedThreadPool(daemonThreads("bench-http"));
      SignedSlashCommands toBaseline =
          new SignedSlashCommands(
              httpClient(clientThreads),
              List.of(baseline.eventsUrl()),
              SIGNING_SECRET,
              slack,
              people,
              LOG_COMMAND,
              "BB");
      Latencies acks = new Latencies(options.slackBaseline().label());
      InterleavedLoad.Schedule schedule = load(toBaseline, acks, options, clientThreads);
      return new AckSide.Result(acks, acks, schedule, Map.of());
    }
  }

  private static InterleavedLoad.Schedule load(
      SignedSlashCommands target,
      Latencies acks,
      AckLatencyOptions options,
      ExecutorService clientThreads)
      throws InterruptedException {
    System.out.printf(
        "Slack, %s: %d/s, %d s warm-up + %d s measured ...%n",
        acks.name(), options.rate(), options.warmupSeconds(), options.seconds());
    try {
      return InterleavedLoad.steady(
          target, acks, options.rate(), options.warmupSeconds(), options.seconds());
    } finally {
      clientThreads.shutdown();
    }
  }

  private static HttpClient httpClient(ExecutorService clientThreads) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .executor(clientThreads)
        .connectTimeout(SignedSlashCommands.ACK_TIMEOUT)
        .build();
  }

  /** Time from each measured command's send to its answer, in the ack or at the response_url. */
  private static Latencies fullAnswers(
      List<ResponseMessage> answers, SignedSlashCommands toTandem, AckLatencyOptions options) {
    long warmupCount = (long) options.warmupSeconds() * options.rate();
    Latencies fullAnswers = new Latencies("Tandem answer (in the ack or via response_url)");
    Map<String, Instant> sentAt = toTandem.sentAt();
    for (ResponseMessage answer : answers) {
      long n =
          Long.parseLong(answer.responseUrlId().substring(toTandem.responseUrlPrefix().length()));
      boolean measured = n > warmupCount;
      fullAnswers.sent(measured);
      fullAnswers.answered(
          measured, Duration.between(sentAt.get(answer.responseUrlId()), answer.time()).toNanos());
    }
    return fullAnswers;
  }

  /** This shows Tandem did the work: one answer per command. */
  private static Map<String, Object> verification(
      long expected, int answers, long logged, Tandem tandem) {
    Map<String, Object> verification = new LinkedHashMap<>();
    verification.put("log commands sent to Tandem (incl. warm-up)", expected);
    verification.put("answers received (in the ack or at the response_url)", answers);
    verification.put("answers saying 'Logged'", logged);
    verification.put(
        "mentoring_session rows", StoreStats.count(tandem.database(), "mentoring_session"));
    verification.put("signal rows", StoreStats.count(tandem.database(), "signal"));
    return verification;
  }

  static Map<String, Object> parameters(AckLatencyOptions options) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rate per second, per side", options.rate());
    parameters.put("measured seconds per side", options.seconds());
    parameters.put("warm-up seconds per process", options.warmupSeconds());
    parameters.put("people (joined as mentees first)", options.users());
    parameters.put("command", LOG_COMMAND);
    parameters.put("baseline", options.slackBaseline().label());
    return parameters;
  }

  /** Slack over HTTP against the simulator, signed with {@link #SIGNING_SECRET}. */
  private static SlackConfig slackConfig(SlackSimulator slack) {
    return new SlackConfig(
        SlackConfig.Mode.HTTP,
        slack.botToken(),
        null,
        SIGNING_SECRET,
        URI.create(slack.apiUrl()),
        List.of());
  }

  private static TandemConfig config(SlackSimulator slack, Path workDir) {
    return new TandemConfig(
        new DatabaseConfig(
            DatabaseConfig.SQLITE_PREFIX + workDir.resolve("slack-bench.db"),
            null,
            null,
            DatabaseConfig.DEFAULT_POOL_SIZE),
        slackConfig(slack),
        DiscordConfig.notConfigured(),
        new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
  }

  /** Enrols each person as a mentee with a complete profile. */
  private static List<SimulatedUser> joinEveryone(Tandem tandem, SlackSimulator slack, int count) {
    List<SimulatedUser> people = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      SimulatedUser user = slack.user(String.format("person%03d", i));
      String answer = Enrolment.mentee(tandem, Platform.SLACK, slack.teamId(), user.id());
      if (i == 1) {
        System.out.println("Slack: first enrolment answered: " + firstLine(answer));
      }
      people.add(user);
    }
    return people;
  }

  private static List<ResponseMessage> awaitAnswers(SignedSlashCommands target, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + WORK_TIMEOUT.toNanos();
    while (true) {
      List<ResponseMessage> answers = target.answers();
      if (answers.size() >= expected || System.nanoTime() > deadline) {
        return answers;
      }
      Thread.sleep(200);
    }
  }

  static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * The Slack baseline. {@link #ACK} is the real one; the others are diagnostics that ack and then,
   * on 8 worker threads like Tandem's, post a Block Kit answer to the response_url without any
   * database work: through Bolt's {@code ctx.respond} (which builds a new Gson per call) or with
   * one shared Gson.
   */
  enum Baseline {
    ACK("bare Bolt"),
    ACK_RESPOND("bare Bolt + ctx.respond"),
    ACK_RESPOND_SHARED_GSON("bare Bolt + respond, shared Gson");

    private final String label;

    Baseline(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }

    static SlashCommandResponse answer() {
      return SlashCommandResponse.builder()
          .responseType("ephemeral")
          .text("Logged 45 min on Instagram reels.")
          .blocks(
              List.of(
                  section(s -> s.text(markdownText("Logged *45 min* on Instagram reels."))),
                  section(
                      s ->
                          s.fields(
                              List.of(
                                  markdownText("*Sessions so far*\n12"),
                                  markdownText("*Total time*\n9 h"))))))
          .build();
    }
  }

  /** The baseline: a Bolt app that acks {@code /tandem} and does nothing else. */
  static final class BareBolt implements AutoCloseable {
    private final App app;
    private final SlackHttpServer server;
    private final ExecutorService workers;

    private BareBolt(App app, SlackHttpServer server, ExecutorService workers) {
      this.app = app;
      this.server = server;
      this.workers = workers;
    }

    static BareBolt start(SlackSimulator slack, Baseline kind) throws Exception {
      com.slack.api.SlackConfig slackConfig = new com.slack.api.SlackConfig();
      slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
      Slack client = Slack.getInstance(slackConfig);
      App app =
          new App(
              AppConfig.builder()
                  .slack(client)
                  .singleTeamBotToken(slack.botToken())
                  .signingSecret(SIGNING_SECRET)
                  .authTestCacheEnabled(true)
                  .build());
      ExecutorService workers =
          kind == Baseline.ACK
              ? null
              : Executors.newFixedThreadPool(8, daemonThreads("bare-respond"));
      Gson sharedGson = GsonFactory.createSnakeCase(slackConfig);
      app.command(
          "/tandem",
          (request, ctx) -> {
            if (workers != null) {
              String url = request.getPayload().getResponseUrl();
              workers.execute(
                  () -> {
                    try {
                      if (kind == Baseline.ACK_RESPOND) {
                        ctx.respond(Baseline.answer());
                      } else {
                        client
                            .getHttpClient()
                            .postJsonBody(url, sharedGson.toJson(Baseline.answer()))
                            .close();
                      }
                    } catch (Exception e) {
                      // the diagnostic baselines' answers are not checked
                    }
                  });
            }
            return ctx.ack();
          });
      return new BareBolt(
          app,
          SlackHttpServer.start(app, HttpConfig.DEFAULT_BIND_ADDRESS, 0, slackConfig(slack)),
          workers);
    }

    URI eventsUrl() {
      return URI.create(server.eventsUrl());
    }

    @Override
    public void close() throws Exception {
      server.close();
      if (workers != null) {
        workers.shutdownNow();
      }
      app.stop();
    }
  }
}
