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

/** A step towards a {@link Goal} (table {@code goal_task}); numbered per pair like goals. */
@Entity(name = "GoalTask")
@Table(name = "goal_task")
public class GoalTask {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "goal_task_ids")
  @TableGenerator(
      name = "goal_task_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "goal_task",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "pair_id", nullable = false)
  private Long pairId;

  @Column(name = "goal_id", nullable = false)
  private Long goalId;

  @Column(name = "number", nullable = false)
  private int number;

  @Column(name = "text", nullable = false, length = 300)
  private String text;

  @Column(name = "created_by", nullable = false)
  private Long createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "done_at")
  private Instant doneAt;

  @Column(name = "done_by")
  private Long doneBy;

  protected GoalTask() {}

  public GoalTask(
      long workspaceId,
      long pairId,
      long goalId,
      int number,
      String text,
      long createdBy,
      Instant createdAt) {
    this.workspaceId = workspaceId;
    this.pairId = pairId;
    this.goalId = goalId;
    this.number = number;
    this.text = Objects.requireNonNull(text, "text");
    this.createdBy = createdBy;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public void markDone(long participantId, Instant at) {
    this.doneBy = participantId;
    this.doneAt = Objects.requireNonNull(at, "at");
  }

  public boolean isDone() {
    return doneAt != null;
  }

  public Long getId() {
    return id;
  }

  public Long getPairId() {
    return pairId;
  }

  public Long getGoalId() {
    return goalId;
  }

  public int getNumber() {
    return number;
  }

  public String getText() {
    return text;
  }

  public Long getCreatedBy() {
    return createdBy;
  }

  public Instant getDoneAt() {
    return doneAt;
  }

  public Long getDoneBy() {
    return doneBy;
  }
}
