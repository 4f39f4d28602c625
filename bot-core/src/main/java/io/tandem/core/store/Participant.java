package io.tandem.core.store;

import io.tandem.core.domain.ParticipantStatus;
import io.tandem.core.domain.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/** A member taking part in one program, as mentor or mentee. Unique per member and program. */
@Entity(name = "Participant")
@Table(name = "participant")
public class Participant {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "participant_ids")
  @TableGenerator(
      name = "participant_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "participant",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Column(name = "member_id", nullable = false)
  private Long memberId;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 16)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private ParticipantStatus status;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  protected Participant() {}

  public Participant(long workspaceId, long programId, long memberId, Role role, Instant joinedAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.memberId = memberId;
    this.role = Objects.requireNonNull(role, "role");
    this.status = ParticipantStatus.ACTIVE;
    this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt");
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public Long getProgramId() {
    return programId;
  }

  public Long getMemberId() {
    return memberId;
  }

  public Role getRole() {
    return role;
  }

  public ParticipantStatus getStatus() {
    return status;
  }

  public Instant getJoinedAt() {
    return joinedAt;
  }
}
