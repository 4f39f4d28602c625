package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.tandem.config.ConfigLoader;
import io.tandem.config.TandemConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image that Jib builds with {@code -Pimage} ({@code target/tandem-image.tar}), read
 * as a container runtime would read it, without a Docker daemon: its configuration (user,
 * entrypoint, ports, volume), its files, and its class path run with its JVM flags. That part runs
 * in the image profile, right after the tar is built; the image's own {@code tandem.yml} is checked
 * in every build.
 */
@DisplayName("the container image")
class ContainerImageTest {

  static final Path TAR = Path.of("target", "tandem-image.tar");
  static final Path IMAGE_CONFIG = Path.of("src", "main", "jib", "etc", "tandem", "tandem.yml");

  @TempDir Path dir;

  @Test
  @DisplayName("its tandem.yml keeps SQLite on the /data volume and listens on every interface")
  void imageConfiguration() throws Exception {
    // GIVEN the configuration file the image runs with, and an environment with nothing set
    TandemConfig defaults = ConfigLoader.load(IMAGE_CONFIG.toAbsolutePath(), dir, Map.of());

    // THEN the database is the file on the volume, and the port is reachable from outside
    assertThat(defaults.database().url()).isEqualTo("jdbc:sqlite:/data/tandem.db");
    assertThat(defaults.http().bindAddress()).isEqualTo("0.0.0.0");
    assertThat(defaults.http().port()).isEqualTo(8080);
    assertThat(defaults.database().user()).isNull();

    // WHEN the orchestrator sets PostgreSQL and its credentials in the environment
    TandemConfig onPostgres =
        ConfigLoader.load(
            IMAGE_CONFIG.toAbsolutePath(),
            dir,
            Map.of(
                "TANDEM_DATABASE_URL", "jdbc:postgresql://db:5432/tandem",
                "TANDEM_DATABASE_USER", "tandem",
                "TANDEM_DATABASE_PASSWORD", "s3cret",
                "TANDEM_SLACK_MODE", "http",
                "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "abc",
                "TANDEM_HTTP_PORT", "9090"));

    // THEN those win
    assertThat(onPostgres.database().url()).isEqualTo("jdbc:postgresql://db:5432/tandem");
    assertThat(onPostgres.database().user()).isEqualTo("tandem");
    assertThat(onPostgres.database().password()).isEqualTo("s3cret");
    assertThat(onPostgres.slack().mode().name()).isEqualToIgnoringCase("http");
    assertThat(onPostgres.http().port()).isEqualTo(9090);
  }

