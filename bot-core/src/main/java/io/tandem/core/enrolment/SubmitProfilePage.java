package io.tandem.core.enrolment;

import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A page of the profile form came back: the first page stores the participant ({@link
 * SaveAboutPage}), the second their skills ({@link SaveSkillsPage}), in one transaction each.
 */
public final class SubmitProfilePage {

  private final Database db;
  private final Clock clock;

  public SubmitProfilePage(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether a form id is a page of the profile form. */
  static boolean handles(String formId) {
    return ProfileForms.FormId.parse(formId).isPresent();
  }

  public Reply submitted(Actor actor, String formId, Map<String, String> values) {
    ProfileForms.FormId form = ProfileForms.FormId.parse(formId).orElseThrow();
    // two first joins in a new workspace race to create it: the loser retries and finds it
    return db.transactionRetryingConflicts(
        store -> {
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          return form.page().equals(ProfileForms.ABOUT)
              ? SaveAboutPage.save(store, actor, form, values, now)
              : SaveSkillsPage.save(store, actor, form, values, now);
        });
  }
}
