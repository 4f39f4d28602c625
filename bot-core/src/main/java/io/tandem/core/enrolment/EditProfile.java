package io.tandem.core.enrolment;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.util.Objects;
import java.util.Optional;

/** {@code /tandem profile}: reopens the profile form, filled in, to edit it. */
public final class EditProfile {

  private final Database db;

  public EditProfile(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public Reply open(Actor actor) {
    return db.transaction(
        store -> {
          Optional<CurrentParticipation> current = CurrentParticipation.of(store, actor);
          if (current.isEmpty()) {
            return Reply.error(
                "You haven't joined a program yet, so there is no profile to edit.", "join mentee");
          }
          Participant p = current.get().participant();
          return Reply.openForm(
              "Here is your profile.",
              ProfileForms.about(
                  p.getProgramId().toString(),
                  p.getRole(),
                  ProfileForms.aboutValues(p, actor.timeZone())));
        });
  }
}
