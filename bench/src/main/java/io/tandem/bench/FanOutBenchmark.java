package io.tandem.bench;

import static io.tandem.bench.ResultFiles.round;
import static io.tandem.bench.ResultFiles.round3;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.management.OperatingSystemMXBean;
import io.tandem.app.Tandem;
import io.tandem.config.ConfigLoader;
import io.tandem.config.TandemConfig;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.port.in.Platform;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Database;
import io.tandem.core.store.DatabaseSettings;
import io.tandem.core.store.Store;
import io.tandem.simulator.slack.ApiCall;
import io.tandem.simulator.slack.SlackSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code fan-out}: 10 000 reminders due at once to 10 000 different people, queued in one
 * transaction and delivered by Tandem itself ({@link Tandem#start}: the outbox dispatcher, {@code
 * SlackChatPort} and its rate limiters, configured from YAML as in production) to the Slack
 * simulator, which enforces the same workspace budget (HTTP 429 beyond it) and Slack's one message
 * a second per channel.
 *
 * <p>Each DM costs two Web API calls (the first {@code conversations.open} for a person, then
 * {@code chat.postMessage}), both counted against the workspace budget; the achieved rate is
 * measured in those calls, from the first served call to the last.
 */
final class FanOutBenchmark {

  static final String USAGE =
      """
      Usage: java -jar bench/target/tandem-bench.jar fan-out [options]

      Queues N reminders due at once to N simulated people in one transaction, then lets
      Tandem's outbox dispatcher deliver them to the Slack simulator, which enforces the same
      workspace budget as Tandem is configured with.

        --messages N     reminders, one per person                        (default 10000)
        --limit N        workspace calls a minute, Tandem's slack.rate-limits.workspace-per-minute
                         and the simulator's budget; each DM takes 2 calls (default 20000)
        --workers N      outbox.workers                                   (default 32)
        --results DIR    where fan-out.md and .json go                    (default bench/results)
      """;

  static final double GOAL_RATE_RATIO = 0.95;
  private static final String BOT_TOKEN = "xoxb-fan-out";
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private FanOutBenchmark() {}

  record Options(int messages, int limit, int workers, Path results) {
    static Options parse(List<String> args) {
      int messages = 10_000;
      int limit = 20_000;
      int workers = io.tandem.config.OutboxConfig.DEFAULT_WORKERS;
      Path results = Path.of("bench", "results");
      for (Map.Entry<String, String> option : BenchArgs.pairs(args).entrySet()) {
        String arg = option.getKey();
        String value = option.getValue();
        switch (arg) {
          case "--messages" -> messages = Integer.parseInt(value);
          case "--limit" -> limit = Integer.parseInt(value);
          case "--workers" -> workers = Integer.parseInt(value);
          case "--results" -> results = Path.of(value);
          default -> throw new IllegalArgumentException("Unknown option " + arg);
        }
      }
      if (messages < 1 || limit < 60 || workers < 1) {
        throw new IllegalArgumentException("--messages, --workers >= 1 and --limit >= 60");
      }
      return new Options(messages, limit, workers, results);
    }
  }

  static int main(List<String> args) {
    return BenchArgs.main(args, Options::parse, USAGE, FanOutBenchmark::run);
  }

