package io.tandem.core.matching;

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

/**
 * A mentor and a mentee in one program. A match preview stores its pairs as {@link
 * Status#PROPOSED}; approval makes them {@link Status#ACTIVE}. Ended pairs stay for repeat
 * avoidance and reports.
 */
@Entity(name = "Pair")
@Table(name = "mentoring_pair")
public class Pair {

  public enum Status {
    PROPOSED,
    ACTIVE,
    ENDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "pair_ids")
  @TableGenerator(
      name = "pair_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "mentoring_pair",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  @Column(name = "mentor_id", nullable = false)
  private Long mentorId;

  @Column(name = "mentee_id", nullable = false)
  private Long menteeId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private Status status;

  @Column(name = "score", nullable = false)
  private long score;

  /** The reasons for the match, one per line, in the words people are shown. */
  @Column(name = "reasons", nullable = false)
  private String reasons;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  // reminders (V5)
  @Column(name = "restarted_at")
  private Instant restartedAt;

  @Column(name = "remind_on")
  private Instant remindOn;

  @Column(name = "at_risk_at")
  private Instant atRiskAt;

  @Column(name = "next_session_at")
  private Instant nextSessionAt;

  protected Pair() {}

  public Pair(
      long workspaceId,
      long programId,
      long mentorId,
      long menteeId,
      long score,
      String reasons,
      Instant createdAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.mentorId = mentorId;
    this.menteeId = menteeId;
    this.status = Status.PROPOSED;
    this.score = score;
    this.reasons = Objects.requireNonNull(reasons, "reasons");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public void approve(Instant at) {
    this.status = Status.ACTIVE;
    this.createdAt = at;
  }

  public void end(Instant at) {
    this.status = Status.ENDED;
    this.endedAt = at;
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

  public Long getMentorId() {
    return mentorId;
  }

  public Long getMenteeId() {
    return menteeId;
  }

  public Status getStatus() {
    return status;
  }

  public long getScore() {
    return score;
  }

  public String getReasons() {
    return reasons;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  /** The cadence starts over from {@code at} (resumed after a pause, or chose to continue). */
  public void restart(Instant at) {
    this.restartedAt = at;
    this.atRiskAt = null;
    this.remindOn = null;
  }

  /** Moves the current reminder to {@code at} (snoozed, or another day picked). */
  public void remindOn(Instant at) {
    this.remindOn = at;
  }

  public void markAtRisk(Instant at) {
    this.atRiskAt = at;
  }

  public Instant getRestartedAt() {
    return restartedAt;
  }

  public Instant getRemindOn() {
    return remindOn;
  }

  public Instant getAtRiskAt() {
    return atRiskAt;
  }

  /** When the pair's next planned session starts, or {@code null} when none is planned. */
  public Instant getNextSessionAt() {
    return nextSessionAt;
  }

  /** The calendar's planned session moved to {@code at} ({@code null}: none planned). */
  public void nextSessionAt(Instant at) {
    this.nextSessionAt = at;
  }
}
