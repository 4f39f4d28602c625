package io.tandem.core.privacy;

import io.tandem.core.delivery.OutboxPayload;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.schedule.Schedule;
import io.tandem.core.schedule.ScheduledJob;
import io.tandem.core.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every night at 03:30 UTC: deletes private session notes older than {@code
 * retention.private-notes} (when set; notes stay by default), and empties the outbox copies of data
 * files ({@code my data}) delivered more than a day ago, so a person's whole data does not linger
 * there. Idempotent: a re-run finds nothing more to do.
 */
public final class RetentionJob implements ScheduledJob {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  public static final String KEY = "privacy-retention";

  /** How long a delivered data file stays in the outbox, for a retry that proved unnecessary. */
  static final Duration KEEP_DELIVERED_EXPORTS = Duration.ofDays(1);

  private final Database db;
  private final Optional<Duration> privateNotes;

  /**
   * @param privateNotes the age from which private notes are deleted; empty keeps them
   */
  public RetentionJob(Database db, Optional<Duration> privateNotes) {
    this.db = Objects.requireNonNull(db, "db");
    this.privateNotes = Objects.requireNonNull(privateNotes, "privateNotes");
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Schedule schedule() {
    return new Schedule.Cron("0 30 3 * * ?", ZoneOffset.UTC, Schedule.Misfire.FIRE_ONCE_NOW);
  }

  /** What one run deleted and emptied. */
  public record Swept(int privateNotes, int exports) {}

  @Override
  public void run(Instant firedAt) {
    Swept swept = sweep(firedAt);
    if (swept.privateNotes() > 0 || swept.exports() > 0) {
      LOG.info(
          "Retention: deleted {} private notes older than {}, emptied {} delivered data files",
          swept.privateNotes(),
          privateNotes.map(Duration::toString).orElse("(kept)"),
          swept.exports());
    }
  }

  /** The work of one run at {@code now}. */
  public Swept sweep(Instant now) {
    return db.transaction(
        store -> {
          PersonalRecords records = PersonalRecords.in(store);
          int notes =
              privateNotes.isPresent()
                  ? records.clearPrivateNotes(now.minus(privateNotes.get()))
                  : 0;
          int files =
              records.emptyDeliveredFiles(
                  ExportMyData.KEY_PREFIX,
                  now.minus(KEEP_DELIVERED_EXPORTS),
                  RetentionJob::emptiedFile);
          return new Swept(notes, files);
        });
  }

  /** What a delivered data file's message holds once emptied. */
  private static String emptiedFile(String recipientUserId) {
    return new OutboxPayload(
            new ChatTarget.DirectMessage(recipientUserId),
            Reply.info("(a data file, delivered and emptied)", List.of()))
        .toJson();
  }
}
