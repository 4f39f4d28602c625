package io.tandem.core.port.in;

/**
 * Who is in the workspace or server: departures and returns the platform reports, which the
 * retention proxy of the report reads when there is no HR roster.
 *
 * <p>Called by the adapters on their worker threads (never on the platform's event thread or the
 * acknowledgement path), like {@link HandleCommandUseCase}. Each call is one transaction that
 * updates the member and records its engagement signal together. Tandem takes the time from its own
 * clock: platforms say that someone left, not reliably when (Discord not at all). Nothing is
 * returned and nothing is thrown; people Tandem never met are ignored. Safe to call repeatedly for
 * the same person: the first departure time is kept.
 */
public interface HandleMembershipUseCase {

  /** Nothing is recorded; for adapters whose membership tracking is off. */
  HandleMembershipUseCase NONE =
      new HandleMembershipUseCase() {
        @Override
        public void memberLeft(Platform platform, String workspaceId, String userId) {}

        @Override
        public void memberReturned(Platform platform, String workspaceId, String userId) {}
      };

  /**
   * The person left the workspace or server (Slack: account deactivated; Discord: left, kicked or
   * banned).
   *
   * @param workspaceId the Slack team id or Discord guild id
   * @param userId the platform user id
   */
  void memberLeft(Platform platform, String workspaceId, String userId);

  /**
   * The person is in the workspace again (Slack: account reactivated; Discord: joined the server).
   * Clears a recorded departure; does nothing for people who never left.
   */
  void memberReturned(Platform platform, String workspaceId, String userId);
}
