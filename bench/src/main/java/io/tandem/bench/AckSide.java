package io.tandem.bench;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.bench.AckLatencyOptions.Platform;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One side of the ack benchmark (Tandem or the bare bot, on one platform) in a JVM of its own, with
 * its own simulator, so the work one side defers (Tandem's writes and answers, its garbage and its
 * JIT) cannot land in the other side's measurement. The parent starts it with {@link #inChild}; the
 * child ({@code tandem-bench.jar ack-side}) writes what it measured as JSON.
 */
final class AckSide {

  enum Side {
    TANDEM,
    BASELINE
  }

  /**
   * What one side's process measured.
   *
   * @param acks from the scheduled send to the ack
   * @param answers from the send to the answer the person sees (the bare bots answer in the ack)
   * @param verification counts that show the work was done (Tandem's side)
   */
  record Result(
      Latencies acks,
      Latencies answers,
      InterleavedLoad.Schedule schedule,
      Map<String, Object> verification) {

    JsonObject toJson() {
      JsonObject json = new JsonObject();
      json.add("acks", acks.toJson());
      json.add("answers", answers.toJson());
      json.addProperty("worstSendLagNanos", schedule.worstSendLag().toNanos());
      json.addProperty("unanswered", schedule.unanswered());
      json.add("verification", new Gson().toJsonTree(verification));
      return json;
    }
  }

  private AckSide() {}

  /** {@code ack-side --only slack|discord --side tandem|baseline --out FILE [ack options]}. */
  static int main(List<String> args) {
    List<String> rest = new ArrayList<>(args);
    try {
      Side side = Side.valueOf(take(rest, "--side").toUpperCase(Locale.ROOT));
      Path out = Path.of(take(rest, "--out"));
      AckLatencyOptions options = AckLatencyOptions.parse(rest);
      Platform platform = options.runs(Platform.SLACK) ? Platform.SLACK : Platform.DISCORD;
      Path workDir = Files.createTempDirectory("tandem-bench-");
      try {
        Result result = run(platform, side, options, workDir);
        Files.writeString(out, result.toJson().toString(), StandardCharsets.UTF_8);
      } finally {
        deleteQuietly(workDir);
      }
      return 0;
    } catch (Exception e) {
      System.err.println("The benchmark side failed: " + e);
      e.printStackTrace();
      return 1;
    }
  }

  private static Result run(Platform platform, Side side, AckLatencyOptions options, Path workDir)
      throws Exception {
    return switch (platform) {
      case SLACK ->
          side == Side.TANDEM
              ? SlackAckBenchmark.tandemSide(options, workDir)
              : SlackAckBenchmark.baselineSide(options);
      case DISCORD ->
          side == Side.TANDEM
              ? DiscordAckBenchmark.tandemSide(options, workDir)
              : DiscordAckBenchmark.baselineSide(options);
    };
  }

  /**
   * Runs one side in a child JVM (this class path) measuring {@code seconds} on {@code platform},
   * and returns what it wrote. Both sides get the JVM options {@code tandem run} gets from the
   * launcher ({@link #jvmOptions}), so Tandem is measured with the collector and heap sizing it
   * runs with, and the bare bot with the same.
   */
  static JsonObject inChild(
      Platform platform, Side side, AckLatencyOptions options, int seconds, Path dir)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "ack-side-", ".json");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "ack-side"));
    command.addAll(
        List.of("--side", side.name().toLowerCase(Locale.ROOT), "--out", out.toString()));
    command.addAll(options.childArgs(platform, seconds));
    Process child = new ProcessBuilder(command).inheritIO().start();
    if (!child.waitFor(
        seconds + Duration.ofMinutes(5).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new IllegalStateException("The " + side + " side on " + platform + " did not finish");
    }
    if (child.exitValue() != 0) {
      throw new IllegalStateException(
          "The " + side + " side on " + platform + " failed (exit " + child.exitValue() + ")");
    }
    JsonElement json = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8));
    Files.delete(out);
    return json.getAsJsonObject();
  }

  /**
   * The launcher's options for {@code tandem run}, then this JVM's own (so a diagnostic such as
   * {@code -Xlog:gc} or an override given to the benchmark reaches both sides and wins).
   */
  static List<String> jvmOptions() throws IOException {
    List<String> options =
        new ArrayList<>(List.of(ChildProcess.launcherJvmOptions().strip().split("\\s+")));
    options.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    return options;
  }

  private static String take(List<String> args, String name) {
    int at = args.indexOf(name);
    if (at < 0 || at + 1 >= args.size()) {
      throw new IllegalArgumentException("ack-side needs " + name);
    }
    String value = args.get(at + 1);
    args.subList(at, at + 2).clear();
    return value;
  }

  static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