  static void run(Options o, String commandLine) throws Exception {
    Path dir = Files.createTempDirectory("tandem-fan-out");
    String dbUrl = "jdbc:sqlite:" + dir.resolve("tandem.db");
    Map<String, Object> result = new LinkedHashMap<>();
    try (SlackSimulator slack = SlackSimulator.start(BOT_TOKEN, "xapp-unused")) {
      List<String> people =
          IntStream.range(0, o.messages()).mapToObj(i -> slack.user("person-" + i).id()).toList();

      // 1. queue: one transaction, as one fan-out job firing would
      long queueNanos = queue(slack, dbUrl, people, o.messages());
      System.out.printf(
          Locale.ROOT,
          "queued %,d reminders in one transaction: %.0f ms%n",
          o.messages(),
          queueNanos / 1e6);

      // 2. deliver: the simulator enforces what Tandem is configured with
      slack.enforceWorkspaceRateLimit(o.limit());
      slack.enforceRateLimit("chat.postMessage", 1);
      Delivery delivery = deliver(slack, config(dir, dbUrl, slack.apiUrl(), o), o.messages());

      // 3. what Slack saw
      SlackTally tally = tally(slack.calls());
      List<ApiCall> served = tally.served();
      Map<String, Integer> sends = tally.sends();
      long refused = tally.refused();
      long posted = sends.values().stream().mapToLong(Integer::longValue).sum();
      long duplicates = posted - sends.size();
      Instant first = served.get(0).time();
      Instant last = served.get(served.size() - 1).time();
      double windowSeconds = Duration.between(first, last).toNanos() / 1e9;
      double callsPerMinute = served.size() / windowSeconds * 60;
      double ratio = callsPerMinute / o.limit();

      result.put("messages", o.messages());
      result.put("configured workspace limit (calls/min)", o.limit());
      result.put("outbox workers", o.workers());
      result.put("time to queue (ms, one transaction)", round(queueNanos / 1e6));
      result.put("distinct reminders delivered", sends.size());
      result.put("chat.postMessage served", posted);
      result.put("Web API calls served", served.size());
      result.put("delivery window (s, first to last served call)", round(windowSeconds));
      result.put("achieved calls/min", round(callsPerMinute));
      result.put("achieved messages/min", round(posted / windowSeconds * 60));
      result.put("achieved rate / configured limit", round3(ratio));
      result.put("duplicates", duplicates);
      result.put("429s received", refused);
      result.put("Tandem start to all delivered (s)", round(delivery.wallNanos() / 1e9));
      result.put("CPU, Tandem threads (s)", round(delivery.tandemCpu() / 1e9));
      result.put("CPU, whole process incl. simulator (s)", round(delivery.processCpu() / 1e9));
      result.put("peak heap, whole JVM incl. simulator (MiB)", delivery.peakHeap() / (1024 * 1024));
      boolean pass = ratio >= GOAL_RATE_RATIO && duplicates == 0 && sends.size() == o.messages();
      result.put("result", pass ? "PASS" : "MISS");
    }
    result.forEach((k, v) -> System.out.println(k + ": " + v));
    write(o.results(), result, ResultFiles.environment("fan-out", commandLine));
  }

  /** Queues one reminder per person in one transaction, as one fan-out job firing would. */
  private static long queue(SlackSimulator slack, String dbUrl, List<String> people, int messages) {
    try (Database db =
        Database.open(DatabaseSettings.of(dbUrl, null, null, 2), Clock.systemUTC())) {
      Instant now = Instant.now();
      long workspaceId =
          db.inTransaction(
                  em -> new Store(em).add(new Workspace(Platform.SLACK, slack.teamId(), now)))
              .getId();
      long start = System.nanoTime();
      db.inTransaction(
          em -> {
            Store store = new Store(em);
            for (int i = 0; i < messages; i++) {
              Outbox.queue(
                  store,
                  workspaceId,
                  Platform.SLACK,
                  "reminder:" + i + ":2025-03-03",
                  new ChatTarget.DirectMessage(people.get(i)),
                  Reply.info("Reminder: time to meet your Tandem partner this week.", List.of()),
                  now,
                  now);
            }
            return null;
          });
      return System.nanoTime() - start;
    }
  }

  /** What delivering the queue cost: wall time from Tandem's start, CPU and peak heap. */
  private record Delivery(long wallNanos, long processCpu, long peakHeap, long tandemCpu) {}

