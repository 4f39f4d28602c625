package io.tandem.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code tandem --version} prints: the project version and the git commit the build was made
 * from, both written into {@code version.properties} by the build. A build outside a git checkout
 * has no commit, and says {@code unknown}.
 */
final class Version implements CommandLine.IVersionProvider {

  static final String UNKNOWN = "unknown";
  private static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {describe(read())};
  }

  /** {@code Tandem 0.1.0 (commit 0b896a5c1a2b)}, with {@code , modified} for a dirty tree. */
  static String describe(Properties build) {
    String commit = value(build, "commit");
    boolean dirty = "true".equals(value(build, "dirty"));
    return "Tandem "
        + value(build, "version")
        + " (commit "
        + commit
        + (dirty && !UNKNOWN.equals(commit) ? ", modified" : "")
        + ")";
  }

  /** The build's value, or {@link #UNKNOWN} when the build left it empty or unfilled. */
  private static String value(Properties build, String key) {
    String value = build.getProperty(key, "").strip();
    return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
  }

  static Properties read() {
    Properties build = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build;
  }
}
