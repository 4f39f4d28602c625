package io.tandem.core.programs;

import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code program list}: the workspace's programs, with their status and active people. */
public final class ListPrograms {

  private final Database db;

  public ListPrograms(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public Reply list(Actor actor) {
    return db.readsFirst(
        store -> {
          List<Program> programs =
              Workspaces.in(store)
                  .find(actor.platform(), actor.workspaceId())
                  .map(w -> Programs.in(store).inWorkspace(w.getId()))
                  .orElse(List.of());
          if (programs.isEmpty()) {
            return Reply.info(
                "No programs yet. Admins create one with `"
                    + ProgramMessages.createExample()
                    + "`.",
                List.of());
          }
          Participants participants = Participants.in(store);
          List<Reply.Field> fields = new ArrayList<>();
          for (Program p : programs) {
            long people = participants.count(p.getId(), ParticipantStatus.ACTIVE);
            fields.add(
                new Reply.Field(
                    Markup.text(p.getName()), p.getStatus().label() + ", " + people + " active"));
          }
          return Reply.info("Programs in this workspace:", fields);
        });
  }
}
