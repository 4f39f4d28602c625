package io.tandem.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The state of one load: the environment laid over the file, the problems found so far and where
 * each setting came from. Reads each setting once, however often it is asked for.
 */
final class SettingReader {

  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,\\s]+");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, ValueSource> sources = new LinkedHashMap<>();
  private final Map<String, Setting> texts = new HashMap<>();
  private final Map<String, List<Setting>> lists = new HashMap<>();

  SettingReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  List<String> problems() {
    return problems;
  }

  Map<String, ValueSource> sources() {
    return sources;
  }

  void problem(String problem) {
    problems.add(problem);
  }

  /** The section at {@code key} of {@code parent}, with the keys the table lists for it. */
  Section child(Section parent, String key) {
    String path = parent.pathOf(key);
    return section(path, parent.raw(key), SettingKeys.SECTIONS.get(path), true);
  }

  /** Reads a mapping; unknown and duplicate keys become problems and are left out. */
  Section section(String path, JsonNode raw, List<String> known, boolean inTable) {
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    if (raw != null && raw.isObject()) {
      Map<String, String> spelledAs = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : raw.properties()) {
        String key = entry.getKey();
        String canonical = SettingKeys.canonical(key);
        String keyPath = path.isEmpty() ? key : path + "." + key;
        if (!known.contains(canonical)) {
          problems.add(keyPath + ": " + Messages.unknownKey(canonical, known));
        } else if (spelledAs.containsKey(canonical)) {
          String first = spelledAs.get(canonical);
          problems.add(
              keyPath
                  + ": is the same setting as "
                  + (path.isEmpty() ? first : path + "." + first)
                  + "; keep one");
        } else {
          spelledAs.put(canonical, key);
          entries.put(canonical, entry.getValue());
        }
      }
    } else if (raw != null && !raw.isNull()) {
      problems.add(
          (path.isEmpty() ? "(top level)" : path)
              + ": expected settings ("
              + String.join(", ", known)
              + "), got "
              + Messages.kind(raw));
    }
    return new Section(path, entries, known, inTable);
  }

  /**
   * A scalar setting: from its environment variable (or older alias), else from the file
   * (interpolated). Empty means not set.
   */
  Setting text(Section section, String key) {
    String path = section.pathOf(key);
    Setting known = texts.get(path);
    if (known == null) {
      known = readText(section, key, path);
      texts.put(path, known);
    }
    return known;
  }

  private Setting readText(Section section, String key, String path) {
    Setting.Shown shown = SettingKeys.shown(path);
    JsonNode raw = section.raw(key);
    boolean single = raw == null || raw.isValueNode();
    if (!single) {
      problems.add(path + ": expected a single value, got " + Messages.kind(raw));
    }
    Optional<Setting> fromEnvironment = fromEnvironment(section, path, shown);
    if (fromEnvironment.isPresent()) {
      return fromEnvironment.get();
    }
    if (single && raw != null) {
      List<String> referenced = new ArrayList<>();
      Optional<String> value = resolve(path, raw.asString(), shown, referenced);
      if (value.isPresent()) {
        sources.put(path, ValueSource.file(referenced));
        return new Setting(path, value.get(), null, shown);
      }
    }
    return Setting.unset(path, shown);
  }

  /** The setting's own variable, else its older alias, when either is set to something. */
  private Optional<Setting> fromEnvironment(Section section, String path, Setting.Shown shown) {
    List<String> names = new ArrayList<>(2);
    if (section.inTable()) {
      names.add(ConfigLoader.environmentVariable(path));
    }
    String alias = SettingKeys.alias(path);
    if (alias != null && !names.contains(alias)) {
      names.add(alias);
    }
    for (String name : names) {
      String value = normalize(env.get(name), shown);
      if (value != null) {
        sources.put(path, ValueSource.environment(name));
        return Optional.of(new Setting(path, value, name, shown));
      }
    }
    return Optional.empty();
  }

  /**
   * A setting that holds settings of its own ({@code surveys.templates}): from its variable,
   * written as YAML (<code>{team-pulse: {questions: [...]}}</code>), else from the file.
   */
  JsonNode structured(Section section, String key) {
    String path = section.pathOf(key);
    String name = ConfigLoader.environmentVariable(path);
    String text = normalize(env.get(name), Setting.Shown.PLAIN);
    if (text == null) {
      JsonNode raw = section.raw(key);
      if (raw != null) {
        sources.put(path, ValueSource.file(List.of()));
      }
      return raw;
    }
    sources.put(path, ValueSource.environment(name));
    try {
      return YamlDocument.parse(text, name);
    } catch (ConfigException e) {
      problems.add(path + ": " + name + " is not valid YAML: " + e.problems().get(0));
      return null;
    }
  }

  /**
   * A list setting: a YAML sequence, or one text value separated by commas or spaces (handy with
   * {@code ${VAR}}). Empty items are dropped.
   */
  List<Setting> list(Section section, String key) {
    String path = section.pathOf(key);
    List<Setting> known = lists.get(path);
    if (known == null) {
      known = readList(section, key, path);
      lists.put(path, known);
    }
    return known;
  }

  private List<Setting> readList(Section section, String key, String path) {
    if (section.inTable()) {
      String name = ConfigLoader.environmentVariable(path);
      String text = normalize(env.get(name), Setting.Shown.PLAIN);
      if (text != null) {
        sources.put(path, ValueSource.environment(name));
        return split(path, text, name);
      }
    }
    JsonNode raw = section.raw(key);
    List<Setting> items = new ArrayList<>();
    if (raw == null) {
      return items;
    }
    List<String> referenced = new ArrayList<>();
    sources.put(path, ValueSource.file(referenced));
    if (raw.isObject()) {
      problems.add(path + ": expected a list, got a mapping");
      return items;
    }
    if (raw.isArray()) {
      for (int i = 0; i < raw.size(); i++) {
        String itemPath = path + "[" + i + "]";
        JsonNode item = raw.get(i);
        if (item.isContainer()) {
          problems.add(itemPath + ": expected a single value, got " + Messages.kind(item));
        } else if (!item.isNull()) {
          resolve(itemPath, item.asString(), Setting.Shown.PLAIN, referenced)
              .ifPresent(
                  value -> items.add(new Setting(itemPath, value, null, Setting.Shown.PLAIN)));
        }
      }
      return items;
    }
    return resolve(path, raw.asString(), Setting.Shown.PLAIN, referenced)
        .map(text -> split(path, text, null))
        .orElse(items);
  }

  /** One text value as list items, separated by commas or spaces; empty items are dropped. */
  private static List<Setting> split(String path, String text, String envVar) {
    List<Setting> items = new ArrayList<>();
    for (String part : LIST_SEPARATOR.split(text)) {
      if (!part.isEmpty()) {
        items.add(new Setting(path + "[" + items.size() + "]", part, envVar, Setting.Shown.PLAIN));
      }
    }
    return items;
  }

  /** {@code raw} with its references resolved; the variables it read go to {@code referenced}. */
  private Optional<String> resolve(
      String path, String raw, Setting.Shown shown, List<String> referenced) {
    try {
      return Optional.ofNullable(normalize(Interpolator.resolve(raw, env, referenced), shown));
    } catch (Interpolator.BadReference e) {
      problems.add(new Setting(path, raw, null, shown).problem(e.getMessage()));
      return Optional.empty();
    }
  }

  /** Passwords are kept exactly; other values are stripped. Empty means not set. */
  private static String normalize(String value, Setting.Shown shown) {
    if (value == null) {
      return null;
    }
    String normalized = shown == Setting.Shown.HIDDEN ? value : value.strip();
    return normalized.isEmpty() ? null : normalized;
  }
}
