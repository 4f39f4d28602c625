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
 * Someone an admin made an admin of one program ({@code program_admin}): they run that program's
 * admin commands, and only that program's, without being a workspace admin.
 */
@Entity(name = "ProgramAdmin")
@Table(name = "program_admin")
@IdClass(ProgramAdmin.Key.class)
public class ProgramAdmin {

  @Id
  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Id
  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "granted_by", nullable = false, length = 64)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected ProgramAdmin() {}

  /**
   * @param grantedBy the platform user id of the admin who granted the right
   */
  public ProgramAdmin(
      long workspaceId, long programId, String userId, String grantedBy, Instant grantedAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.userId = Objects.requireNonNull(userId, "userId");
    this.grantedBy = Objects.requireNonNull(grantedBy, "grantedBy");
    this.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
  }

  public long workspaceId() {
    return workspaceId;
  }

  public long programId() {
    return programId;
  }

  public String userId() {
    return userId;
  }

  public String grantedBy() {
    return grantedBy;
  }

  public Instant grantedAt() {
    return grantedAt;
  }

  /** The primary key: program and user. */
  public static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long programId;
    private String userId;

    public Key() {}

    public Key(long programId, String userId) {
      this.programId = programId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(programId, k.programId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(programId, userId);
    }
  }
}
