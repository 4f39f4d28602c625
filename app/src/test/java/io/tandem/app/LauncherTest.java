package io.tandem.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source checkout's launcher ({@code ./tandem}) keeps class-data archives in its cache
 * directory: the first {@code run} records one that later runs use, each command that exits when
 * done records its own on its first use, and an archive that does not fit never stops a start or
 * prints a word. Commands that exit when done get the quick compiler only and the serial collector.
 * A small probe jar stands in for Tandem.
 */
@DisplayName("The launcher's JVM options and class-data archive")
class LauncherTest {

  static final Path LAUNCHER = Path.of("..", "tandem").toAbsolutePath().normalize();

  @TempDir Path dir;
  Path jar;
  Path cache;
  Path archive;

  @BeforeEach
  void probeJar() throws IOException {
    jar = dir.resolve("probe.jar");
    cache = dir.resolve("cache");
    archive = cache.resolve("probe.jsa");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.putNextEntry(new JarEntry(entry));
      try (var in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
        in.transferTo(jarOut);
      }
      jarOut.closeEntry();
    }
  }

  @Test
  @DisplayName("the first run records it; later runs start from it, without a word about it")
  void recordedThenUsed() throws Exception {
    assertThat(launch("run")).isEqualTo(new Result(0, "probe run: ArchiveClassesAtExit\n"));
    assertThat(archive).isNotEmptyFile();
    assertThat(cache).isDirectoryNotContaining("glob:**.tmp");

    assertThat(launch("run")).isEqualTo(new Result(0, "probe run: SharedArchiveFile\n"));
    assertThat(launch("demo")).isEqualTo(new Result(0, "probe demo: SharedArchiveFile\n"));
  }

  @Test
  @DisplayName("a command that exits when done records an archive of its own, then starts from it")
  void oneShotCommandsRecordTheirOwn() throws Exception {
    assertThat(launch("match", "--dry-run"))
        .isEqualTo(
            new Result(0, "probe match --dry-run: ArchiveClassesAtExit, C1 only, serial GC\n"));
    assertThat(cache.resolve("probe-match.jsa")).isNotEmptyFile();
    assertThat(archive).doesNotExist();
    assertThat(cache).isDirectoryNotContaining("glob:**.tmp");

    assertThat(launch("match", "--dry-run"))
        .isEqualTo(new Result(0, "probe match --dry-run: SharedArchiveFile, C1 only, serial GC\n"));
    assertThat(launch("run")).isEqualTo(new Result(0, "probe run: ArchiveClassesAtExit\n"));
    assertThat(launch("report"))
        .isEqualTo(new Result(0, "probe report: ArchiveClassesAtExit, C1 only, serial GC\n"));
    assertThat(cache.resolve("probe-report.jsa")).isNotEmptyFile();
  }

  @Test
  @DisplayName("a damaged archive is passed over quietly")
  void damaged() throws Exception {
    Files.createDirectories(cache);
    Files.writeString(cache.resolve("probe-version.jsa"), "not an archive");

    assertThat(launch("version"))
        .isEqualTo(new Result(0, "probe version: SharedArchiveFile, C1 only, serial GC\n"));
  }

  @Test
  @DisplayName("a jar built after the archive records a new one on its first run")
  void rebuilt() throws Exception {
    launch("run");
    // as if the jar had been built a minute after the archive was recorded
    Files.setLastModifiedTime(
        archive, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(60)));

    assertThat(launch("demo")).isEqualTo(new Result(0, "probe demo: no archive\n"));
    assertThat(launch("run")).isEqualTo(new Result(0, "probe run: ArchiveClassesAtExit\n"));
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
    assertThat(launch("demo")).isEqualTo(new Result(0, "probe demo: SharedArchiveFile\n"));
  }

  @Test
  @DisplayName("a command that fails keeps its exit status and records nothing")
  void failedRun() throws Exception {
    assertThat(launch("run", "exit", "3"))
        .isEqualTo(new Result(3, "probe run exit 3: ArchiveClassesAtExit\n"));
    assertThat(launch("match", "exit", "2"))
        .isEqualTo(new Result(2, "probe match exit 2: ArchiveClassesAtExit, C1 only, serial GC\n"));
    assertThat(cache).isEmptyDirectory();
  }

  @Test
  @DisplayName("commands that exit when done run on the quick compiler; run and demo keep both")
  void oneShotCommandsCompileQuickly() throws Exception {
    assertThat(launch()).isEqualTo(new Result(0, "probe : no archive, C1 only, serial GC\n"));
    assertThat(launch("demo")).isEqualTo(new Result(0, "probe demo: no archive\n"));
    assertThat(launch("run")).isEqualTo(new Result(0, "probe run: ArchiveClassesAtExit\n"));

    // options before the command: no archive of its own, run's
    assertThat(launch("--help"))
        .isEqualTo(new Result(0, "probe --help: SharedArchiveFile, C1 only, serial GC\n"));
    assertThat(launch("demo")).isEqualTo(new Result(0, "probe demo: SharedArchiveFile\n"));
  }

  record Result(int status, String output) {}

  private Result launch(String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("sh", LAUNCHER.toString());
    builder.command().addAll(java.util.List.of(args));
    Map<String, String> env = builder.environment();
    env.put("TANDEM_JAR", jar.toString());
    env.put("TANDEM_CACHE_DIR", cache.toString());
    env.remove("TANDEM_JAVA_OPTS");
    Path javaHome = Path.of(System.getProperty("java.home"));
    env.put("PATH", javaHome.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
