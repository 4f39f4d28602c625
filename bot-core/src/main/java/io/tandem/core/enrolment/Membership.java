package io.tandem.core.enrolment;

import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.port.in.HandleMembershipUseCase;
import io.tandem.core.port.in.Platform;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Records members leaving and returning to the workspace or server ({@code member.left_at}), with a
 * {@link SignalType#MEMBER_LEFT} or {@link SignalType#MEMBER_RETURNED} signal in the same
 * transaction. Members Tandem never met are not created: the proxy counts only people Tandem knows.
 */
public final class Membership implements HandleMembershipUseCase {

  private final Database db;
  private final Clock clock;

  public Membership(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void memberLeft(Platform platform, String workspaceId, String userId) {
    change(platform, workspaceId, userId, true);
  }

  @Override
  public void memberReturned(Platform platform, String workspaceId, String userId) {
    change(platform, workspaceId, userId, false);
  }

  private void change(Platform platform, String workspaceId, String userId, boolean left) {
    Objects.requireNonNull(platform, "platform");
    if (workspaceId == null || userId == null) {
      return;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    db.transactionRetryingConflicts(
        store -> {
          Optional<Member> member =
              Workspaces.in(store)
                  .find(platform, workspaceId)
                  .flatMap(w -> Members.in(store).find(w.getId(), userId));
          if (member.isEmpty()) {
            return null;
          }
          Member m = member.get();
          boolean changed = left ? m.markLeft(now) : m.markReturned(now);
          if (changed) {
            Signals.in(store)
                .record(
                    Signal.aboutMember(
                        left ? SignalType.MEMBER_LEFT : SignalType.MEMBER_RETURNED,
                        m.getWorkspaceId(),
                        m.getId(),
                        null,
                        now));
          }
          return null;
        });
  }
}
