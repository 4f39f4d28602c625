package io.tandem.core.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Handlers by id, exact or by prefix (for ids that carry data, such as {@code log:edit:12}). An id
 * reaches at most one handler: an id or prefix that another covers is refused when registered.
 */
final class Ids<H> {

  private record Entry<H>(H handler, Predicate<String> accepts, String by) {}

  private final String kind;
  private final Map<String, Entry<H>> exact = new LinkedHashMap<>();
  private final Map<String, Entry<H>> prefixes = new LinkedHashMap<>();

  Ids(String kind) {
    this.kind = kind;
  }

  void exact(String id, H handler, String by) {
    requireId(id);
    Entry<H> clash = exact.get(id);
    if (clash == null) {
      clash = covering(id).orElse(null);
    }
    if (clash != null) {
      throw twoHandlers(kind + " " + id, clash.by(), by);
    }
    exact.put(id, new Entry<>(handler, ignored -> true, by));
  }

  void prefix(String prefix, Predicate<String> accepts, H handler, String by) {
    requireId(prefix);
    Entry<H> clash = covering(prefix).orElse(null);
    for (Map.Entry<String, Entry<H>> e : exact.entrySet()) {
      if (clash == null && e.getKey().startsWith(prefix)) {
        clash = e.getValue();
      }
    }
    for (Map.Entry<String, Entry<H>> e : prefixes.entrySet()) {
      if (clash == null && e.getKey().startsWith(prefix)) {
        clash = e.getValue();
      }
    }
    if (clash != null) {
      throw twoHandlers(kind + "s starting with " + prefix, clash.by(), by);
    }
    prefixes.put(prefix, new Entry<>(handler, accepts, by));
  }

  /** The handler for {@code id}, if one is registered and accepts it. */
  Optional<H> find(String id) {
    Entry<H> entry = exact.get(id);
    if (entry == null) {
      entry = covering(id).orElse(null);
    }
    return entry != null && entry.accepts().test(id)
        ? Optional.of(entry.handler())
        : Optional.empty();
  }

  private Optional<Entry<H>> covering(String id) {
    return prefixes.entrySet().stream()
        .filter(e -> id.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  private void requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " must not be blank");
    }
  }

  private static IllegalStateException twoHandlers(String what, String first, String second) {
    return new IllegalStateException("Two handlers for " + what + ": " + first + " and " + second);
  }
}
