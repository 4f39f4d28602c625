package io.tandem.core.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The session a pair planned by picking a slot, and the calendar event Tandem sent them for it: one
 * per pair, moved (with a higher {@link #getSequence sequence}) when they pick another time, and
 * cancelled when the pairing ends.
 */
@Entity(name = "PlannedSession")
@Table(name = "planned_session")
public class PlannedSession {

  public enum Status {
    PLANNED,
    CANCELLED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "planned_session_ids")
  @TableGenerator(
      name = "planned_session_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "planned_session",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "pair_id", nullable = false)
  private Long pairId;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "next_at")
  private Instant nextAt;

  @Column(name = "minutes", nullable = false)
  private int minutes;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "repeat_days")
  private Integer repeatDays;

  @Column(name = "sequence", nullable = false)
  private int sequence;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PlannedSession() {}

  public PlannedSession(long workspaceId, long pairId, Instant now) {
    this.workspaceId = workspaceId;
    this.pairId = pairId;
    this.sequence = -1;
    this.status = Status.PLANNED;
    this.createdAt = Objects.requireNonNull(now, "now");
    this.updatedAt = now;
  }

  /**
   * Plans the pair's session at {@code start} (repeating every {@code repeatDays}, or once when
   * {@code null}); the next invitation replaces the earlier one.
   */
  void plan(Instant start, Duration length, ZoneId zone, Integer repeatDays, Instant now) {
    this.startsAt = start;
    this.nextAt = start;
    this.minutes = Math.toIntExact(length.toMinutes());
    this.timeZone = zone.getId();
    this.repeatDays = repeatDays;
    this.sequence++;
    this.status = Status.PLANNED;
    this.updatedAt = now;
  }

  /**
   * The pair was asked about {@link #getNextAt}: a series moves to its next occurrence after {@code
   * now} (occurrences missed while Tandem was down are not asked about one by one).
   */
  void asked(Instant now) {
    if (repeatDays == null) {
      this.nextAt = null;
    } else {
      do {
        // by the local calendar, as the invitation's RRULE repeats, across daylight-saving changes
        this.nextAt = nextAt.atZone(getZone()).plusDays(repeatDays).toInstant();
      } while (!nextAt.isAfter(now));
    }
    this.updatedAt = now;
  }

  /** The pairing ended: the event is cancelled, with the next sequence number. */
  void cancel(Instant now) {
    this.status = Status.CANCELLED;
    this.nextAt = null;
    this.sequence++;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public Long getPairId() {
    return pairId;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getNextAt() {
    return nextAt;
  }

  public Duration getLength() {
    return Duration.ofMinutes(minutes);
  }

  public ZoneId getZone() {
    return ZoneId.of(timeZone);
  }

  public Integer getRepeatDays() {
    return repeatDays;
  }

  public int getSequence() {
    return sequence;
  }

  public Status getStatus() {
    return status;
  }
}
