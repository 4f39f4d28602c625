package io.tandem.core.guidance;

import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A guidance file stored as a program's own templates: pasted into {@code guide import}'s form by
 * an admin, or imported by the operator ({@code tandem import guides}). Both read the file with
 * {@link GuideFile} and store every section in one transaction, or nothing.
 */
public final class ImportGuides {

  /** Who changed a template the operator imported; it is no chat user. */
  public static final String OPERATOR = "operator (tandem import)";

  private final Database db;
  private final Clock clock;

  public ImportGuides(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What an operator's import did: problems, or the program and the templates it now has. */
  public record Outcome(List<String> problems, String program, List<String> templates) {
    public Outcome {
      problems = List.copyOf(problems);
      templates = List.copyOf(templates);
    }

    public boolean imported() {
      return problems.isEmpty();
    }
  }

  /**
   * Validates the whole file, then stores it into the program {@code target} names, or stores
   * nothing.
   *
   * @param fileName how a problem names the file, e.g. "guides.md"
   * @param file the file's text
   */
  public Outcome importFile(String fileName, String file, ProgramLookup.Target target) {
    Objects.requireNonNull(target, "target");
    List<String> problems = new ArrayList<>();
    GuideFile.Parsed parsed = parse(file);
    if (parsed instanceof GuideFile.Parsed.Rejected rejected) {
      problems.add(fileName + ": " + rejected.problem() + " " + GuideMessages.fileExample());
    }
    try {
      return db.transaction(
          store -> {
            Program program = ProgramLookup.find(store, target).program();
            if (!problems.isEmpty()) {
              return new Outcome(problems, program.getName(), List.of());
            }
            Map<String, String> templates = ((GuideFile.Parsed.Read) parsed).templates();
            store(store, program, templates, OPERATOR, now(clock));
            return new Outcome(List.of(), program.getName(), List.copyOf(templates.keySet()));
          });
    } catch (ProgramLookup.NotFound e) {
      problems.add(0, e.getMessage());
      return new Outcome(problems, null, List.of());
    }
  }

  /** Reads a guidance file with the templates Tandem knows. */
  static GuideFile.Parsed parse(String file) {
    return GuideFile.parse(file, GuideDefaults::isTemplate);
  }

  /** Stores every template as the program's version, in the caller's transaction. */
  static void store(
      Store store, Program program, Map<String, String> templates, String by, Instant now) {
    templates.forEach((name, text) -> save(store, program, name, text, by, now));
  }

  /**
   * Stores the program's version of one template; a text equal to the default just drops the
   * program's own.
   *
   * @param by the admin's platform user id, or {@link #OPERATOR}
   */
  static void save(Store store, Program program, String name, String text, String by, Instant now) {
    Guides guides = Guides.in(store);
    if (GuideDefaults.text(name).filter(text::equals).isPresent()) {
      guides.remove(program.getId(), name);
      return;
    }
    Optional<ProgramTemplate> own = guides.find(program.getId(), name);
    if (own.isPresent()) {
      own.get().change(text, by, now);
    } else {
      guides.add(
          new ProgramTemplate(program.getWorkspaceId(), program.getId(), name, text, by, now));
    }
  }

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
