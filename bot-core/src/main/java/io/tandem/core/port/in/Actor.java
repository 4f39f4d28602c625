package io.tandem.core.port.in;

import java.util.Objects;

/**
 * Who is talking to Tandem, as the adapter saw them on the platform.
 *
 * @param platform where the person is
 * @param workspaceId the Slack team id or Discord guild id
 * @param userId the platform user id
 * @param displayName a name to address the person by, never used as an identity
 * @param timeZone an IANA zone id from the platform profile, or {@code null} when unknown
 * @param admin whether the adapter found the person to be a program admin (Slack: configured user
 *     ids and workspace admins; Discord: the configured role or Manage Server)
 * @param email the work email from the platform profile, or {@code null} when the platform gives
 *     none (Discord, or Slack without {@code users:read.email}); only ever used to link HR roster
 *     rows to the person, and never logged
 */
public record Actor(
    Platform platform,
    String workspaceId,
    String userId,
    String displayName,
    String timeZone,
    boolean admin,
    String email) {

  public Actor {
    Objects.requireNonNull(platform, "platform");
    requireText(workspaceId, "workspaceId");
    requireText(userId, "userId");
    displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    email = email == null || email.isBlank() ? null : email;
  }

  /** Someone whose platform gives no email. */
  public Actor(
      Platform platform,
      String workspaceId,
      String userId,
      String displayName,
      String timeZone,
      boolean admin) {
    this(platform, workspaceId, userId, displayName, timeZone, admin, null);
  }

  /** Leaves the email out, so that an actor written to a log never carries it. */
  @Override
  public String toString() {
    return "Actor[" + platform + " " + workspaceId + " " + userId + (admin ? " admin" : "") + "]";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
