package io.tandem.core.guidance;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.learning.Goal;
import io.tandem.core.learning.Plans;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The guidance a program gives its pairs, for the features that send it: introductions read the
 * role guides and the first-session agenda, reminders a session agenda that fits the pair. Each
 * template is the program's own version when it has one, else Tandem's default. In the caller's
 * transaction.
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
    Map<String, String> all = new LinkedHashMap<>(GuideDefaults.all());
    Guides.in(store).of(programId).forEach(t -> all.put(t.name(), t.text()));
    return all;
  }

  /**
   * The session agenda to suggest to a pair for the meeting due on {@code occurrence} (a day,
   * yyyy-MM-dd), in Markup: the one that fits their skills and goals best, another for the next
   * meeting, the general one in turn. Both people get the same one for the same meeting; the choice
   * is remembered.
   */
  public static String agendaFor(
      Store store,
      Program program,
      long pairId,
      List<Participant> people,
      String occurrence,
      GuideText.Values values) {
    Map<String, String> library = new LinkedHashMap<>();
    all(store, program.getId())
        .forEach(
            (n, t) -> {
              if (GuideDefaults.isAgenda(n)) {
                library.put(n, t);
              }
            });
    Guides guides = Guides.in(store);
    Optional<PairAgenda> last = guides.lastAgenda(pairId);
    String chosen;
    if (last.isPresent()
        && last.get().occurrence().equals(occurrence)
        && library.containsKey(last.get().agenda())) {
      chosen = last.get().agenda();
    } else {
      List<String> candidates = candidates(library.keySet(), words(store, pairId, people));
      int after = last.map(a -> candidates.indexOf(a.agenda())).orElse(-1);
      chosen = candidates.get((after + 1) % candidates.size());
      if (last.isPresent()) {
        last.get().suggest(chosen, occurrence);
      } else {
        guides.add(new PairAgenda(program.getWorkspaceId(), pairId, chosen, occurrence));
      }
    }
    return GuideText.render(library.get(chosen), values);
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

  /** The words of the pair's skills (both ways) and goals, lower case. */
  private static Set<String> words(Store store, long pairId, List<Participant> people) {
    Stream<String> skills =
        people.stream().flatMap(p -> Stream.of(p.getCanTeach(), p.getWantsToLearn()));
    Stream<String> goals = Plans.in(store).goals(pairId).stream().map(Goal::getText);
    return Stream.concat(skills, goals)
        .flatMap(text -> Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
        .filter(w -> !w.isBlank())
        .collect(Collectors.toSet());
  }
}