  @Test
  @DisplayName(
      "runs as a non-root user, with /data as a writable volume, port 8080 and bounded JVM")
  void imageConfig() throws Exception {
    // the image profile runs this after building the tar; a tar left from an earlier build would
    // check old files, so the default test run does not
    assumeTrue(
        Boolean.getBoolean("tandem.image.check") && Files.isRegularFile(TAR),
        "runs in: ./mvnw -pl app -am -Pimage -DskipTests verify");
    // GIVEN the image as `docker load` reads it
    Map<String, byte[]> image = untar(Files.newInputStream(TAR));
    JsonArray manifest = JsonParser.parseString(text(image.get("manifest.json"))).getAsJsonArray();
    JsonObject entry = manifest.get(0).getAsJsonObject();
    JsonObject config =
        JsonParser.parseString(text(image.get(entry.get("Config").getAsString())))
            .getAsJsonObject()
            .getAsJsonObject("config");

    // THEN it runs as a numeric, non-root user (Kubernetes' runAsNonRoot can check a number)
    String user = config.get("User").getAsString();
    assertThat(user).matches("\\d+:\\d+");
    assertThat(Integer.parseInt(user.substring(0, user.indexOf(':')))).isPositive();
    // AND starts `tandem run` with the image's configuration file
    List<String> entrypoint = strings(config.getAsJsonArray("Entrypoint"));
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(Main.class.getName());
    assertThat(strings(config.getAsJsonArray("Cmd")))
        .containsExactly("run", "--config", "/etc/tandem/tandem.yml");
    // AND sizes the heap from the container's limit, bounds metaspace, and dies on OOM
    assertThat(entrypoint)
        .contains(
            "-XX:MaxRAMPercentage=75", "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError");
    // AND exposes the HTTP port and the data volume, working in it
    assertThat(config.getAsJsonObject("ExposedPorts").keySet()).containsExactly("8080/tcp");
    assertThat(config.getAsJsonObject("Volumes").keySet()).containsExactly("/data");
    assertThat(config.get("WorkingDir").getAsString()).isEqualTo("/data");

    // AND the layers hold /data writable by any uid, the configuration file and the class path
    Map<String, TarEntry> files = new LinkedHashMap<>();
    for (JsonElement layer : entry.getAsJsonArray("Layers")) {
      untarEntries(
          new GZIPInputStream(new java.io.ByteArrayInputStream(image.get(layer.getAsString()))),
          files);
    }
    assertThat(files.get("data/").mode() & 0777).isEqualTo(0777);
    assertThat(text(files.get("etc/tandem/tandem.yml").content()))
        .isEqualTo(Files.readString(IMAGE_CONFIG));
    List<String> classPath =
        List.of(text(files.get("app/jib-classpath-file").content()).strip().split(":"));
    assertThat(classPath)
        .allSatisfy(
            p ->
                assertThat(
                        files.containsKey(p.substring(1))
                            || files.containsKey(p.substring(1) + "/"))
                    .as(p)
                    .isTrue());

    // AND it is the production program: no simulated platform and no demo on its class path
    assertThat(classPath)
        .noneMatch(p -> p.contains("tandem-simulator") || p.contains("tandem-demo"));

    // WHEN the image's class path runs `config check` with the image's JVM flags
    Path root = dir.resolve("root");
    for (Map.Entry<String, TarEntry> file : files.entrySet()) {
      if (file.getKey().startsWith("app/") && !file.getKey().endsWith("/")) {
        Path target = root.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue().content());
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(entrypoint.subList(1, entrypoint.indexOf("-cp")));
    command.add("-cp");
    command.add(
        String.join(
            java.io.File.pathSeparator,
            classPath.stream().map(p -> root.resolve(p.substring(1)).toString()).toList()));
    command.add(Main.class.getName());
    command.addAll(
        List.of("config", "check", "--config", IMAGE_CONFIG.toAbsolutePath().toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("TANDEM_") || k.startsWith("SLACK_"));
    Process process = builder.start();
    String output = text(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    // THEN it starts, and reads the volume's database and the open bind address
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("jdbc:sqlite:/data/tandem.db").contains("0.0.0.0");
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.getAsString()));
    return out;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** One file or directory of a tar: its mode bits and content. */
  record TarEntry(int mode, byte[] content) {}

  private static Map<String, byte[]> untar(InputStream in) throws IOException {
    Map<String, TarEntry> entries = new HashMap<>();
    untarEntries(in, entries);
    Map<String, byte[]> out = new HashMap<>();
    entries.forEach((name, e) -> out.put(name, e.content()));
    return out;
  }

  /**
   * Reads a ustar archive (the format images use): 512-byte headers, each followed by its content
   * padded to 512 bytes; pax headers are skipped (the names here are short). Later layers win.
   */
  private static void untarEntries(InputStream in, Map<String, TarEntry> into) throws IOException {
    try (in) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512) {
        if (header[0] == 0) {
          return;
        }
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        int mode = (int) Long.parseLong(field(header, 100, 8).strip(), 8);
        long size = Long.parseLong(field(header, 124, 12).strip(), 8);
        char type = (char) header[156];
        byte[] content = in.readNBytes((int) size);
        in.skipNBytes((512 - size % 512) % 512);
        if (type == 'x' || type == 'g') {
          continue;
        }
        String path = prefix.isEmpty() ? name : prefix + "/" + name;
        if (path.startsWith("./")) {
          path = path.substring(2);
        }
        into.put(path, new TarEntry(mode, content));
      }
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