  private static Delivery deliver(SlackSimulator slack, TandemConfig config, int messages)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long processCpuBefore = os.getProcessCpuTime();
    long started = System.nanoTime();
    Map<Long, Long> tandemThreadCpu = new HashMap<>();
    try (Tandem tandem = Tandem.start(config, Clock.systemUTC())) {
      long deadline = started + TIMEOUT.toNanos();
      while (delivered(slack) < messages && System.nanoTime() < deadline) {
        sampleTandemThreads(threads, tandemThreadCpu);
        Thread.sleep(200);
      }
      sampleTandemThreads(threads, tandemThreadCpu);
    }
    long wallNanos = System.nanoTime() - started;
    long processCpu = os.getProcessCpuTime() - processCpuBefore;
    long peakHeap = peakHeap();
    long tandemCpu = tandemThreadCpu.values().stream().mapToLong(Long::longValue).sum();
    return new Delivery(wallNanos, processCpu, peakHeap, tandemCpu);
  }

  /** The calls Slack served to the bot, the posts per outbox key, and the 429s. */
  private record SlackTally(List<ApiCall> served, Map<String, Integer> sends, long refused) {}

  private static SlackTally tally(List<ApiCall> calls) {
    List<ApiCall> served = new ArrayList<>();
    Map<String, Integer> sends = new HashMap<>();
    long refused = 0;
    for (ApiCall call : calls) {
      if (call.status() == 429) {
        refused++;
      }
      if (call.status() != 200 || !BOT_TOKEN.equals(call.token())) {
        continue;
      }
      served.add(call);
      if (call.method().equals("chat.postMessage")) {
        String key = outboxKey(call);
        sends.merge(key == null ? "(untagged)" : key, 1, Integer::sum);
      }
    }
    return new SlackTally(served, sends, refused);
  }

  private static TandemConfig config(Path dir, String dbUrl, String apiUrl, Options o)
      throws Exception {
    Path yml =
        Files.writeString(
            dir.resolve("tandem.yml"),
            """
            database:
              url: %s
            slack:
              mode: http
              bot-token: %s
              signing-secret: fan-out-secret
              api-url: %s
              rate-limits:
                workspace-per-minute: %d
                conversations-open-per-minute: %d
            http:
              port: 0
            outbox:
              workers: %d
              poll-interval: 200ms
            scheduler:
              instance-id: fan-out
            """
                .formatted(dbUrl, BOT_TOKEN, apiUrl, o.limit(), o.limit(), o.workers()));
    return ConfigLoader.load(yml, dir, Map.of());
  }

  private static long delivered(SlackSimulator slack) {
    return slack.calls("chat.postMessage").stream().filter(c -> c.status() == 200).count();
  }

  /** Keeps the latest CPU time of each live thread whose name starts with {@code tandem-}. */
  private static void sampleTandemThreads(ThreadMXBean mx, Map<Long, Long> cpu) {
    for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("tandem-")) {
        long t = mx.getThreadCpuTime(info.getThreadId());
        if (t >= 0) {
          cpu.put(info.getThreadId(), t);
        }
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String outboxKey(ApiCall call) {
    String metadata = call.param("metadata");
    if (metadata == null) {
      return null;
    }
    JsonElement payload = JsonParser.parseString(metadata).getAsJsonObject().get("event_payload");
    if (payload == null || !payload.isJsonObject()) {
      return null;
    }
    JsonElement key = payload.getAsJsonObject().get("dedup_key");
    return key == null ? null : key.getAsString();
  }

  private static void write(Path dir, Map<String, Object> result, Map<String, String> env)
      throws IOException {
    ResultFiles.write(
        dir,
        "fan-out",
        "# Fan-out: 10 000 reminders due at once\n\n"
            + "Goal (from the issue): achieved delivery rate / configured limit >= "
            + GOAL_RATE_RATIO
            + ", 0 duplicates.\n\n",
        "\nMethod: N reminders (one per simulated person, distinct DM channels) are queued in one"
            + " transaction on a fresh SQLite file; then Tandem starts (`Tandem.start`: the real"
            + " outbox dispatcher, `SlackChatPort` and its token buckets, configured from YAML with"
            + " `slack.rate-limits.workspace-per-minute` = the limit) and delivers them to the Slack"
            + " simulator in the same JVM, which answers HTTP 429 with `Retry-After` beyond the same"
            + " workspace budget (bursts of one second's worth) and beyond 1 `chat.postMessage` a"
            + " second per channel. Each DM takes two calls (`conversations.open`, then"
            + " `chat.postMessage`), both counted against the budget. The rate is served calls"
            + " over the window from the first to the last served call. Duplicates: posts whose"
            + " metadata `dedup_key` was seen before. CPU: threads named `tandem-*` (outbox"
            + " workers, which make the HTTP calls synchronously, the dispatcher, Quartz) and the"
            + " whole process. Peak heap: all heap pools after a GC at start, the simulator"
            + " included.\n\n",
        "goalRateRatio",
        GOAL_RATE_RATIO,
        result,
        env);
  }
}
