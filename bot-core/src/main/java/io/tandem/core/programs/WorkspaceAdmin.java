package io.tandem.core.programs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Someone seen acting as an admin in a workspace ({@code workspace_admin}): they ran a command
 * while the platform said they are an admin. They hear help requests and the nudge ladder's
 * escalations.
 */
@Entity(name = "WorkspaceAdmin")
@Table(name = "workspace_admin")
@IdClass(WorkspaceAdmin.Key.class)
public class WorkspaceAdmin {

  @Id
  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Id
  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(name = "first_seen_at", nullable = false)
  private Instant firstSeenAt;

  protected WorkspaceAdmin() {}

  public WorkspaceAdmin(long workspaceId, String userId, Instant firstSeenAt) {
    this.workspaceId = workspaceId;
    this.userId = Objects.requireNonNull(userId, "userId");
    this.firstSeenAt = Objects.requireNonNull(firstSeenAt, "firstSeenAt");
  }

  public long workspaceId() {
    return workspaceId;
  }

  public String userId() {
    return userId;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  /** The primary key: workspace and user. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long workspaceId;
    private String userId;

    public Key() {}

    public Key(long workspaceId, String userId) {
      this.workspaceId = workspaceId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(workspaceId, k.workspaceId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(workspaceId, userId);
    }
  }
}
