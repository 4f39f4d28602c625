package io.tandem.core.enrolment;

import io.tandem.core.delivery.OutboxMessage;
import io.tandem.core.kernel.Progress;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stores a valid participants file ({@link ImportParticipants}) in the caller's transaction: each
 * new person gets what the two form pages would have written.
 */
final class EnrolImported {

  private final Store store;
  private final Members members;
  private final Participants participants;
  private final Signals signals;

  EnrolImported(Store store) {
    this.store = store;
    this.members = Members.in(store);
    this.participants = Participants.in(store);
    this.signals = Signals.in(store);
  }

  /** What the loop below has done so far. */
  private static final class Tally {
    long active;
    int enrolled;
    final List<String> waitlisted = new ArrayList<>();
    final List<String> already = new ArrayList<>();
  }

  /**
   * Enrols everyone new in the program the target names (which must still take participants).
   *
   * @throws ProgramLookup.NotFound when it no longer does
   */
  ImportParticipants.Summary store(
      ProgramLookup.Target target,
      List<ParticipantRows.Person> people,
      Instant now,
      Progress progress) {
    ProgramLookup.Found found = ProgramLookup.findAccepting(store, target);
    Workspace workspace = found.workspace();
    Program program = found.program();
    // read everything needed up front: a query inside the loop would flush every time
    Map<String, Member> byUser = new HashMap<>();
    members.inWorkspace(workspace.getId()).forEach(m -> byUser.put(m.getUserId(), m));
    Map<Long, Participant> inProgram = new HashMap<>();
    Tally tally = new Tally();
    for (Participant p : participants.inProgram(program.getId())) {
      inProgram.put(p.getMemberId(), p);
      if (p.getStatus() == ParticipantStatus.ACTIVE) {
        tally.active++;
      }
    }
    Integer cap = program.getPilotCap();
    for (int i = 0; i < people.size(); i++) {
      ParticipantRows.Person person = people.get(i);
      Member member = byUser.get(person.userId());
      Participant existing = member == null ? null : inProgram.get(member.getId());
      if (existing != null) {
        tally.already.add(person.label() + ": already " + describe(existing));
      } else {
        if (member == null) {
          member = addMember(workspace, person, now);
          byUser.put(person.userId(), member);
        }
        boolean waiting = cap != null && tally.active >= cap;
        enrol(workspace, program, member, person, waiting, now);
        if (waiting) {
          tally.waitlisted.add(person.label());
        } else {
          tally.active++;
          tally.enrolled++;
        }
      }
      progress.rows("stored", i + 1, people.size());
    }
    progress.stage(
        String.format(Locale.ROOT, "committing %,d rows…", people.size()), people.size());
    return summary(workspace, program, people.size(), tally);
  }

  private Member addMember(Workspace workspace, ParticipantRows.Person person, Instant now) {
    return members.add(
        new Member(
            workspace.getId(), person.userId(), person.name(), person.about().timeZone(), now));
  }

  private static ImportParticipants.Summary summary(
      Workspace workspace, Program program, int rows, Tally tally) {
    return new ImportParticipants.Summary(
        program.getName(),
        ProgramLookup.describe(workspace),
        rows,
        tally.enrolled,
        tally.waitlisted.size(),
        tally.waitlisted.stream().limit(ImportParticipants.NAMES_SHOWN).toList(),
        tally.already.size(),
        tally.already.stream().limit(ImportParticipants.NAMES_SHOWN).toList(),
        program.getPilotCap());
  }

  /** "a mentor", "a mentee, waitlisted", "a mentor, profile not finished". */
  private static String describe(Participant existing) {
    return "a "
        + existing.getRole().label()
        + (existing.getStatus() == ParticipantStatus.ACTIVE
            ? ""
            : ", " + existing.getStatus().name().toLowerCase(Locale.ROOT))
        + (existing.isProfileComplete() ? "" : ", profile not finished");
  }

  /** What the two form pages' submissions write for a new participant, in one go. */
  private void enrol(
      Workspace workspace,
      Program program,
      Member member,
      ParticipantRows.Person person,
      boolean waiting,
      Instant now) {
    Participant participant =
        participants.add(
            new Participant(
                workspace.getId(), program.getId(), member.getId(), person.role(), now));
    if (waiting) {
      participant.waitlist();
    }
    ProfileForms.About about = person.about();
    participant.describe(
        about.department(), about.band(), about.manager(), about.communication(), about.timeZone());
    ProfileForms.Skills skills = person.skills();
    participant.describeSkills(
        skills.canTeach(), skills.wantsToLearn(), skills.availability(), skills.capacity());
    participant.startedWorking(skills.careerStart());
    signal(
        participant,
        member,
        SignalType.PARTICIPANT_JOINED,
        Map.of("role", person.role().label(), "source", "import"),
        now);
    if (waiting) {
      signal(participant, member, SignalType.WAITLISTED, Map.of("source", "import"), now);
    }
    signal(participant, member, SignalType.PROFILE_COMPLETED, Map.of("source", "import"), now);
    // the participant is new, so its welcome key cannot exist yet: no need to ask (a query would
    // flush the whole import so far, on every row)
    store.add(
        new OutboxMessage(
            workspace.getId(),
            "welcome:" + participant.getId(),
            workspace.getPlatform(),
            member.getUserId(),
            null,
            EnrolmentMessages.welcomePayload(member, program, person.role()),
            now,
            now));
  }

  private void signal(
      Participant participant,
      Member member,
      SignalType type,
      Map<String, ?> details,
      Instant now) {
    signals.record(participant.signal(type, member.getId(), details, now));
  }
}
