package io.tandem.core.guidance;

import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminProgram;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code guide list|edit|reset|import}: the workspace's admins and a program's own admins shape the
 * guidance its pairs get. Edits and imports go through a form; what is wrong with a text is said
 * privately, beside the form kept as typed, and nothing is stored.
 */
final class ManageGuides {

  private final Database db;
  private final Clock clock;

  ManageGuides(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Reply list(Actor actor, GuideCommand.ListGuides command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        GuideGrammar.LIST_EXAMPLE,
        (store, program) ->
            GuideMessages.list(
                program,
                Guidance.all(store, program.getId()),
                Guides.in(store).of(program.getId())));
  }

  Reply edit(Actor actor, GuideCommand.Edit command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        GuideGrammar.EDIT_EXAMPLE,
        (store, program) ->
            Reply.openForm(
                "Edit the " + command.template() + " of *" + Markup.text(program.getName()) + "*.",
                GuideForms.edit(
                    program.getId(),
                    command.template(),
                    Guidance.all(store, program.getId()).getOrDefault(command.template(), ""))));
  }

  Reply importForm(Actor actor, GuideCommand.Import command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        GuideGrammar.IMPORT_EXAMPLE,
        (store, program) ->
            Reply.openForm(
                "Import guidance into *" + Markup.text(program.getName()) + "*.",
                GuideForms.importing(program.getId(), "")));
  }

  Reply reset(Actor actor, GuideCommand.Reset command) {
    return AdminProgram.run(
        db,
        actor,
        command.program(),
        GuideGrammar.RESET_EXAMPLE,
        (store, program) -> {
          boolean had = Guides.in(store).remove(program.getId(), command.template());
          return GuideMessages.reset(program, command.template(), had);
        });
  }

  Reply submitEdit(Actor actor, String formId, Map<String, String> values) {
    Optional<GuideForms.Target> target = GuideForms.editTarget(formId);
    String text = values.getOrDefault(GuideForms.TEXT, "");
    if (target.isEmpty() || !GuideDefaults.isTemplate(target.get().template())) {
      return GuideMessages.formGone();
    }
    String template = target.get().template();
    String problem = GuideText.problem(text);
    if (problem != null) {
      return Reply.formError(
          GuideForms.TEXT,
          problem + " For example: " + GuideMessages.exampleLine(),
          GuideForms.edit(target.get().programId(), template, text));
    }
    return asAdmin(
        actor,
        target.get().programId(),
        (store, program) -> {
          ImportGuides.save(store, program, template, GuideText.clean(text), actor.userId(), now());
          return GuideMessages.saved(program, template, GuideText.clean(text));
        });
  }

  Reply submitImport(Actor actor, String formId, Map<String, String> values) {
    Optional<GuideForms.Target> target = GuideForms.importTarget(formId);
    String file = values.getOrDefault(GuideForms.FILE, "");
    if (target.isEmpty()) {
      return GuideMessages.formGone();
    }
    GuideFile.Parsed parsed = ImportGuides.parse(file);
    if (parsed instanceof GuideFile.Parsed.Rejected rejected) {
      return Reply.formError(
          GuideForms.FILE,
          "Nothing was imported. " + rejected.problem() + " " + GuideMessages.fileExample(),
          GuideForms.importing(target.get().programId(), file));
    }
    Map<String, String> templates = ((GuideFile.Parsed.Read) parsed).templates();
    return asAdmin(
        actor,
        target.get().programId(),
        (store, program) -> {
          ImportGuides.store(store, program, templates, actor.userId(), now());
          return GuideMessages.imported(program, List.copyOf(templates.keySet()));
        });
  }

  /** Runs {@code work} on the program a form names, when the actor may administer it. */
  private Reply asAdmin(Actor actor, long programId, BiFunction<Store, Program, Reply> work) {
    return db.transactionRetryingConflicts(
        store -> {
          Optional<Program> program =
              Programs.in(store).byId(programId).filter(p -> inWorkspace(store, actor, p));
          if (program.isEmpty()) {
            return GuideMessages.formGone();
          }
          if (!AdminRights.mayAdminister(store, actor, program.get())) {
            return AdminRights.refuse(
                    store, actor, program.get().getName(), GuideGrammar.EDIT_EXAMPLE)
                .orElseGet(GuideMessages::formGone);
          }
          return work.apply(store, program.get());
        });
  }

  private static boolean inWorkspace(Store store, Actor actor, Program program) {
    return Workspaces.in(store)
        .find(actor.platform(), actor.workspaceId())
        .filter(w -> w.getId().equals(program.getWorkspaceId()))
        .isPresent();
  }

  private Instant now() {
    return ImportGuides.now(clock);
  }
}
