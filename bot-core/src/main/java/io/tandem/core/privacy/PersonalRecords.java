package io.tandem.core.privacy;

import io.tandem.core.privacy.persistence.JdbcPersonalRecords;
import io.tandem.core.privacy.persistence.PersonalDataRows.Person;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the privacy use cases read and rewrite a person's data: every table at once, by the {@link
 * PersonalData#RULES}. Called inside the caller's transaction ({@link #in(Store)}), on the caller's
 * thread; pending JPA writes are flushed first.
 */
public interface PersonalRecords {

  static PersonalRecords in(Store store) {
    return new JdbcPersonalRecords(store);
  }

  /** Every exported rule's rows about the person, by section, in list order. */
  Map<String, List<Map<String, Object>>> export(Person person);

  /**
   * Erases or pseudonymises the person's rows by the rules.
   *
   * @return rows changed per table
   */
  Map<String, Integer> erase(Person person, String pseudonym, String emptyPayload);

  /** Records an erasure in {@code erasure_audit}: when, by whom, how many rows; never whom. */
  void audit(long workspaceId, Instant at, String by, int rows);

  /** Empties private session notes written before {@code before}; returns how many. */
  int clearPrivateNotes(Instant before);

  /**
   * Replaces the payload of delivered data files (outbox keys starting {@code keyPrefix}, delivered
   * before {@code before}) with {@code emptied.apply(recipientUserId)}.
   *
   * @return how many were emptied
   */
  int emptyDeliveredFiles(String keyPrefix, Instant before, Function<String, String> emptied);
}
