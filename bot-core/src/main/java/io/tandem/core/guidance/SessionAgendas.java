package io.tandem.core.guidance;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The session agendas a batch of reminders suggests: for each pair, of its program's library, the
 * one that fits the pair's skills (both ways) and goals best, another at the next meeting, the
 * general one in turn ({@link Guidance#candidates}). Both people get the same one for the same
 * occurrence. Loaded in three queries however many pairs the batch has, in the reminder job's
 * transaction; what is worked out once is kept for the batch (a program's library, the order of its
 * agendas for one set of words). The choices are not written here: the caller saves {@link
 * #chosen()} in the same transaction. Not thread-safe.
 */
public final class SessionAgendas {

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** An agenda chosen for a pair's occurrence (a day, yyyy-MM-dd), as {@code pair_agenda} holds. */
  public record Choice(long workspaceId, long pairId, String agenda, String occurrence) {}

  /** The agenda a pair was last given, and for which occurrence. */
  private record Agenda(String agenda, String occurrence) {}

  private final Map<Long, List<ProgramTemplate>> ownByProgram;
  private final Map<Long, Agenda> last = new HashMap<>();
  private final Map<Long, List<String>> goals;
  private final Map<Long, Choice> chosen = new LinkedHashMap<>();
  private final Map<Long, Map<String, String>> libraries = new HashMap<>();
  private final Map<String, List<String>> wordsOfText = new HashMap<>();
  private final Map<List<Object>, List<String>> candidates = new HashMap<>();

  private SessionAgendas(
      Map<Long, List<ProgramTemplate>> ownByProgram,
      Map<Long, PairAgenda> last,
      Map<Long, List<String>> goals) {
    this.ownByProgram = ownByProgram;
    last.forEach((pair, a) -> this.last.put(pair, new Agenda(a.agenda(), a.occurrence())));
    this.goals = goals;
  }

  /** What the agendas of these programs' pairs need, in the caller's transaction. */
  public static SessionAgendas load(
      Store store, Collection<Long> programIds, Collection<Long> pairIds) {
    Guides guides = Guides.in(store);
    Map<Long, List<ProgramTemplate>> own =
        guides.ofPrograms(programIds).stream()
            .collect(Collectors.groupingBy(ProgramTemplate::programId));
    return new SessionAgendas(own, guides.lastAgendas(pairIds), guides.goalTexts(pairIds));
  }

  /**
   * The agenda, in Markup, for the pair's meeting due on {@code occurrence} (a day, yyyy-MM-dd).
   *
   * @param people the pair's mentor and mentee
   */
  public String suggest(
      Program program,
      long pairId,
      List<Participant> people,
      String occurrence,
      GuideText.Values values) {
    Map<String, String> library = libraries.computeIfAbsent(program.getId(), this::library);
    Agenda before = last.get(pairId);
    String agenda;
    if (before != null
        && before.occurrence().equals(occurrence)
        && library.containsKey(before.agenda())) {
      agenda = before.agenda();
    } else {
      Set<String> words = words(pairId, people);
      List<String> order =
          candidates.computeIfAbsent(
              List.of(program.getId(), words), key -> Guidance.candidates(library.keySet(), words));
      int after = before == null ? -1 : order.indexOf(before.agenda());
      agenda = order.get((after + 1) % order.size());
      Choice choice = new Choice(program.getWorkspaceId(), pairId, agenda, occurrence);
      last.put(pairId, new Agenda(agenda, occurrence));
      chosen.put(pairId, choice);
    }
    return GuideText.render(library.get(agenda), values);
  }

  /** The agendas {@link #suggest} chose anew, one per pair, to be saved. */
  public List<Choice> chosen() {
    return new ArrayList<>(chosen.values());
  }

  /** The program's agendas (its own versions over the defaults), by name. */
  private Map<String, String> library(long programId) {
    Map<String, String> library = new LinkedHashMap<>();
    Guidance.withOwn(ownByProgram.getOrDefault(programId, List.of()))
        .forEach(
            (name, text) -> {
              if (GuideDefaults.isAgenda(name)) {
                library.put(name, text);
              }
            });
    return library;
  }

  /** The words of the pair's skills (both ways) and goals, lower case. */
  private Set<String> words(long pairId, List<Participant> people) {
    Set<String> words = new HashSet<>();
    for (Participant p : people) {
      words.addAll(wordsOf(p.getCanTeach()));
      words.addAll(wordsOf(p.getWantsToLearn()));
    }
    for (String goal : goals.getOrDefault(pairId, List.of())) {
      words.addAll(wordsOf(goal));
    }
    return words;
  }

  private List<String> wordsOf(String text) {
    return wordsOfText.computeIfAbsent(
        text,
        t ->
            NOT_A_WORD
                .splitAsStream(t.toLowerCase(Locale.ROOT))
                .filter(w -> !w.isBlank())
                .toList());
  }
}
