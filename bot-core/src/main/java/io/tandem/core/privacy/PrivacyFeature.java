package io.tandem.core.privacy;

import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's own data: {@code my data} and {@code forget}, and the nightly job that deletes what
 * the retention settings no longer keep.
 */
public final class PrivacyFeature implements Feature {

  private final ExportMyData export;
  private final ForgetPerson forget;
  private final RetentionJob retention;

  public PrivacyFeature(ExportMyData export, ForgetPerson forget, RetentionJob retention) {
    this.export = Objects.requireNonNull(export, "export");
    this.forget = Objects.requireNonNull(forget, "forget");
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  /**
   * Both use cases and the retention job on {@code db}.
   *
   * @param privateNotes the age from which private notes are deleted; empty keeps them
   */
  public static PrivacyFeature of(Database db, Clock clock, Optional<Duration> privateNotes) {
    return new PrivacyFeature(
        new ExportMyData(db, clock),
        new ForgetPerson(db, clock),
        new RetentionJob(db, privateNotes));
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(PrivacyCommand.MyData.class, (actor, myData) -> export.send(actor))
        .command(PrivacyCommand.Forget.class, forget::forget)
        .job(retention);
  }
}
