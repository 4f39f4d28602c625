package io.tandem.core.guidance;

import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guidance a program gives its pairs, for the features that send it: introductions read the
 * role guides and the first-session agenda; reminders ask {@link SessionAgendas}. Each template is
 * the program's own version when it has one, else Tandem's default. In the caller's transaction.
 */
public final class Guidance {

  private Guidance() {}

  /** The program's text of template {@code name} (its own, else the default), as stored. */
  public static String text(Store store, long programId, String name) {
    return Guides.in(store)
        .find(programId, name)
        .map(ProgramTemplate::text)
        .or(() -> GuideDefaults.text(name))
        .orElseThrow(() -> new IllegalArgumentException("no template " + name));
  }

  /** Template {@code name} of the program as a message in Markup, for one pair. */
  public static String render(Store store, Program program, String name, GuideText.Values values) {
    return GuideText.render(text(store, program.getId(), name), values);
  }

  /** Every template the program has, default or its own, by name: defaults first, then added. */
  public static Map<String, String> all(Store store, long programId) {
    return withOwn(Guides.in(store).of(programId));
  }

  /** Tandem's defaults with {@code own} (one program's) in their place, added ones last. */
  static Map<String, String> withOwn(List<ProgramTemplate> own) {
    Map<String, String> all = new LinkedHashMap<>(GuideDefaults.all());
    own.forEach(t -> all.put(t.name(), t.text()));
    return all;
  }

  /**
   * The agendas in the order a pair gets them: those that fit their words, best first, then the
   * general one; when none fits, the general one and then every other.
   */
  static List<String> candidates(Set<String> library, Set<String> words) {
    Map<String, Long> fit =
        library.stream()
            .collect(
                Collectors.toMap(
                    n -> n,
                    n -> GuideDefaults.areaWords(n).stream().filter(words::contains).count(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    List<String> order =
        new ArrayList<>(
            fit.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList());
    boolean noneFits = order.isEmpty();
    String general =
        library.contains(GuideDefaults.GENERAL_AGENDA)
            ? GuideDefaults.GENERAL_AGENDA
            : library.stream().sorted(Comparator.naturalOrder()).findFirst().orElseThrow();
    order.remove(general);
    order.add(general);
    if (noneFits) {
      library.stream().filter(n -> !order.contains(n)).forEach(order::add);
    }
    return order;
  }
}
