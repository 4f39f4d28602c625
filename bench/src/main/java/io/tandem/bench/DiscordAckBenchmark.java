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
 * gateway, timed until the bot's interaction callback reaches the simulator's REST API. Tandem's
 * DiscordBot (which defers at once and edits the answer in later) runs against one simulator and a
 * bare JDA bot that replies "ok" against another, because a simulator dispatches every interaction
 * to every connected bot.
 */
final class DiscordAckBenchmark {

  static final String LOG_COMMAND = "/tandem log duration:45m topic:Instagram reels";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private DiscordAckBenchmark() {}

  static PartResult run(AckLatencyOptions options, Path workDir) throws Exception {
    try (DiscordSimulator tandemDiscord = DiscordSimulator.start();
        DiscordSimulator bareDiscord = DiscordSimulator.start()) {
      // people created before the bots connect are part of the guild the bots receive
      List<DiscordUser> tandemPeople = people(tandemDiscord, options.users());
      List<DiscordUser> barePeople = people(bareDiscord, options.users());
      ExecutorService waiters =
          Executors.newCachedThreadPool(SlackAckBenchmark.daemonThreads("bench-wait"));
      try (Tandem tandem = Tandem.start(config(tandemDiscord, workDir), Clock.systemUTC());
          BareJdaBot bare = BareJdaBot.start(bareDiscord, TIMEOUT)) {
        enrol(tandem, tandemDiscord, tandemPeople);
        List<InteractionResult> tandemLogs = new ArrayList<>();
        Interactions toTandem = new Interactions(tandemPeople, waiters, tandemLogs);
        Interactions toBare = new Interactions(barePeople, waiters, new ArrayList<>());
        Latencies tandemAcks = new Latencies("Tandem");
        Latencies bareAcks = new Latencies("bare JDA");
        System.out.printf(
            "Discord: %d/s per side, %d s warm-up + %d s measured per side, interleaved ...%n",
            options.discordRate(), options.discordWarmupSeconds(), options.discordSeconds());
        InterleavedLoad.Schedule schedule =
            InterleavedLoad.run(
                toTandem,
                tandemAcks,
                toBare,
                bareAcks,
                options.discordRate(),
                options.discordWarmupSeconds(),
                options.discordSeconds());

        Map<String, Object> parameters = parameters(options);
        Map<String, Object> verification = verification(tandemLogs, tandem);
        return new PartResult(
            "Discord: " + LOG_COMMAND + " -> interaction callback",
            "from the scheduled dispatch time to the bot's interaction callback reaching the"
                + " simulator's REST API",
            parameters,
            tandemAcks.summary(),
            bareAcks.summary(),
            schedule,
            List.of(),
            verification);
      } finally {
        waiters.shutdownNow();
      }
    }
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

  private static Map<String, Object> parameters(AckLatencyOptions options) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("rate per second, per side", options.discordRate());
    parameters.put("measured seconds per side", options.discordSeconds());
    parameters.put("warm-up seconds per side", options.discordWarmupSeconds());
    parameters.put("people (joined as mentees first)", options.users());
    parameters.put("command", LOG_COMMAND);
    parameters.put("interleaving", "1 s slices, ABBA (Tandem, bare, bare, Tandem, ...)");
    parameters.put("simulators", "one per bot (a simulator dispatches to every bot)");
    return parameters;
  }

  /** Tandem deferred at once; this checks it did the work: the deferred answer was edited in. */
  private static Map<String, Object> verification(
      List<InteractionResult> tandemLogs, Tandem tandem) {
    long logged = 0;
    long answered = 0;
    long deferred = 0;
    for (InteractionResult log : tandemLogs) {
      try {
        InteractionCallback callback = log.awaitCallback(TIMEOUT);
        if (callback.deferred()) {
          deferred++;
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
   * simulator's own measurement (dispatch to callback) added to when dispatch began.
   */
  private static final class Interactions implements InterleavedLoad.Target {
    private final List<DiscordUser> people;
    private final ExecutorService waiters;
    private final List<InteractionResult> sent;
    private final AtomicLong sequence = new AtomicLong();

    Interactions(List<DiscordUser> people, ExecutorService waiters, List<InteractionResult> sent) {
      this.people = people;
      this.waiters = waiters;
      this.sent = sent;
    }

    @Override
    public CompletableFuture<Long> send() {
      DiscordUser person = people.get((int) (sequence.incrementAndGet() % people.size()));
      long dispatching = System.nanoTime();
      InteractionResult interaction = person.runs(LOG_COMMAND);
      synchronized (sent) {
        sent.add(interaction);
      }
      return CompletableFuture.supplyAsync(
          () -> dispatching + interaction.awaitCallback(TIMEOUT).latency().toNanos(), waiters);
    }
  }
}
