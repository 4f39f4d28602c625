package io.tandem.core.enrolment;

import io.tandem.core.enrolment.persistence.JdbcRoster;
import io.tandem.core.store.Store;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The HR roster of each workspace, which reports measure retention against. */
public interface Roster {

  /**
   * The roster of the transaction {@code store} belongs to.
   *
   * @param sqlite whether the database is SQLite (which locks differently)
   */
  static Roster in(Store store, boolean sqlite) {
    return new JdbcRoster(store, sqlite);
  }

  /**
   * One employee.
   *
   * @param employee the employee id, else the email
   * @param email in lower case; {@code null} for none
   * @param userId the user id named in the file; {@code null} for none
   * @param left {@code null} while employed
   */
  record Entry(
      String employee,
      String email,
      String userId,
      LocalDate hired,
      LocalDate left,
      String department,
      int band) {}

  /**
   * The user id of each member email the platform gave. Should two members share an email, the one
   * still there and most recently seen wins.
   */
  Map<String, String> userOfEmail(long workspaceId);

  /**
   * Replaces the workspace's roster with {@code entries}, each linked to the user id at the same
   * index of {@code userIds} ({@code null} for none).
   *
   * @return how many entries of the previous roster were replaced
   */
  int replace(long workspaceId, List<Entry> entries, List<String> userIds, long importedAt);
}
