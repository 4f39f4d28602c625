package io.tandem.core.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's private wish never to be paired with someone ({@code /tandem exclude @person}). Only
 * the matcher reads it; nobody is told.
 */
@Entity(name = "Exclusion")
@Table(name = "exclusion")
public class Exclusion {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "exclusion_ids")
  @TableGenerator(
      name = "exclusion_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "exclusion",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "member_id", nullable = false)
  private Long memberId;

  @Column(name = "excluded_user_id", nullable = false, length = 64)
  private String excludedUserId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Exclusion() {}

  public Exclusion(long workspaceId, long memberId, String excludedUserId, Instant createdAt) {
    this.workspaceId = workspaceId;
    this.memberId = memberId;
    this.excludedUserId = Objects.requireNonNull(excludedUserId, "excludedUserId");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long getMemberId() {
    return memberId;
  }

  public String getExcludedUserId() {
    return excludedUserId;
  }
}
