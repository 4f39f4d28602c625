package io.tandem.core.enrolment;

import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.model.CommunicationPreference;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

  @Column(name = "department", length = 100)
  private String department;

  @Column(name = "seniority_band")
  private Integer seniorityBand;

  @Column(name = "manager", length = 100)
  private String manager;

  // V17: optional; null when the person did not say
  @Enumerated(EnumType.STRING)
  @Column(name = "career_start", length = 16)
  private CareerStart careerStart;

  @Enumerated(EnumType.STRING)
  @Column(name = "communication", length = 16)
  private CommunicationPreference communication;

  @Column(name = "time_zone", length = 64)
  private String timeZone;

  @Column(name = "capacity", nullable = false)
  private int capacity = 1;

  @Column(name = "can_teach", nullable = false)
  private String canTeach = "";

  @Column(name = "wants_to_learn", nullable = false)
  private String wantsToLearn = "";

  @Column(name = "availability", nullable = false, length = 400)
  private String availability = "";

  @Column(name = "profile_complete", nullable = false)
  private boolean profileComplete;

  // reminders (V5): null hour/weekends mean the program's setting
  @Column(name = "reminder_hour")
  private Integer reminderHour;

  @Column(name = "reminder_weekends")
  private Boolean reminderWeekends;

  @Column(name = "paused_until")
  private Instant pausedUntil;

  protected Participant() {}

  public Participant(long workspaceId, long programId, long memberId, Role role, Instant joinedAt) {
    this.workspaceId = workspaceId;
    this.programId = programId;
    this.memberId = memberId;
    this.role = Objects.requireNonNull(role, "role");
    this.status = ParticipantStatus.ACTIVE;
    this.joinedAt = Objects.requireNonNull(joinedAt, "joinedAt");
  }

  /** The first half of the profile: who they are and how they like to meet. */
  public void describe(
      String department,
      int seniorityBand,
      String manager,
      CommunicationPreference communication,
      String timeZone) {
    this.department = Objects.requireNonNull(department, "department");
    this.seniorityBand = seniorityBand;
    this.manager = manager;
    this.communication = Objects.requireNonNull(communication, "communication");
    this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
  }

  /** The second half: skills, availability and capacity; completes the profile. */
  public void describeSkills(
      Set<String> canTeach,
      Map<String, Integer> wantsToLearn,
      Set<Integer> availability,
      int capacity) {
    if (department == null) {
      throw new IllegalStateException("describe() comes first");
    }
    this.canTeach = String.join(", ", canTeach);
    this.wantsToLearn =
        wantsToLearn.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    this.availability = ProfileText.availabilityText(availability);
    this.capacity = role == Role.MENTOR ? capacity : 1;
    this.profileComplete = true;
  }

  /** When they started working, or {@code null} when they would rather not say. */
  public void startedWorking(CareerStart careerStart) {
    this.careerStart = careerStart;
  }

  /** When they started working, as the generation mix compares it; empty when not given. */
  public Optional<CareerStart> getCareerStart() {
    return Optional.ofNullable(careerStart);
  }

  /** Takes the other role while the profile is still being filled in. */
  public void switchRole(Role role) {
    if (profileComplete) {
      throw new IllegalStateException("the role of a complete profile stays");
    }
    this.role = Objects.requireNonNull(role, "role");
  }

  public void waitlist() {
    this.status = ParticipantStatus.WAITLISTED;
  }

  public void activate() {
    this.status = ParticipantStatus.ACTIVE;
  }

  /** The profile as matching reads it, once both halves are filled in. */
  public Optional<Profile> profile() {
    if (!profileComplete) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Profile(
              department,
              seniorityBand,
              manager,
              communication,
              timeZone,
              ProfileText.skills(canTeach),
              ProfileText.ratedSkills(wantsToLearn),
              ProfileText.availability(availability),
              capacity));
    } catch (ProfileText.Invalid e) {
      throw new IllegalStateException("stored profile of participant " + id + " is unreadable", e);
    }
  }

  public boolean isProfileComplete() {
    return profileComplete;
  }

  public String getDepartment() {
    return department;
  }

  public Integer getSeniorityBand() {
    return seniorityBand;
  }

  public String getManager() {
    return manager;
  }

  public CommunicationPreference getCommunication() {
    return communication;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getCanTeach() {
    return canTeach;
  }

  public String getWantsToLearn() {
    return wantsToLearn;
  }

  public String getAvailability() {
    return availability;
  }

  public int getCapacity() {
    return capacity;
  }

  /** A signal about this participant, by the member who acted ({@code null} for nobody). */
  public Signal signal(SignalType type, Long actorMemberId, Map<String, ?> details, Instant at) {
    return Signal.aboutParticipant(type, workspaceId, actorMemberId, programId, id, details, at);
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

  /** Stops reminders until {@code until}, when the reminder job resumes them. */
  public void pause(Instant until) {
    this.status = ParticipantStatus.PAUSED;
    this.pausedUntil = Objects.requireNonNull(until, "until");
  }

  /** Back to active after a pause. */
  public void resume() {
    this.status = ParticipantStatus.ACTIVE;
    this.pausedUntil = null;
  }

  /** Ends the participation for good. */
  public void leave() {
    this.status = ParticipantStatus.LEFT;
    this.pausedUntil = null;
  }

  public Instant getPausedUntil() {
    return pausedUntil;
  }

  /** The participant's own reminder hour and weekend choice; {@code null} keeps the program's. */
  public void preferReminders(Integer hour, Boolean weekends) {
    if (hour != null && (hour < 0 || hour > 23)) {
      throw new IllegalArgumentException("hour must be 0 to 23: " + hour);
    }
    this.reminderHour = hour;
    this.reminderWeekends = weekends;
  }

  public Integer getReminderHour() {
    return reminderHour;
  }

  public Boolean getReminderWeekends() {
    return reminderWeekends;
  }
}
