package io.tandem.core.programs;

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

/** A mentoring program in a workspace. At most one per workspace is the default. */
@Entity(name = "Program")
@Table(name = "program")
public class Program {

  /** How often pairs are expected to meet unless the admin says otherwise. */
  public static final int DEFAULT_CADENCE_DAYS = 14;

  public static final int DEFAULT_DURATION_WEEKS = 26;
  public static final int DEFAULT_COOLDOWN_DAYS = 365;

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "program_ids")
  @TableGenerator(
      name = "program_ids",
      table = "id_gen",
      pkColumnName = "name",
      valueColumnName = "next_val",
      pkColumnValue = "program",
      allocationSize = 50)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private Long workspaceId;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "cadence_days", nullable = false)
  private int cadenceDays;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private ProgramStatus status;

  @Column(name = "is_default", nullable = false)
  private boolean defaultProgram;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "duration_weeks", nullable = false)
  private int durationWeeks = DEFAULT_DURATION_WEEKS;

  @Column(name = "pilot_cap")
  private Integer pilotCap;

  @Column(name = "skills", nullable = false)
  private String skills = "";

  @Column(name = "min_seniority_gap", nullable = false)
  private int minSeniorityGap = 1;

  @Column(name = "repeat_cooldown_days", nullable = false)
  private int repeatCooldownDays = DEFAULT_COOLDOWN_DAYS;

  @Column(name = "weights", nullable = false, length = 200)
  private String weights = "";

  // reminders and the nudge ladder (V5)
  @Column(name = "reminder_hour", nullable = false)
  private int reminderHour = 10;

  @Column(name = "reminder_weekends", nullable = false)
  private boolean reminderWeekends;

  @Column(name = "nudge_days", nullable = false)
  private int nudgeDays = 7;

  @Column(name = "second_nudge_days", nullable = false)
  private int secondNudgeDays = 14;

  @Column(name = "escalate_days", nullable = false)
  private int escalateDays = 21;

  @Column(name = "at_risk_rounds", nullable = false)
  private int atRiskRounds = 3;

  // program end (V16)
  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "end_notice_at")
  private Instant endNoticeAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected Program() {}

  public Program(
      long workspaceId,
      String name,
      int cadenceDays,
      ProgramStatus status,
      boolean defaultProgram,
      Instant createdAt) {
    if (cadenceDays < 1) {
      throw new IllegalArgumentException("cadence must be at least a day: " + cadenceDays);
    }
    this.workspaceId = workspaceId;
    this.name = Objects.requireNonNull(name, "name");
    this.cadenceDays = cadenceDays;
    this.status = Objects.requireNonNull(status, "status");
    this.defaultProgram = defaultProgram;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The settings an admin chose when creating the program. */
  public void configure(
      int durationWeeks,
      Integer pilotCap,
      String skills,
      int minSeniorityGap,
      int repeatCooldownDays,
      String weights) {
    this.durationWeeks = durationWeeks;
    this.pilotCap = pilotCap;
    this.skills = Objects.requireNonNull(skills, "skills");
    this.minSeniorityGap = minSeniorityGap;
    this.repeatCooldownDays = repeatCooldownDays;
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  /** An admin's new cadence for every pair of the program. */
  public void changeCadence(int cadenceDays) {
    if (cadenceDays < 1) {
      throw new IllegalArgumentException("cadence must be at least a day: " + cadenceDays);
    }
    this.cadenceDays = cadenceDays;
  }

  /** Marks the first start: the program's length counts from here. */
  public void started(Instant at) {
    if (startedAt == null) {
      startedAt = Objects.requireNonNull(at, "at");
    }
  }

  /** When the program's length is over: its first start (else its creation) plus its length. */
  public Instant endsAt() {
    Instant from = startedAt != null ? startedAt : createdAt;
    return from.plus(java.time.Duration.ofDays(7L * durationWeeks));
  }

  public Instant getEndNoticeAt() {
    return endNoticeAt;
  }

  public void endNoticeSent(Instant at) {
    this.endNoticeAt = Objects.requireNonNull(at, "at");
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  /** Closes the program because its length is over. */
  public void endOfLength(Instant at) {
    this.endedAt = Objects.requireNonNull(at, "at");
    this.status = ProgramStatus.CLOSED;
  }

  public void moveTo(ProgramStatus next) {
    this.status = Objects.requireNonNull(next, "next");
  }

  public int getDurationWeeks() {
    return durationWeeks;
  }

  public Integer getPilotCap() {
    return pilotCap;
  }

  public String getSkills() {
    return skills;
  }

  public int getMinSeniorityGap() {
    return minSeniorityGap;
  }

  public int getRepeatCooldownDays() {
    return repeatCooldownDays;
  }

  public String getWeights() {
    return weights;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public String getName() {
    return name;
  }

  public int getCadenceDays() {
    return cadenceDays;
  }

  public ProgramStatus getStatus() {
    return status;
  }

  public boolean isDefaultProgram() {
    return defaultProgram;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The local hour (0–23) reminders go out at, unless a participant chose their own. */
  public int getReminderHour() {
    return reminderHour;
  }

  /** Whether reminders may go out on Saturdays and Sundays. */
  public boolean isReminderWeekends() {
    return reminderWeekends;
  }

  /**
   * The nudge ladder: days past due for the first and second nudge and the admin alert, and the
   * missed cadence rounds after which a pair is at risk.
   */
  public void configureReminders(
      int hour, boolean weekends, int nudge, int secondNudge, int escalate, int rounds) {
    if (hour < 0 || hour > 23) {
      throw new IllegalArgumentException("hour must be 0 to 23: " + hour);
    }
    if (nudge < 1 || secondNudge <= nudge || escalate <= secondNudge || rounds < 1) {
      throw new IllegalArgumentException(
          "the ladder must climb: " + nudge + " < " + secondNudge + " < " + escalate);
    }
    this.reminderHour = hour;
    this.reminderWeekends = weekends;
    this.nudgeDays = nudge;
    this.secondNudgeDays = secondNudge;
    this.escalateDays = escalate;
    this.atRiskRounds = rounds;
  }

  public int getNudgeDays() {
    return nudgeDays;
  }

  public int getSecondNudgeDays() {
    return secondNudgeDays;
  }

  public int getEscalateDays() {
    return escalateDays;
  }

  public int getAtRiskRounds() {
    return atRiskRounds;
  }
}
