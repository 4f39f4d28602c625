package io.tandem.core.kernel;

import io.tandem.core.store.Json;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One entry in the append-only engagement log. Never updated or deleted by use cases; written in
 * the same transaction as the state change it describes.
 */
@Entity(name = "Signal")
@Table(name = "signal")
public class Signal {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "signal_ids")
  @TableGenerator(
      name = "signal_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "signal",
      allocationSize = 100)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false, length = 40)
  private SignalType type;

  @Column(name = "actor_member_id")
  private Long actorMemberId;

  @Column(name = "program_id")
  private Long programId;

  @Column(name = "participant_id")
  private Long participantId;

  @Column(name = "pair_id")
  private Long pairId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  /** A JSON object; never personal text such as topics. */
  @Column(name = "details", nullable = false)
  private String details;

  protected Signal() {}

  public Signal(
      long workspaceId,
      SignalType type,
      Long actorMemberId,
      Long programId,
      Long participantId,
      Long pairId,
      Instant occurredAt,
      String details) {
    this.workspaceId = workspaceId;
    this.type = Objects.requireNonNull(type, "type");
    this.actorMemberId = actorMemberId;
    this.programId = programId;
    this.participantId = participantId;
    this.pairId = pairId;
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.details = details == null ? "{}" : details;
  }

  /** A signal about one participant, by the member who acted ({@code null} for nobody). */
  public static Signal aboutParticipant(
      SignalType type,
      long workspaceId,
      Long actorMemberId,
      long programId,
      long participantId,
      Map<String, ?> details,
      Instant at) {
    return new Signal(
        workspaceId, type, actorMemberId, programId, participantId, null, at, json(details));
  }

  /** A signal about a program as a whole. */
  public static Signal aboutProgram(
      SignalType type, long workspaceId, long programId, Map<String, ?> details, Instant at) {
    return new Signal(workspaceId, type, null, programId, null, null, at, json(details));
  }

  /** A signal about one pair, by the member who acted ({@code null} for nobody). */
  public static Signal aboutPair(
      SignalType type,
      long workspaceId,
      Long actorMemberId,
      long programId,
      long pairId,
      Map<String, ?> details,
      Instant at) {
    return new Signal(workspaceId, type, actorMemberId, programId, null, pairId, at, json(details));
  }

  /** A signal about a member of the workspace, outside any program. */
  public static Signal aboutMember(
      SignalType type, long workspaceId, long memberId, Map<String, ?> details, Instant at) {
    return new Signal(
        workspaceId, type, memberId, null, null, null, at, details == null ? null : json(details));
  }

  private static String json(Map<String, ?> details) {
    return Json.object(new LinkedHashMap<>(details));
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public SignalType getType() {
    return type;
  }

  public Long getActorMemberId() {
    return actorMemberId;
  }

  public Long getProgramId() {
    return programId;
  }

  public Long getParticipantId() {
    return participantId;
  }

  public Long getPairId() {
    return pairId;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getDetails() {
    return details;
  }
}
