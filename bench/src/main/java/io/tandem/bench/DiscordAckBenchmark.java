package io.tandem.bench;

import io.tandem.app.Tandem;
import io.tandem.config.DatabaseConfig;
import io.tandem.config.DiscordConfig;
import io.tandem.config.HttpConfig;
import io.tandem.config.SlackConfig;
import io.tandem.config.TandemConfig;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.StoreStats;
import io.tandem.simulator.discord.DiscordMessage;
import io.tandem.simulator.discord.DiscordSimulator;
import io.tandem.simulator.discord.DiscordUser;
import io.tandem.simulator.discord.InteractionCallback;
import io.tandem.simulator.discord.InteractionResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord: {@code /tandem log duration:45m topic:Instagram reels} interactions dispatched over the
 * gateway, timed until the bot's interaction callback reaches the simulator's REST API, and until
 * the answer is shown. One side per process ({@link AckSide}), each with a simulator of its own:
 * Tandem's DiscordBot (which answers a quick command like this one in its callback, and defers and
 * edits the answer in later when it finds no turn), or a bare JDA bot that replies "ok".
 */
final class DiscordAckBenchmark {

  static final String LOG_COMMAND = "/tandem log duration:45m topic:Instagram reels";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private DiscordAckBenchmark() {}

  static final String TITLE = "Discord: " + LOG_COMMAND + " -> interaction callback";
  static final String MEASURES =
      "from the scheduled dispatch time to the bot's interaction callback reaching the"
          + " simulator's REST API";

  /** Tandem's DiscordBot alone, with every person joined first. */
  static AckSide.Result tandemSide(AckLatencyOptions options, Path workDir) throws Exception {
    try (DiscordSimulator discord = DiscordSimulator.start()) {
      // people created before the bot connects are part of the guild it receives
      List<DiscordUser> people = people(discord, options.users());
      ExecutorService waiters =
          Executors.newCachedThreadPool(SlackAckBenchmark.daemonThreads("bench-wait"));
      try (Tandem tandem = Tandem.start(config(discord, workDir), Clock.systemUTC())) {
        enrol(tandem, discord, people);
        List<InteractionResult> logs = new ArrayList<>();
        Latencies acks = new Latencies("Tandem");
        Latencies answers = new Latencies("Tandem answer");
        Interactions toTandem = new Interactions(people, waiters, logs, answers, options);
        InterleavedLoad.Schedule schedule = load(toTandem, acks, options);
        return new AckSide.Result(acks, answers, schedule, verification(logs, tandem));
      } finally {
        waiters.shutdownNow();
      }
    }
  }

  /** The bare JDA bot alone; it answers in its callback. */
  static AckSide.Result baselineSide(AckLatencyOptions options) throws Exception {
    try (DiscordSimulator discord = DiscordSimulator.start()) {
      List<DiscordUser> people = people(discord, options.users());
      ExecutorService waiters =
          Executors.newCachedThreadPool(SlackAckBenchmark.daemonThreads("bench-wait"));
      try (BareJdaBot bare = BareJdaBot.start(discord, TIMEOUT)) {
        Latencies acks = new Latencies("bare JDA");
        Latencies answers = new Latencies("bare JDA answer");
        Interactions toBare =
            new Interactions(people, waiters, new ArrayList<>(), answers, options);
        InterleavedLoad.Schedule schedule = load(toBare, acks, options);
        return new AckSide.Result(acks, answers, schedule, Map.of());
      } finally {
        waiters.shutdownNow();
      }
    }
  }

  private static InterleavedLoad.Schedule load(
      Interactions target, Latencies acks, AckLatencyOptions options) throws InterruptedException {
    System.out.printf(
        "Discord, %s: %d/s, %d s warm-up + %d s measured ...%n",
        acks.name(),
        options.discordRate(),
        options.discordWarmupSeconds(),
        options.discordSeconds());
    return InterleavedLoad.steady(
        target,
        acks,
        options.discordRate(),
        options.discordWarmupSeconds(),
        options.discordSeconds());
  }

  private static void enrol(Tandem tandem, DiscordSimulator discord, List<DiscordUser> people) {
    for (DiscordUser person : people) {
      String answer = Enrolment.mentee(tandem, Platform.DISCORD, discord.guildId(), person.id());
      if (person == people.get(0)) {
        System.out.println(
            "Discord: first enrolment answered: " + SlackAckBenchmark.firstLine(answer));
      }
    }
  }

