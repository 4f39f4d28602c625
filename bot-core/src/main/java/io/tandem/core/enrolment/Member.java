package io.tandem.core.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;

/**
 * A person in a workspace, known by their platform user id (unique per workspace). The entity name
 * is {@code WorkspaceMember} because {@code MEMBER} is a JPQL keyword.
 */
@Entity(name = "WorkspaceMember")
@Table(name = "member")
public class Member {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "member_ids")
  @TableGenerator(
      name = "member_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "member",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  /** An IANA zone id, or {@code null} when the platform did not say. */
  @Column(name = "time_zone", length = 64)
  private String timeZone;

  /**
   * The work email the platform reports, lower-cased, or {@code null} when it gives none (Discord,
   * or Slack without {@code users:read.email}). Personal data kept for one purpose only: linking HR
   * roster rows that name no user id to the member. Never logged.
   */
  @Column(name = "email", length = 320)
  private String email;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /**
   * When Tandem saw the person leave the workspace or server, or {@code null} while they are there
   * (the retention proxy without a roster reads it).
   */
  @Column(name = "left_at")
  private Instant leftAt;

  /**
   * When reminders reach the person, in minutes after midnight in their own zone, or {@code null}
   * for the program's hour; applies to every pair they are in.
   */
  @Column(name = "reminder_minute")
  private Integer reminderMinute;

  /** Whether reminders may reach them on weekends, or {@code null} for the program's choice. */
  @Column(name = "reminder_weekends")
  private Boolean reminderWeekends;

  protected Member() {}

  public Member(
      long workspaceId, String userId, String displayName, String timeZone, Instant createdAt) {
    this.workspaceId = workspaceId;
    this.userId = Objects.requireNonNull(userId, "userId");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.timeZone = timeZone;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = createdAt;
  }

  /**
   * Takes the name, time zone and email the platform reports now; returns whether anything changed.
   * A {@code null} time zone or email keeps the one already known.
   */
  public boolean refreshProfile(
      String newDisplayName, String newTimeZone, String newEmail, Instant now) {
    boolean changed = false;
    if (newDisplayName != null && !newDisplayName.equals(displayName)) {
      displayName = newDisplayName;
      changed = true;
    }
    if (newTimeZone != null && !newTimeZone.equals(timeZone)) {
      timeZone = newTimeZone;
      changed = true;
    }
    String normalised = newEmail == null ? null : newEmail.strip().toLowerCase(Locale.ROOT);
    if (normalised != null && !normalised.isEmpty() && !normalised.equals(email)) {
      email = normalised;
      changed = true;
    }
    if (changed) {
      updatedAt = now;
    }
    return changed;
  }

  /**
   * Records that the person left at {@code at}; returns whether that changed anything. A second
   * departure keeps the first time.
   */
  public boolean markLeft(Instant at) {
    if (leftAt != null) {
      return false;
    }
    leftAt = Objects.requireNonNull(at, "at");
    updatedAt = at;
    return true;
  }

  /** The person is back in the workspace; returns whether they had been recorded as gone. */
  public boolean markReturned(Instant at) {
    if (leftAt == null) {
      return false;
    }
    leftAt = null;
    updatedAt = at;
    return true;
  }

  /**
   * The person's own reminder time and weekend choice; a {@code null} keeps what they chose before
   * (or the program's setting when they never chose).
   */
  public void preferReminders(LocalTime time, Boolean weekends, Instant now) {
    if (time != null) {
      reminderMinute = time.getHour() * 60 + time.getMinute();
    }
    if (weekends != null) {
      reminderWeekends = weekends;
    }
    updatedAt = Objects.requireNonNull(now, "now");
  }

  /** Their own reminder time, or {@code null} when they never chose one. */
  public LocalTime getReminderTime() {
    return reminderMinute == null ? null : LocalTime.of(reminderMinute / 60, reminderMinute % 60);
  }

  /** Whether they welcome reminders on weekends, or {@code null} when they never said. */
  public Boolean getReminderWeekends() {
    return reminderWeekends;
  }

  public Instant getLeftAt() {
    return leftAt;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public String getUserId() {
    return userId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getEmail() {
    return email;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
