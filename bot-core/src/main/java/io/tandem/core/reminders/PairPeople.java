package io.tandem.core.reminders;

import io.tandem.core.checkins.CheckInSignals;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.Session;
import io.tandem.core.checkins.Sessions;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.Pair;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An active pair with both people loaded, and the cadence arithmetic reminders and nudges share.
 * Only reads.
 *
 * @param mentor the mentor first, then the mentee in {@link #people()}
 * @param base when the pair's current round started: approval, the last logged session, or the last
 *     restart (resume, "continue"), whichever is latest
 * @param sessions how many sessions the pair logged
 * @param lastSession when the last one took place, or {@code null}
 */
public record PairPeople(
    Workspace workspace,
    Program program,
    Pair pair,
    Person mentor,
    Person mentee,
    Instant base,
    int sessions,
    Instant lastSession) {

  /** The hour a program reminds at unless it says otherwise (its column's default). */
  private static final int DEFAULT_HOUR = 10;

  /** One person of the pair, with when and where they like to hear from Tandem. */
  public record Person(
      Participant participant, Member member, ZoneId zone, LocalTime time, boolean weekends) {
    String userId() {
      return member.getUserId();
    }

    String name() {
      return member.getDisplayName();
    }

    boolean active() {
      return participant.getStatus() == ParticipantStatus.ACTIVE;
    }

    /** When a message about {@code day} (their local date of {@code about}) reaches them. */
    Instant sendTime(Instant about, ReminderTimes.QuietHours quiet) {
      LocalDate day = about.atZone(zone).toLocalDate();
      return ReminderTimes.sendTime(day, time, zone, quiet, weekends).toInstant();
    }

    /** The first moment at or after {@code at} that is outside their quiet hours and weekends. */
    Instant firstAllowed(Instant at, ReminderTimes.QuietHours quiet) {
      ZonedDateTime local = at.atZone(zone);
      return ReminderTimes.firstAllowed(local, time, quiet, weekends).toInstant();
    }
  }

  /** Loads the pair's workspace, people and sessions, in the caller's transaction. */
  public static Optional<PairPeople> load(Store store, Program program, Pair pair) {
    Optional<Workspace> workspace = Workspaces.in(store).byId(pair.getWorkspaceId());
    Optional<Participant> mentor = Participants.in(store).byId(pair.getMentorId());
    Optional<Participant> mentee = Participants.in(store).byId(pair.getMenteeId());
    Optional<Member> mentorMember = mentor.flatMap(p -> Members.in(store).byId(p.getMemberId()));
    Optional<Member> menteeMember = mentee.flatMap(p -> Members.in(store).byId(p.getMemberId()));
    if (workspace.isEmpty() || mentorMember.isEmpty() || menteeMember.isEmpty()) {
      return Optional.empty();
    }
    List<Session> sessions = Sessions.in(store).ofPair(pair.getId());
    Instant last =
        sessions.stream().map(Session::getOccurredAt).max(Instant::compareTo).orElse(null);
    return Optional.of(
        of(
            workspace.get(),
            program,
            pair,
            new Loaded(mentor.get(), mentorMember.get()),
            new Loaded(mentee.get(), menteeMember.get()),
            sessions.size(),
            last));
  }

  /** A participant with their member, as the store holds them. */
  public record Loaded(Participant participant, Member member) {}

  /**
   * The pair from what the store holds about it (loaded one by one or in bulk).
   *
   * @param sessions how many sessions the pair logged
   * @param lastSession when the last one took place, or {@code null}
   */
  public static PairPeople of(
      Workspace workspace,
      Program program,
      Pair pair,
      Loaded mentor,
      Loaded mentee,
      int sessions,
      Instant lastSession) {
    Instant base = pair.getCreatedAt();
    if (lastSession != null && lastSession.isAfter(base)) {
      base = lastSession;
    }
    if (pair.getRestartedAt() != null && pair.getRestartedAt().isAfter(base)) {
      base = pair.getRestartedAt();
    }
    return new PairPeople(
        workspace,
        program,
        pair,
        person(program, mentor),
        person(program, mentee),
        base,
        sessions,
        lastSession);
  }

  private static Person person(Program program, Loaded loaded) {
    Participant p = loaded.participant();
    Member m = loaded.member();
    return new Person(
        p,
        m,
        PairContext.zoneOf(p.getTimeZone(), m.getTimeZone()),
        reminderTime(program, p, m),
        reminderWeekends(program, p, m));
  }

  /**
   * When reminders reach a person: what they chose for themselves (the member, for all their pairs)
   * first, then what their participation says, then the program's hour.
   *
   * @param program their program, or {@code null} for none (then the default programs' 10:00)
   * @param participant their participation in it, or {@code null}
   */
  public static LocalTime reminderTime(Program program, Participant participant, Member member) {
    if (member.getReminderTime() != null) {
      return member.getReminderTime();
    }
    if (participant != null && participant.getReminderHour() != null) {
      return LocalTime.of(participant.getReminderHour(), 0);
    }
    return LocalTime.of(program != null ? program.getReminderHour() : DEFAULT_HOUR, 0);
  }

  /** Whether reminders may reach a person on weekends, chosen as {@link #reminderTime} is. */
  public static boolean reminderWeekends(Program program, Participant participant, Member member) {
    if (member.getReminderWeekends() != null) {
      return member.getReminderWeekends();
    }
    if (participant != null && participant.getReminderWeekends() != null) {
      return participant.getReminderWeekends();
    }
    return program != null && program.isReminderWeekends();
  }

  public List<Person> people() {
    return List.of(mentor, mentee);
  }

  boolean bothActive() {
    return mentor.active() && mentee.active();
  }

  Person partnerOf(long participantId) {
    return mentor.participant().getId() == participantId ? mentee : mentor;
  }

  Duration cadence() {
    return Duration.ofDays(program.getCadenceDays());
  }

  /** The k-th cadence slot after {@link #base()}, k ≥ 1. */
  Instant slot(long k) {
    return base.plus(cadence().multipliedBy(k));
  }

  /**
   * When the pair should next have met: the first slot after the base, or later when they moved the
   * reminder.
   */
  Instant due() {
    Instant first = slot(1);
    Instant moved = pair.getRemindOn();
    return moved != null && moved.isAfter(first) ? moved : first;
  }

  /** Full cadence rounds passed since the base without a session. */
  long missedRounds(Instant at) {
    if (!at.isAfter(base)) {
      return 0;
    }
    return Duration.between(base, at).toMillis() / cadence().toMillis();
  }

  /** The UTC date naming an occurrence in outbox keys. */
  static String occurrence(Instant at) {
    return at.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
  }

  /**
   * Records a signal about this pair, in the caller's transaction.
   *
   * @param person who it is about, or {@code null} for the pair as a whole
   */
  Signal signal(Store store, Person person, SignalType type, Map<String, ?> details, Instant at) {
    return store.add(unsavedSignal(person, type, details, at));
  }

  /** The signal {@link #signal} records, not yet stored. */
  Signal unsavedSignal(Person person, SignalType type, Map<String, ?> details, Instant at) {
    return CheckInSignals.unsaved(
        new CheckInSignals.Subject(
            workspace.getId(),
            person == null ? null : person.member().getId(),
            program.getId(),
            person == null ? null : person.participant().getId(),
            pair.getId()),
        type,
        details,
        at);
  }
}
