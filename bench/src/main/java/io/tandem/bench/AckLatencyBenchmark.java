package io.tandem.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.tandem.bench.AckLatencyOptions.Platform;
import io.tandem.bench.AckSide.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How quickly Tandem acknowledges {@code /tandem log 45m Instagram reels}, and answers it, compared
 * with a bare bot that only acks, on Slack (HTTP events) and Discord (interactions). The issue's
 * goal: Tandem's p99 ack at most 1.2 times the baseline's. Prints a table and writes {@code
 * ack-latency.md} and {@code ack-latency.json}; a missed goal is reported, not an error.
 *
 * <p>Each side runs alone in a JVM of its own ({@link AckSide}) with its own simulator and load
 * generator, so Tandem's deferred work (its writes, its answers, its garbage) is measured against
 * Tandem and never lands in the baseline's numbers. Four processes per platform, one after the
 * other, in ABBA order (Tandem, bare, bare, Tandem), each measuring half a side's seconds, so drift
 * in the machine's load over the run falls on both sides alike.
 */
final class AckLatencyBenchmark {

  private static final List<Side> ORDER =
      List.of(Side.TANDEM, Side.BASELINE, Side.BASELINE, Side.TANDEM);

  private AckLatencyBenchmark() {}

  /** Runs the chosen platforms; 0 when the runs completed (goal met or not), 1 when one failed. */
  static int run(AckLatencyOptions options, String commandLine) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("tandem-bench-");
    } catch (IOException e) {
      System.err.println("Cannot create a temporary directory: " + e.getMessage());
      return 1;
    }
    List<PartResult> parts = new ArrayList<>();
    int status = 0;
    try {
      for (Platform platform : Platform.values()) {
        if (options.runs(platform)) {
          parts.add(platform(platform, options, workDir));
        }
      }
    } catch (Exception e) {
      System.err.println("The benchmark run failed: " + e);
      e.printStackTrace();
      status = 1;
    } finally {
      AckSide.deleteQuietly(workDir);
    }
    if (parts.isEmpty()) {
      return 1;
    }
    Report report = Report.of(parts, commandLine);
    System.out.println();
    System.out.println(report.text());
    try {
      Path md = report.writeMarkdown(options.resultsDir());
      Path json = report.writeJson(options.resultsDir());
      System.out.println("Wrote " + md + " and " + json);
    } catch (IOException e) {
      System.err.println("Cannot write the results: " + e.getMessage());
      status = 1;
    }
    return status;
  }

  /** One platform: the four processes in ABBA order, their numbers added up per side. */
  private static PartResult platform(Platform platform, AckLatencyOptions options, Path workDir)
      throws IOException, InterruptedException {
    boolean slack = platform == Platform.SLACK;
    int sideSeconds = slack ? options.seconds() : options.discordSeconds();
    int processSeconds = (sideSeconds + 1) / 2;
    String bare = slack ? options.slackBaseline().label() : "bare JDA";
    Map<Side, Latencies> acks =
        Map.of(Side.TANDEM, new Latencies("Tandem"), Side.BASELINE, new Latencies(bare));
    Map<Side, Latencies> answers =
        Map.of(
            Side.TANDEM,
            new Latencies(
                slack
                    ? "Tandem answer (in the ack or via response_url)"
                    : "Tandem answer (in the callback or edited in)"),
            Side.BASELINE,
            new Latencies(bare + " answer (its ack)"));
    Map<String, Object> verification = new LinkedHashMap<>();
    List<String> loads = new ArrayList<>();
    long worstLag = 0;
    long unanswered = 0;
    for (Side side : ORDER) {
      loads.add(side.name().toLowerCase(java.util.Locale.ROOT) + " " + ResultFiles.loadNow());
      JsonObject result = AckSide.inChild(platform, side, options, processSeconds, workDir);
      acks.get(side).add(result.getAsJsonObject("acks"));
      answers.get(side).add(result.getAsJsonObject("answers"));
      worstLag = Math.max(worstLag, result.get("worstSendLagNanos").getAsLong());
      unanswered += result.get("unanswered").getAsLong();
      for (Map.Entry<String, JsonElement> count :
          result.getAsJsonObject("verification").entrySet()) {
        verification.merge(
            count.getKey(), count.getValue().getAsLong(), (a, b) -> (Long) a + (Long) b);
      }
    }
    Map<String, Object> parameters =
        slack ? SlackAckBenchmark.parameters(options) : DiscordAckBenchmark.parameters(options);
    parameters.put(
        "processes",
        "one JVM per side with its own simulator, 4 in turn (Tandem, bare, bare, Tandem), each "
            + processSeconds
            + " s measured after its own warm-up");
    parameters.put("JVM options of each side", String.join(" ", AckSide.jvmOptions()));
    parameters.put("load (/proc/loadavg) as each process started", String.join(" | ", loads));
    return new PartResult(
        slack ? SlackAckBenchmark.TITLE : DiscordAckBenchmark.TITLE,
        slack ? SlackAckBenchmark.MEASURES : DiscordAckBenchmark.MEASURES,
        parameters,
        acks.get(Side.TANDEM).summary(),
        acks.get(Side.BASELINE).summary(),
        new InterleavedLoad.Schedule(Duration.ZERO, Duration.ofNanos(worstLag), unanswered),
        answers.get(Side.TANDEM).summary(),
        answers.get(Side.BASELINE).summary(),
        verification);
  }
}
