package io.tandem.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of what {@code tandem.yml} may hold: its sections by path, each with its keys; the
 * older variables some settings also read; and which values are secret.
 */
final class SettingKeys {

  /**
   * The file's sections by path, each with its keys. A key that is itself a section here is read as
   * one; every other key is a setting, and each setting can be set from the environment ({@link
   * ConfigLoader#environmentVariable}). Survey templates are one setting ({@code
   * surveys.templates}): their ids are the admins' own.
   */
  static final Map<String, List<String>> SECTIONS = sections();

  static final List<String> TEMPLATE_KEYS =
      List.of("title", "anonymous", "audience", "open-for", "remind-after", "questions");
  static final List<String> QUESTION_KEYS = List.of("type", "text", "choices");

  /** Settings that also read an older, well-known variable. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "database.url", ConfigLoader.ENV_DATABASE_URL,
          "slack.bot-token", ConfigLoader.ENV_SLACK_BOT_TOKEN,
          "slack.app-token", ConfigLoader.ENV_SLACK_APP_TOKEN,
          "slack.signing-secret", ConfigLoader.ENV_SLACK_SIGNING_SECRET,
          "discord.bot-token", ConfigLoader.ENV_DISCORD_BOT_TOKEN,
          "discord.application-id", ConfigLoader.ENV_DISCORD_APPLICATION_ID,
          "http.dashboard-secret", ConfigLoader.ENV_DASHBOARD_SECRET);

  /** Settings whose values problem messages mask; all others are shown as written. */
  private static final Map<String, Setting.Shown> SECRETS =
      Map.of(
          "database.url", Setting.Shown.URL,
          "database.password", Setting.Shown.HIDDEN,
          "slack.bot-token", Setting.Shown.TOKEN,
          "slack.app-token", Setting.Shown.TOKEN,
          "slack.signing-secret", Setting.Shown.HIDDEN,
          "discord.bot-token", Setting.Shown.TOKEN,
          "http.dashboard-secret", Setting.Shown.HIDDEN);

  /** Variables the launcher reads, not the configuration. */
  private static final List<String> NOT_SETTINGS =
      List.of("TANDEM_JAVA_OPTS", "TANDEM_JAR", "TANDEM_CACHE_DIR");

  private SettingKeys() {}

  private static Map<String, List<String>> sections() {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    sections.put(
        "",
        List.of(
            "database",
            "slack",
            "discord",
            "http",
            "outbox",
            "scheduler",
            "surveys",
            "reminders",
            "logging",
            "stop-grace",
            "retention"));
    sections.put("database", List.of("url", "user", "password", "pool-size"));
    sections.put(
        "slack",
        List.of(
            "mode",
            "bot-token",
            "app-token",
            "signing-secret",
            "api-url",
            "admins",
            "workspaces",
            "max-request-size",
            "rate-limits"));
    sections.put(
        "slack.rate-limits",
        List.of(
            "post-message-per-channel-per-second",
            "post-message-burst",
            "workspace-per-minute",
            "conversations-open-per-minute",
            "views-publish-per-minute"));
    sections.put(
        "discord",
        List.of(
            "bot-token",
            "application-id",
            "guild-ids",
            "rest-url",
            "gateway-url",
            "admin-role",
            "track-departures",
            "rate-limits"));
    sections.put("discord.rate-limits", List.of("global-per-second"));
    sections.put(
        "http", List.of("bind-address", "port", "dashboard-secret", "public-url", "link-lifetime"));
    sections.put(
        "outbox", List.of("max-attempts", "poll-interval", "batch-size", "lease", "workers"));
    sections.put("scheduler", List.of("instance-id", "thread-count"));
    sections.put("surveys", List.of("anonymity-threshold", "templates"));
    sections.put("reminders", List.of("quiet-hours", "interval", "catch-up"));
    sections.put("logging", List.of("format", "level"));
    sections.put("retention", List.of("private-notes"));
    return Collections.unmodifiableMap(sections);
  }

  /** Every setting's key path, in the order of the file. */
  static List<String> keys() {
    List<String> keys = new ArrayList<>();
    addKeys("", keys);
    return List.copyOf(keys);
  }

  private static void addKeys(String section, List<String> keys) {
    for (String key : SECTIONS.get(section)) {
      String path = section.isEmpty() ? key : section + "." + key;
      if (SECTIONS.containsKey(path)) {
        addKeys(path, keys);
      } else {
        keys.add(path);
      }
    }
  }

  /** The older variable the setting at {@code path} also reads, or {@code null}. */
  static String alias(String path) {
    return ALIASES.get(path);
  }

  static Setting.Shown shown(String path) {
    return SECRETS.getOrDefault(path, Setting.Shown.PLAIN);
  }

  /** {@code pool-size}, {@code pool_size}, {@code poolSize} and {@code POOL_SIZE} are one key. */
  static String canonical(String key) {
    StringBuilder canonical = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
        canonical.append('-');
      }
      canonical.append(c == '_' ? '-' : Character.toLowerCase(c));
    }
    return canonical.toString();
  }

  /**
   * {@value ConfigLoader#ENV_PREFIX} variables that set nothing, each with the closest setting's
   * variable, or an empty text when none is close.
   */
  static Map<String, String> strayVariables(Map<String, String> env) {
    List<String> known =
        new ArrayList<>(keys().stream().map(ConfigLoader::environmentVariable).toList());
    known.add(ConfigLoader.ENV_DASHBOARD_SECRET);
    Map<String, String> strays = new LinkedHashMap<>();
    for (String name : env.keySet()) {
      if (name.startsWith(ConfigLoader.ENV_PREFIX)
          && !known.contains(name)
          && !NOT_SETTINGS.contains(name)) {
        // the suggestions compare in lower case
        strays.put(
            name,
            Suggestions.closest(name, known.stream().map(Text::lower).toList())
                .map(closest -> closest.toUpperCase(Locale.ROOT))
                .orElse(""));
      }
    }
    return strays;
  }
}
