package io.tandem.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of one {@code ack-latency} run, as a console table, Markdown and JSON. */
final class Report {

  private final List<PartResult> parts;
  private final Map<String, String> environment;

  private Report(List<PartResult> parts, Map<String, String> environment) {
    this.parts = List.copyOf(parts);
    this.environment = environment;
  }

  static Report of(List<PartResult> parts, String commandLine) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    environment.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    environment.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    environment.put(
        "jvm",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")");
    environment.put(
        "jvm arguments",
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    ResultFiles.putLoad(environment);
    environment.put("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    environment.put("gc", gcNames());
    environment.put(
        "command",
        "java -jar bench/target/tandem-bench.jar"
            + (commandLine.isBlank() ? "" : " " + commandLine));
    return new Report(parts, environment);
  }

  String text() {
    StringBuilder out = new StringBuilder();
    for (PartResult part : parts) {
      out.append("== ").append(part.title()).append(" ==\n");
      out.append("latency: ").append(part.measures()).append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              "%-32s %7s %7s %9s %9s %9s %9s%n",
              "side",
              "count",
              "errors",
              "p50 ms",
              "p99 ms",
              "p99.9 ms",
              "max ms"));
      for (Latencies.Summary side : List.of(part.tandem(), part.baseline())) {
        out.append(textRow(side));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%-32s %7s %7s %9.2f %9.2f %9.2f%n",
              "ratio Tandem/baseline",
              "",
              "",
              part.ratioP50(),
              part.ratioP99(),
              part.ratioP999()));
      for (Latencies.Summary side : List.of(part.tandemAnswer(), part.baselineAnswer())) {
        out.append(textRow(side));
      }
      out.append(goal(part)).append('\n');
      out.append(
          String.format(
              Locale.ROOT,
              "sender: worst lag behind schedule %.1f ms, unanswered %d%n",
              part.schedule().worstSendLag().toNanos() / 1e6,
              part.schedule().unanswered()));
      part.verification()
          .forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
      out.append('\n');
    }
    environment.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }

  Path writeMarkdown(Path dir) throws IOException {
    StringBuilder md = new StringBuilder("# Ack latency: Tandem vs a bare bot\n\n");
    md.append("Goal (from the issue): Tandem's p99 ack latency at most ")
        .append(PartResult.GOAL_P99_RATIO)
        .append("× the bare bot's.\n\n");
    environment.forEach((k, v) -> md.append("- ").append(k).append(": `").append(v).append("`\n"));
    md.append(
        "\nMethod: open loop (requests leave on a fixed schedule; latency counts from the scheduled"
            + " send time, so stalls are not hidden by coordinated omission). Each side runs alone"
            + " in a JVM of its own with its own simulator and load generator, so Tandem's deferred"
            + " work (database writes, answers, garbage) stays in Tandem's measurement; per"
            + " platform four such processes run one after the other, Tandem, bare, bare, Tandem,"
            + " each measuring half of a side's seconds after its own unrecorded warm-up. The"
            + " answer rows time the send to the answer the person sees (Tandem's response_url"
            + " post or edited reply; the bare bots answer in their ack). The machine is shared:"
            + " the load is recorded at the start, at each process and at the end.\n");
    for (PartResult part : parts) {
      md.append("\n## ").append(part.title()).append("\n\n");
      md.append("Latency: ").append(part.measures()).append(".\n\n");
      part.parameters()
          .forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
      md.append("\n| side | count | errors | p50 ms | p99 ms | p99.9 ms | max ms |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Latencies.Summary side : List.of(part.tandem(), part.baseline())) {
        md.append(markdownRow(side));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| **ratio Tandem/baseline** | | | **%.2f** | **%.2f** | **%.2f** | |%n",
              part.ratioP50(),
              part.ratioP99(),
              part.ratioP999()));
      for (Latencies.Summary side : List.of(part.tandemAnswer(), part.baselineAnswer())) {
        md.append(markdownRow(side));
      }
      md.append("\n**").append(goal(part)).append("**\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "Sender: worst lag behind schedule %.1f ms (included in the latencies), unanswered"
                  + " %d.%n%n",
              part.schedule().worstSendLag().toNanos() / 1e6,
              part.schedule().unanswered()));
      md.append("Tandem did the work:\n\n");
      part.verification()
          .forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    }
    Files.createDirectories(dir);
    Path file = dir.resolve("ack-latency.md");
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static String textRow(Latencies.Summary side) {
    return String.format(
        Locale.ROOT,
        "%-32s %7d %7d %9.3f %9.3f %9.3f %9.3f%n",
        side.side(),
        side.count(),
        side.failed(),
        side.p50(),
        side.p99(),
        side.p999(),
        side.max());
  }

  private static String markdownRow(Latencies.Summary side) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n",
        side.side(),
        side.count(),
        side.failed(),
        side.p50(),
        side.p99(),
        side.p999(),
        side.max());
  }

  Path writeJson(Path dir) throws IOException {
    JsonObject root = new JsonObject();
    JsonObject env = new JsonObject();
    environment.forEach(env::addProperty);
    root.add("environment", env);
    root.addProperty("goalP99Ratio", PartResult.GOAL_P99_RATIO);
    JsonArray results = new JsonArray();
    for (PartResult part : parts) {
      JsonObject json = new JsonObject();
      json.addProperty("title", part.title());
      json.addProperty("latency", part.measures());
      JsonObject parameters = new JsonObject();
      part.parameters().forEach((k, v) -> parameters.addProperty(k, String.valueOf(v)));
      json.add("parameters", parameters);
      json.add("tandem", side(part.tandem()));
      json.add("baseline", side(part.baseline()));
      json.add("tandemAnswer", side(part.tandemAnswer()));
      json.add("baselineAnswer", side(part.baselineAnswer()));
      JsonObject ratios = new JsonObject();
      ratios.addProperty("p50", part.ratioP50());
      ratios.addProperty("p99", part.ratioP99());
      ratios.addProperty("p999", part.ratioP999());
      ratios.addProperty("answerP99", part.answerRatioP99());
      json.add("ratioTandemToBaseline", ratios);
      json.addProperty("meetsGoal", part.meetsGoal());
      JsonObject schedule = new JsonObject();
      schedule.addProperty("elapsedMs", part.schedule().elapsed().toMillis());
      schedule.addProperty("worstSendLagMs", part.schedule().worstSendLag().toNanos() / 1e6);
      schedule.addProperty("unanswered", part.schedule().unanswered());
      json.add("schedule", schedule);
      JsonObject verification = new JsonObject();
      part.verification().forEach((k, v) -> verification.addProperty(k, String.valueOf(v)));
      json.add("verification", verification);
      results.add(json);
    }
    root.add("results", results);
    Files.createDirectories(dir);
    Path file = dir.resolve("ack-latency.json");
    Files.writeString(
        file,
        new GsonBuilder()
                .setPrettyPrinting()
                .serializeSpecialFloatingPointValues()
                .create()
                .toJson(root)
            + "\n",
        StandardCharsets.UTF_8);
    return file;
  }

  private static JsonObject side(Latencies.Summary s) {
    JsonObject json = new JsonObject();
    json.addProperty("side", s.side());
    json.addProperty("sent", s.sent());
    json.addProperty("count", s.count());
    json.addProperty("errors", s.failed());
    json.addProperty("warmupSent", s.warmupSent());
    json.addProperty("warmupErrors", s.warmupFailed());
    json.addProperty("p50Ms", s.p50());
    json.addProperty("p99Ms", s.p99());
    json.addProperty("p999Ms", s.p999());
    json.addProperty("maxMs", s.max());
    json.addProperty("meanMs", s.mean());
    if (s.firstFailure() != null) {
      json.addProperty("firstFailure", s.firstFailure());
    }
    return json;
  }

  private static String goal(PartResult part) {
    return String.format(
        Locale.ROOT,
        "%s: ack p99 ratio %.2f (goal <= %.1f); answer p99 %.1f ms against the bare bot's %.1f"
            + " ms (ratio %.2f)",
        part.meetsGoal() ? "PASS" : "MISS",
        part.ratioP99(),
        PartResult.GOAL_P99_RATIO,
        part.tandemAnswer().p99(),
        part.baselineAnswer().p99(),
        part.answerRatioP99());
  }

  private static String gcNames() {
    return String.join(
        ", ",
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName)
            .toList());
  }
}
