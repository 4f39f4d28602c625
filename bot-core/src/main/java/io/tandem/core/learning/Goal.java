package io.tandem.core.learning;

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
 * A learning goal in a pair's plan. Either person may set it; its owner is the one who is learning.
 * {@link #getNumber()} is how people name it, counted per pair.
 */
@Entity(name = "Goal")
@Table(name = "goal")
public class Goal {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "goal_ids")
  @TableGenerator(
      name = "goal_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "goal",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Column(name = "pair_id", nullable = false)
  private Long pairId;

  @Column(name = "number", nullable = false)
  private int number;

  @Column(name = "owner_id", nullable = false)
  private Long ownerId;

  @Column(name = "created_by", nullable = false)
  private Long createdBy;

  @Column(name = "text", nullable = false, length = 300)
  private String text;

  /** ISO {@code yyyy-MM-dd}, or {@code null}. */
  @Column(name = "due_date", length = 10)
  private String dueDate;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "done_at")
  private Instant doneAt;

  /** What changed at work because of the goal, in its owner's words, or {@code null}. */
  @Column(name = "outcome_text", length = 300)
  private String outcome;

  @Column(name = "outcome_at")
  private Instant outcomeAt;

  protected Goal() {}

  public Goal(
      long workspaceId,
      long programId,
      long pairId,
      int number,
      long ownerId,
      long createdBy,
      String text,
      String dueDate,
      Instant createdAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.pairId = pairId;
    this.number = number;
    this.ownerId = ownerId;
    this.createdBy = createdBy;
    this.text = Objects.requireNonNull(text, "text");
    this.dueDate = dueDate;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public void markDone(Instant at) {
    this.doneAt = Objects.requireNonNull(at, "at");
  }

  /** Keeps what changed at work because of the goal; a later answer replaces an earlier one. */
  public void recordOutcome(String text, Instant at) {
    this.outcome = Objects.requireNonNull(text, "text");
    this.outcomeAt = Objects.requireNonNull(at, "at");
  }

  public String getOutcome() {
    return outcome;
  }

  public Instant getOutcomeAt() {
    return outcomeAt;
  }

  public boolean isDone() {
    return doneAt != null;
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

  public Long getPairId() {
    return pairId;
  }

  public int getNumber() {
    return number;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public Long getCreatedBy() {
    return createdBy;
  }

  public String getText() {
    return text;
  }

  public String getDueDate() {
    return dueDate;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDoneAt() {
    return doneAt;
  }
}
