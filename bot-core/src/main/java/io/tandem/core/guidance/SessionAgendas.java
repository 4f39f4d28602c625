package io.tandem.core.guidance;

import io.tandem.core.enrolment.Participant;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The session agendas a batch of reminders suggests: for each pair, of its program's library, the
 * one that fits the pair's skills (both ways) and goals best, another at the next meeting, the
 * general one in turn ({@link Guidance#candidates}). Both people get the same one for the same
 * occurrence; the choice is remembered. Loaded in three queries however many pairs the batch has,
 * in the reminder job's transaction. Not thread-safe.
 */
public final class SessionAgendas {

  private final Store store;
  private final Map<Long, List<ProgramTemplate>> ownByProgram;
  private final Map<Long, PairAgenda> last;
  private final Map<Long, List<String>> goals;

  private SessionAgendas(
      Store store,
      Map<Long, List<ProgramTemplate>> ownByProgram,
      Map<Long, PairAgenda> last,
      Map<Long, List<String>> goals) {
    this.store = store;
    this.ownByProgram = ownByProgram;
    this.last = last;
    this.goals = goals;
  }

  /** What the agendas of these programs' pairs need, in the caller's transaction. */
  public static SessionAgendas load(
      Store store, Collection<Long> programIds, Collection<Long> pairIds) {
    Guides guides = Guides.in(store);
    Map<Long, List<ProgramTemplate>> own =
        guides.ofPrograms(programIds).stream()
            .collect(Collectors.groupingBy(ProgramTemplate::programId));
    return new SessionAgendas(store, own, guides.lastAgendas(pairIds), guides.goalTexts(pairIds));
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
    Map<String, String> library = new LinkedHashMap<>();
    Guidance.withOwn(ownByProgram.getOrDefault(program.getId(), List.of()))
        .forEach(
            (name, text) -> {
              if (GuideDefaults.isAgenda(name)) {
                library.put(name, text);
              }
            });
    PairAgenda before = last.get(pairId);
    String chosen;
    if (before != null
        && before.occurrence().equals(occurrence)
        && library.containsKey(before.agenda())) {
      chosen = before.agenda();
    } else {
      List<String> candidates = Guidance.candidates(library.keySet(), words(pairId, people));
      int after = before == null ? -1 : candidates.indexOf(before.agenda());
      chosen = candidates.get((after + 1) % candidates.size());
      if (before == null) {
        PairAgenda first = new PairAgenda(program.getWorkspaceId(), pairId, chosen, occurrence);
        Guides.in(store).add(first);
        last.put(pairId, first);
      } else {
        before.suggest(chosen, occurrence);
      }
    }
    return GuideText.render(library.get(chosen), values);
  }

  /** The words of the pair's skills (both ways) and goals, lower case. */
  private Set<String> words(long pairId, List<Participant> people) {
    Stream<String> skills =
        people.stream().flatMap(p -> Stream.of(p.getCanTeach(), p.getWantsToLearn()));
    return Stream.concat(skills, goals.getOrDefault(pairId, List.of()).stream())
        .flatMap(text -> Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")))
        .filter(w -> !w.isBlank())
        .collect(Collectors.toSet());
  }
}
