package io.tandem.core.checkins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.util.Objects;

/** A logged mentoring session (table {@code mentoring_session}). */
@Entity(name = "Session")
@Table(name = "mentoring_session")
public class Session {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "session_ids")
  @TableGenerator(
      name = "session_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "mentoring_session",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "program_id", nullable = false)
  private Long programId;

  /** The participant who logged it. */
  @Column(name = "participant_id", nullable = false)
  private Long participantId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "minutes", nullable = false)
  private int minutes;

  @Column(name = "topic", nullable = false, length = 200)
  private String topic;

  /** The pair it belongs to, or {@code null} for a log made before the person was paired. */
  @Column(name = "pair_id")
  private Long pairId;

  /** The day it took place, ISO {@code yyyy-MM-dd} in the first logger's time zone. */
  @Column(name = "local_date", length = 10)
  private String localDate;

  /** Its number as people see it: per pair, or per person for unpaired logs. */
  @Column(name = "number", nullable = false)
  private int number;

  protected Session() {}

  public Session(
      long workspaceId,
      long programId,
      long participantId,
      Instant occurredAt,
      int minutes,
      String topic) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.participantId = participantId;
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.minutes = minutes;
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /** Places the session in a pair's (or a person's) numbered list on a day. */
  public Session placed(Long pairId, String localDate, int number) {
    this.pairId = pairId;
    this.localDate = localDate;
    this.number = number;
    return this;
  }

  /** Keeps the meeting's summary in step with its perspectives: longest time, first topic. */
  public void summarise(int minutes, String topic, Instant occurredAt) {
    this.minutes = minutes;
    this.topic = Objects.requireNonNull(topic, "topic");
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** Moves the session to another day (an edit by its only logger). */
  public void moveTo(String localDate, Instant occurredAt) {
    this.localDate = localDate;
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
  }

  public Long getPairId() {
    return pairId;
  }

  public String getLocalDate() {
    return localDate;
  }

  public int getNumber() {
    return number;
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

  public Long getParticipantId() {
    return participantId;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public int getMinutes() {
    return minutes;
  }

  public String getTopic() {
    return topic;
  }
}
