package io.tandem.core.matching;

import io.tandem.core.enrolment.CareerStart;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Profile;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.kernel.Role;
import io.tandem.core.matching.model.Candidate;
import io.tandem.core.matching.model.MatchSettings;
import io.tandem.core.matching.model.Pairing;
import io.tandem.core.matching.model.PastPartner;
import io.tandem.core.matching.model.WeeklyAvailability;
import io.tandem.core.programs.Program;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everyone active with a complete profile who is not yet in an active pair, as the matcher's
 * candidates, with who each of them is in the program. A candidate's generation is their career
 * start band (blank when not given); people left unmatched by an earlier round wait since then
 * ({@link Waiting}) and are matched first.
 */
public record MatchPool(
    List<Candidate> mentors,
    List<Candidate> mentees,
    Map<String, Participant> participantByUserId) {

  /** Reads a program's pool in the caller's transaction. */
  public static MatchPool of(Store store, Program program) {
    PoolRows rows = PoolRows.in(store);
    List<Participant> participants = rows.participants(program.getId());
    Pairs pairs = Pairs.in(store);
    Map<Long, Member> members = new HashMap<>();
    rows.members(program.getWorkspaceId()).forEach(m -> members.put(m.getId(), m));
    Map<Long, Long> activePairsOf = rows.activePairsOf(program.getId());
    Map<String, List<PastPartner>> history = history(pairs, program, members);
    Map<String, Set<String>> exclusions =
        exclusions(rows.exclusions(program.getWorkspaceId()), members);
    Map<String, String> managerOf = managers(participants, members);
    Map<Long, Instant> waiting = Waiting.in(store).since(program.getId());
    List<Candidate> mentors = new ArrayList<>();
    List<Candidate> mentees = new ArrayList<>();
    Map<String, Participant> byUser = new LinkedHashMap<>();
    for (Participant p : participants) {
      Optional<Profile> profile = p.profile();
      if (p.getStatus() != ParticipantStatus.ACTIVE || profile.isEmpty()) {
        continue;
      }
      long taken = activePairsOf.getOrDefault(p.getId(), 0L);
      int room = (int) (profile.get().capacity() - taken);
      if (room <= 0) {
        continue;
      }
      Member member = members.get(p.getMemberId());
      Candidate candidate =
          candidate(
              member,
              profile.get(),
              p.getCareerStart().map(CareerStart::label).orElse(""),
              waiting.get(p.getId()),
              room,
              chain(member.getUserId(), managerOf),
              history,
              exclusions);
      (p.getRole() == Role.MENTOR ? mentors : mentees).add(candidate);
      byUser.put(member.getUserId(), p);
    }
    return new MatchPool(mentors, mentees, byUser);
  }

  /** The proposal stored for the program, as the matcher's pairing of this pool. */
  List<Pairing> proposed(Pairs pairs, Program program) {
    Map<Long, String> userByParticipant = new HashMap<>();
    participantByUserId.forEach((user, p) -> userByParticipant.put(p.getId(), user));
    List<Pairing> pairing = new ArrayList<>();
    for (Pair pair : pairs.inProgram(program.getId(), Pair.Status.PROPOSED)) {
      String mentor = userByParticipant.get(pair.getMentorId());
      String mentee = userByParticipant.get(pair.getMenteeId());
      if (mentor != null && mentee != null) {
        pairing.add(new Pairing(mentor, mentee));
      }
    }
    return pairing;
  }

  private static Map<String, Set<String>> exclusions(
      List<Exclusion> all, Map<Long, Member> members) {
    Map<String, Set<String>> exclusions = new HashMap<>();
    for (Exclusion e : all) {
      Member m = members.get(e.getMemberId());
      if (m != null) {
        exclusions.computeIfAbsent(m.getUserId(), k -> new HashSet<>()).add(e.getExcludedUserId());
      }
    }
    return exclusions;
  }

  private static Map<String, String> managers(
      List<Participant> participants, Map<Long, Member> members) {
    Map<String, String> userIdByName = new HashMap<>();
    members
        .values()
        .forEach(m -> userIdByName.put(m.getDisplayName().toLowerCase(Locale.ROOT), m.getUserId()));
    Map<String, String> managerOf = new HashMap<>();
    for (Participant p : participants) {
      Member m = members.get(p.getMemberId());
      if (p.getManager() != null) {
        managerOf.put(m.getUserId(), managerKey(p.getManager(), userIdByName));
      }
    }
    return managerOf;
  }

  private static Candidate candidate(
      Member member,
      Profile profile,
      String generation,
      Instant waitingSince,
      int capacity,
      List<String> managerChain,
      Map<String, List<PastPartner>> history,
      Map<String, Set<String>> exclusions) {
    return new Candidate(
        member.getUserId(),
        member.getDisplayName(),
        profile.seniorityBand(),
        profile.department(),
        managerChain,
        profile.canTeach(),
        profile.wantsToLearn().keySet(),
        profile.communication(),
        ZoneId.of(profile.timeZone()),
        WeeklyAvailability.ofHours(profile.availability()),
        capacity,
        generation,
        history.getOrDefault(member.getUserId(), List.of()),
        exclusions.getOrDefault(member.getUserId(), Set.of()),
        waitingSince);
  }

  /**
   * A manager as typed: a user id ({@code @U024BE7LH} or bare) as is, a known member's name their
   * id.
   */
  private static String managerKey(String manager, Map<String, String> userIdByName) {
    Optional<String> mentioned = MentionedUsers.plain(manager);
    if (mentioned.isPresent()) {
      return mentioned.get();
    }
    String name = manager.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
    return userIdByName.getOrDefault(name, name);
  }

  /** The person's managers, direct first, as far up as Tandem knows them. */
  private static List<String> chain(String userId, Map<String, String> managerOf) {
    List<String> chain = new ArrayList<>();
    String next = managerOf.get(userId);
    while (next != null && !chain.contains(next) && !next.equals(userId)) {
      chain.add(next);
      next = managerOf.get(next);
    }
    return chain;
  }

  private static Map<String, List<PastPartner>> history(
      Pairs pairs, Program program, Map<Long, Member> members) {
    Map<String, List<PastPartner>> history = new HashMap<>();
    for (Pairs.PastPair pair : pairs.history(program.getWorkspaceId())) {
      Member mentor = members.get(pair.mentorMemberId());
      Member mentee = members.get(pair.menteeMemberId());
      if (mentor != null && mentee != null) {
        history
            .computeIfAbsent(mentor.getUserId(), k -> new ArrayList<>())
            .add(new PastPartner(mentee.getUserId(), pair.createdAt()));
        history
            .computeIfAbsent(mentee.getUserId(), k -> new ArrayList<>())
            .add(new PastPartner(mentor.getUserId(), pair.createdAt()));
      }
    }
    return history;
  }

  /** The program's matching rules and weights. */
  public static MatchSettings settings(Program program) {
    MatchSettings defaults = MatchSettings.DEFAULTS;
    Map<String, Double> weights = new HashMap<>();
    for (String pair : program.getWeights().split(",")) {
      String[] kv = pair.split("=");
      if (kv.length == 2) {
        weights.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
      }
    }
    return new MatchSettings(
        weights.getOrDefault("teach", defaults.teachWeight()),
        weights.getOrDefault("learn", defaults.learnBackWeight()),
        weights.getOrDefault("communication", defaults.communicationWeight()),
        weights.getOrDefault("overlap", defaults.availabilityWeight()),
        weights.getOrDefault("department", defaults.crossDepartmentWeight()),
        weights.getOrDefault("generation", defaults.crossGenerationWeight()),
        program.getMinSeniorityGap(),
        program.getRepeatCooldownDays(),
        defaults.crossDepartmentWanted(),
        defaults.crossGenerationWanted());
  }
}