  static Map<String, Object> parameters(AckLatencyOptions options) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rate per second, per side", options.discordRate());
    parameters.put("measured seconds per side", options.discordSeconds());
    parameters.put("warm-up seconds per process", options.discordWarmupSeconds());
    parameters.put("people (joined as mentees first)", options.users());
    parameters.put("command", LOG_COMMAND);
    return parameters;
  }

  /** Checks Tandem did the work: each log was answered, in its callback or edited in later. */
  private static Map<String, Object> verification(
      List<InteractionResult> tandemLogs, Tandem tandem) {
    long logged = 0;
    long answered = 0;
    long deferred = 0;
    long inCallback = 0;
    for (InteractionResult log : tandemLogs) {
      try {
        InteractionCallback callback = log.awaitCallback(TIMEOUT);
        if (callback.deferred()) {
          deferred++;
        } else if (callback.type() == InteractionCallback.CHANNEL_MESSAGE) {
          inCallback++;
        }
        DiscordMessage reply = log.awaitReply(TIMEOUT);
        answered++;
        if (reply.render().contains("Logged")) {
          logged++;
        }
      } catch (AssertionError missing) {
        // counted as not answered
      }
    }
    Map<String, Object> verification = new LinkedHashMap<>();
    verification.put("log interactions sent to Tandem (incl. warm-up)", tandemLogs.size());
    verification.put("answered in the callback (type 4)", inCallback);
    verification.put("deferred callbacks (type 5)", deferred);
    verification.put("answers shown", answered);
    verification.put("answers saying 'Logged'", logged);
    verification.put(
        "mentoring_session rows", StoreStats.count(tandem.database(), "mentoring_session"));
    return verification;
  }

  private static List<DiscordUser> people(DiscordSimulator discord, int count) {
    List<DiscordUser> people = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      people.add(discord.user(String.format("person%03d", i)));
    }
    return people;
  }

  private static TandemConfig config(DiscordSimulator discord, Path workDir) {
    return new TandemConfig(
        new DatabaseConfig(
            DatabaseConfig.SQLITE_PREFIX + workDir.resolve("discord-bench.db"),
            null,
            null,
            DatabaseConfig.DEFAULT_POOL_SIZE),
        SlackConfig.notConfigured(),
        new DiscordConfig(
            discord.botToken(),
            discord.applicationId(),
            List.of(discord.guildId()),
            discord.restUrl(),
            discord.gatewayUrl(),
            discord.adminRoleName()),
        new HttpConfig(HttpConfig.DEFAULT_BIND_ADDRESS, 0));
  }

  /**
   * Dispatches the log command as the next person. The dispatch itself runs on the sender's thread
   * (it is the gateway write); the callback is awaited on a waiter thread, and its arrival is the
   * simulator's own measurement (dispatch to callback) added to when dispatch began. A callback
   * that carries the message (type 4) is the answer, at the same instant; after a deferral the same
   * waiter waits for the message the person sees (the answer edited in) and records it in {@code
   * answers}, from the dispatch.
   */
  private static final class Interactions implements InterleavedLoad.Target {
    private final List<DiscordUser> people;
    private final ExecutorService waiters;
    private final List<InteractionResult> sent;
    private final Latencies answers;
    private final long warmupCount;
    private final AtomicLong sequence = new AtomicLong();

    Interactions(
        List<DiscordUser> people,
        ExecutorService waiters,
        List<InteractionResult> sent,
        Latencies answers,
        AckLatencyOptions options) {
      this.people = people;
      this.waiters = waiters;
      this.sent = sent;
      this.answers = answers;
      this.warmupCount = (long) options.discordWarmupSeconds() * options.discordRate();
    }

    @Override
    public CompletableFuture<Long> send() {
      long n = sequence.incrementAndGet();
      DiscordUser person = people.get((int) (n % people.size()));
      boolean measured = n > warmupCount;
      long dispatching = System.nanoTime();
      InteractionResult interaction = person.runs(LOG_COMMAND);
      synchronized (sent) {
        sent.add(interaction);
      }
      answers.sent(measured);
      return CompletableFuture.supplyAsync(
          () -> {
            InteractionCallback initial = interaction.awaitCallback(TIMEOUT);
            long callback = dispatching + initial.latency().toNanos();
            try {
              interaction.awaitReply(TIMEOUT);
              answers.answered(
                  measured,
                  (initial.type() == InteractionCallback.CHANNEL_MESSAGE
                          ? callback
                          : System.nanoTime())
                      - dispatching);
            } catch (AssertionError missing) {
              answers.failed(measured, missing);
            }
            return callback;
          },
          waiters);
    }
  }
}
