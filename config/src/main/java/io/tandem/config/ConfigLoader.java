package io.tandem.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code tandem.yml} and the environment into a validated {@link TandemConfig}.
 *
 * <p><b>Which file.</b> The path given with {@code --config} (relative paths resolve against the
 * working directory; it must exist); otherwise {@code tandem.yml} in the working directory if there
 * is one; otherwise no file, and only the environment and built-in defaults apply.
 *
 * <p><b>Where each value comes from</b>, first match wins:
 *
 * <ol>
 *   <li>the setting's environment variable: {@value #ENV_PREFIX} and the key path in upper case,
 *       dots and dashes as underscores ({@link #environmentVariable}: {@code database.password} is
 *       {@code TANDEM_DATABASE_PASSWORD}, {@code http.port} is {@code TANDEM_HTTP_PORT}). Lists are
 *       separated by commas (or spaces); {@code surveys.templates} is written as YAML. Every key in
 *       {@link #keys()} has one;
 *   <li>for a few settings, an older well-known variable kept as an alias: {@value
 *       #ENV_SLACK_BOT_TOKEN}, {@value #ENV_SLACK_APP_TOKEN}, {@value #ENV_SLACK_SIGNING_SECRET}
 *       ({@code slack.bot-token}, {@code app-token}, {@code signing-secret}), {@value
 *       #ENV_DISCORD_BOT_TOKEN}, {@value #ENV_DISCORD_APPLICATION_ID} ({@code discord.bot-token},
 *       {@code application-id}), {@value #ENV_DASHBOARD_SECRET} ({@code http.dashboard-secret});
 *   <li>the file's value, after resolving {@code ${NAME}} and {@code ${NAME:-default}} from the
 *       environment (whole value or embedded in text; <code>$${</code> is a literal <code>${</code>
 *       );
 *   <li>the built-in default (see {@code tandem.example.yml}).
 * </ol>
 *
 * <p>A value that is empty (a variable set to nothing, or a file value that resolves to nothing)
 * counts as not set, so {@code bot-token: ${SLACK_BOT_TOKEN}} with the variable unset leaves Slack
 * off rather than failing. {@link #loadWithSources} also tells which of these each setting came
 * from.
 *
 * <p><b>Keys</b> are kebab-case ({@code pool-size}); {@code pool_size} and {@code poolSize} are
 * accepted as the same key. Unknown keys are problems, with a suggestion when one is close.
 *
 * <p><b>Problems.</b> Everything is checked before anything fails, and {@link ConfigException}
 * lists every problem as {@code key.path: "value" what was expected}. Secret values (tokens,
 * signing secret, passwords, a password in the database URL) are masked in every message.
 *
 * <p><b>How.</b> Jackson reads the YAML ({@link YamlDocument}); the key table ({@link SettingKeys})
 * and the environment decide each setting's text ({@link SettingReader}); each section is bound to
 * its record, whose components carry their constraints as Bean Validation annotations ({@link
 * RecordBinder}), and the rules that involve several settings run after ({@link ConfigSections},
 * {@link SurveysSection}).
 *
 * <p>Stateless and thread-safe; the environment and working directory are passed in, so nothing
 * reads {@link System#getenv()} behind the caller's back.
 */
public final class ConfigLoader {

  /** The file looked for in the working directory. */
  public static final String FILE_NAME = "tandem.yml";

  public static final String ENV_DATABASE_URL = "TANDEM_DATABASE_URL";
  public static final String ENV_SLACK_BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String ENV_SLACK_APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String ENV_SLACK_SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String ENV_DISCORD_BOT_TOKEN = "DISCORD_BOT_TOKEN";
  public static final String ENV_DISCORD_APPLICATION_ID = "DISCORD_APPLICATION_ID";
  public static final String ENV_DASHBOARD_SECRET = "TANDEM_DASHBOARD_SECRET";

  /** What every setting's environment variable starts with. */
  public static final String ENV_PREFIX = "TANDEM_";

  private ConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param explicitOrNull the {@code --config} path, or {@code null}
   * @param workingDir where relative paths and the default {@code tandem.yml} are looked up
   * @param env the environment, e.g. {@link System#getenv()}
   * @throws ConfigException listing every problem found
   */
  public static TandemConfig load(Path explicitOrNull, Path workingDir, Map<String, String> env)
      throws ConfigException {
    return loadWithSources(explicitOrNull, workingDir, env).config();
  }

  /**
   * Starts readying the settings' validation (Hibernate Validator's start, about half of what
   * loading the configuration costs a fresh JVM) on a thread of its own, so that on a second core
   * it is done by the time a command loads its configuration; a load that comes first waits for it
   * rather than doing it twice. Does nothing on one core.
   */
  public static void prepareInBackground() {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return;
    }
    Runnable prepare =
        () -> {
          try {
            RecordBinder.prepare();
          } catch (LinkageError e) {
            // the load that needs the validator reports that it cannot be built
          }
        };
    Thread thread = new Thread(prepare, "tandem-config-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  /** As {@link #load}, also telling where each setting came from (for {@code config check}). */
  public static LoadedConfig loadWithSources(
      Path explicitOrNull, Path workingDir, Map<String, String> env) throws ConfigException {
    Optional<Path> file = locate(explicitOrNull, workingDir);
    if (file.isEmpty()) {
      return read("", "environment and built-in defaults", env);
    }
    String yaml;
    try {
      yaml = Files.readString(file.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          file.get().toString(), List.of("cannot read the file: " + e.getMessage()));
    }
    return read(yaml, file.get().toString(), env);
  }

  /**
   * Which file {@link #load} reads, if any, so the CLI can say so.
   *
   * @throws ConfigException when an explicit path does not exist or is not a file
   */
  public static Optional<Path> locate(Path explicitOrNull, Path workingDir) throws ConfigException {
    if (explicitOrNull != null) {
      Path file = workingDir.resolve(explicitOrNull).normalize();
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(
            file.toString(),
            List.of(
                "--config: " + file + (Files.exists(file) ? " is not a file" : " does not exist")));
      }
      return Optional.of(file);
    }
    Path file = workingDir.resolve(FILE_NAME);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Validates configuration given as YAML text, with the same rules and environment fallbacks as
   * {@link #load}. Handy for tests; an empty text means built-in defaults.
   */
  public static TandemConfig fromYaml(String yaml, Map<String, String> env) throws ConfigException {
    return fromYamlWithSources(yaml, env).config();
  }

  /** As {@link #fromYaml}, also telling where each setting came from. */
  public static LoadedConfig fromYamlWithSources(String yaml, Map<String, String> env)
      throws ConfigException {
    return read(yaml, "YAML text", env);
  }

  /**
   * The environment variable that sets the setting at {@code key}: {@value #ENV_PREFIX}, then the
   * key in upper case with dots and dashes as underscores ({@code database.password} is {@code
   * TANDEM_DATABASE_PASSWORD}, {@code slack.rate-limits.post-message-burst} is {@code
   * TANDEM_SLACK_RATE_LIMITS_POST_MESSAGE_BURST}).
   */
  public static String environmentVariable(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * Every setting's key path ({@code database.url}, {@code slack.rate-limits.post-message-burst},
   * {@code stop-grace}), in the order of the file, from the loader's own table of sections ({@link
   * SettingKeys#SECTIONS}).
   */
  public static List<String> keys() {
    return SettingKeys.keys();
  }

  private static LoadedConfig read(String yaml, String source, Map<String, String> env)
      throws ConfigException {
    SettingReader reader = new SettingReader(env);
    TandemConfig config = new ConfigSections(reader).read(YamlDocument.parse(yaml, source));
    if (config == null) {
      throw new ConfigException(source, reader.problems());
    }
    return new LoadedConfig(config, reader.sources(), SettingKeys.strayVariables(env));
  }
}
