package io.tandem.core.matching;

import io.tandem.core.command.Command;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Profile;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.kernel.Admins;
import io.tandem.core.kernel.Mentions;
import io.tandem.core.kernel.Progress;
import io.tandem.core.kernel.Role;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.matching.model.Candidate;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.matching.model.MatchSettings;
import io.tandem.core.matching.model.MatchedPair;
import io.tandem.core.matching.model.Matcher;
import io.tandem.core.matching.model.Pairing;
import io.tandem.core.matching.model.PastPartner;
import io.tandem.core.matching.model.Rescored;
import io.tandem.core.matching.model.Unmatched;
import io.tandem.core.matching.model.WeeklyAvailability;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.programs.ProgramStatus;
import io.tandem.core.store.Database;
import io.tandem.core.store.Json;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Admins' matching: {@code match preview} runs the exact matcher over everyone with a complete
 * profile and stores the proposal; {@code match swap @a @b} adjusts it; {@code match approve} makes
 * the pairs real and queues, in the same transaction, each pair's introduction, each person's role
 * guide, and a kind note to anyone left without a partner.
 */
public final class MatchPairs {

  /** Pairs shown in chat; a bigger pool is summarised (the CLI shows all). */
  static final int PAIRS_SHOWN = 15;

  private final Database db;
  private final Clock clock;

  public MatchPairs(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply preview(Actor actor, String programName) {
    return Admins.only(
        actor,
        "status",
        () ->
            db.inTransaction(
                em -> {
                  Store store = new Store(em);
                  Optional<Program> program = program(store, actor, programName);
                  if (program.isEmpty()) {
                    return noProgram(programName);
                  }
                  Pool pool = pool(store, program.get());
                  MatchResult result =
                      Matcher.match(pool.mentors(), pool.mentees(), settings(program.get()), now());
                  propose(store, program.get(), pool, result);
                  signal(store, program.get(), SignalType.MATCH_PREVIEWED, result);
                  return proposal(program.get(), result, "Proposed");
                }));
  }

  public Reply swap(Actor actor, Command.SwapMatch command) {
    return Admins.only(
        actor,
        "status",
        () ->
            db.inTransaction(
                em -> {
                  Store store = new Store(em);
                  Optional<Program> program = program(store, actor, command.program());
                  if (program.isEmpty()) {
                    return noProgram(command.program());
                  }
                  Pool pool = pool(store, program.get());
                  List<Pairing> current = proposedPairing(store, program.get(), pool);
                  if (current.isEmpty()) {
                    return Reply.error(
                        "There is no proposal to adjust yet.",
                        "match preview " + Markup.text(program.get().getName()));
                  }
                  List<Pairing> swapped;
                  try {
                    swapped =
                        Matcher.swap(
                            current,
                            pool.mentors(),
                            pool.mentees(),
                            command.firstUserId(),
                            command.secondUserId());
                  } catch (IllegalArgumentException e) {
                    return Reply.error(
                        "Can't swap those two: " + e.getMessage() + ".",
                        "match swap @mentee1 @mentee2");
                  }
                  Rescored rescored =
                      Matcher.rescore(
                          pool.mentors(), pool.mentees(), swapped, settings(program.get()), now());
                  if (!rescored.valid()) {
                    return Reply.error(
                        "That swap breaks the program's rules: "
                            + String.join("; ", rescored.problems())
                            + ".",
                        "match swap @mentee1 @mentee2");
                  }
                  propose(store, program.get(), pool, rescored.result());
                  signal(store, program.get(), SignalType.MATCH_SWAPPED, rescored.result());
                  return proposal(program.get(), rescored.result(), "Swapped. Now proposed");
                }));
  }

  public Reply approve(Actor actor, String programName) {
    return Admins.only(
        actor,
        "status",
        () ->
            db.inTransactionRetryingConflicts(
                em -> {
                  Store store = new Store(em);
                  Optional<Program> found = program(store, actor, programName);
                  if (found.isEmpty()) {
                    return noProgram(programName);
                  }
                  Program program = found.get();
                  List<Pair> proposed = store.pairs(program.getId(), Pair.Status.PROPOSED);
                  if (proposed.isEmpty()) {
                    return Reply.error(
                        "There are no proposed pairs to approve.",
                        "match preview " + Markup.text(program.getName()));
                  }
                  Instant now = now();
                  Workspace workspace = store.workspaceById(program.getWorkspaceId()).orElseThrow();
                  for (Pair pair : proposed) {
                    pair.approve(now);
                    Participant mentor = store.participantById(pair.getMentorId()).orElseThrow();
                    Participant mentee = store.participantById(pair.getMenteeId()).orElseThrow();
                    Member mentorMember = store.memberById(mentor.getMemberId()).orElseThrow();
                    Member menteeMember = store.memberById(mentee.getMemberId()).orElseThrow();
                    store.add(
                        new Signal(
                            program.getWorkspaceId(),
                            SignalType.PAIR_CREATED,
                            null,
                            program.getId(),
                            null,
                            pair.getId(),
                            now,
                            Json.object(Map.of("score", pair.getScore()))));
                    Introductions.queue(
                        store, workspace, program, pair, mentorMember, menteeMember, now);
                  }
                  int told = tellUnmatched(store, workspace, program, now);
                  store.add(
                      new Signal(
                          program.getWorkspaceId(),
                          SignalType.MATCH_APPROVED,
                          null,
                          program.getId(),
                          null,
                          null,
                          now,
                          Json.object(Map.of("pairs", proposed.size(), "unmatched", told))));
                  return Reply.success(
                      "Approved "
                          + proposed.size()
                          + (proposed.size() == 1 ? " pair" : " pairs")
                          + " in *"
                          + Markup.text(program.getName())
                          + "*. Introductions are on their way"
                          + (told == 0
                              ? "."
                              : ", and " + told + " unmatched people were told why, privately."),
                      List.of());
                }));
  }

  /**
   * What {@code tandem match --dry-run} found: the proposal {@code match preview} would make now.
   *
   * @param workspace e.g. "slack workspace T024BE7LH"
   * @param mentors mentors in the pool (each may offer several slots)
   * @param mentees mentees in the pool
   */
  public record DryRun(
      String program, String workspace, int mentors, int mentees, MatchResult result) {}

  /**
   * Runs the matcher exactly as {@link #preview} does, over the same pool, and writes nothing: no
   * proposed pairs, no signals. The pool is read in one transaction that changes no row, and the
   * solver runs after it has ended, so the database (SQLite's single write lock) is not held while
   * a big pool is solved. Called by the operator's command line, on its own thread; no admin check,
   * as whoever runs it holds the database.
   *
   * @throws ProgramLookup.NotFound when the target names no program
   */
  public DryRun dryRun(ProgramLookup.Target target, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    record Read(ProgramLookup.Found found, Pool pool) {}
    Read read =
        db.inTransaction(
            em -> {
              Store store = new Store(em);
              ProgramLookup.Found found = ProgramLookup.find(store, target);
              long people =
                  store.countParticipants(found.program().getId(), ParticipantStatus.ACTIVE);
              progress.stage(
                  String.format(Locale.ROOT, "building pool… %,d people", people), people);
              return new Read(found, pool(store, found.program()));
            });
    Pool pool = read.pool();
    int size = pool.mentors().size() + pool.mentees().size();
    progress.stage(
        String.format(
            Locale.ROOT,
            "solving… %,d mentors, %,d mentees",
            pool.mentors().size(),
            pool.mentees().size()),
        size);
    MatchResult result =
        Matcher.match(pool.mentors(), pool.mentees(), settings(read.found().program()), now());
    return new DryRun(
        read.found().program().getName(),
        ProgramLookup.describe(read.found().workspace()),
        pool.mentors().size(),
        pool.mentees().size(),
        result);
  }

  /** Everyone active with a complete profile who is not yet in an active pair. */
  private record Pool(
      List<Candidate> mentors,
      List<Candidate> mentees,
      Map<String, Participant> participantByUserId) {}

  private Pool pool(Store store, Program program) {
    List<Participant> participants = store.participants(program.getId());
    Map<Long, Member> members = new HashMap<>();
    store.members(program.getWorkspaceId()).forEach(m -> members.put(m.getId(), m));
    Map<String, String> userIdByName = new HashMap<>();
    members
        .values()
        .forEach(m -> userIdByName.put(m.getDisplayName().toLowerCase(Locale.ROOT), m.getUserId()));
    Map<Long, Long> activePairsOf = new HashMap<>();
    for (Pair pair : store.pairs(program.getId(), Pair.Status.ACTIVE)) {
      activePairsOf.merge(pair.getMentorId(), 1L, Long::sum);
      activePairsOf.merge(pair.getMenteeId(), 1L, Long::sum);
    }
    Map<String, List<PastPartner>> history = history(store, program, members);
    Map<String, Set<String>> exclusions = new HashMap<>();
    for (Exclusion e : store.exclusions(program.getWorkspaceId())) {
      Member m = members.get(e.getMemberId());
      if (m != null) {
        exclusions
            .computeIfAbsent(m.getUserId(), k -> new java.util.HashSet<>())
            .add(e.getExcludedUserId());
      }
    }
    Map<String, String> managerOf = new HashMap<>();
    for (Participant p : participants) {
      Member m = members.get(p.getMemberId());
      if (p.getManager() != null) {
        managerOf.put(m.getUserId(), managerKey(p.getManager(), userIdByName));
      }
    }
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
              room,
              chain(member.getUserId(), managerOf),
              history,
              exclusions);
      (p.getRole() == Role.MENTOR ? mentors : mentees).add(candidate);
      byUser.put(member.getUserId(), p);
    }
    return new Pool(mentors, mentees, byUser);
  }

  private static Candidate candidate(
      Member member,
      Profile profile,
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
        "",
        history.getOrDefault(member.getUserId(), List.of()),
        exclusions.getOrDefault(member.getUserId(), Set.of()));
  }

  /** A manager as typed: a mention becomes its user id, a known member's name their id. */
  private static String managerKey(String manager, Map<String, String> userIdByName) {
    Optional<String> mentioned = Mentions.userId(manager);
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
      Store store, Program program, Map<Long, Member> members) {
    Map<String, List<PastPartner>> history = new HashMap<>();
    for (Store.PastPair pair : store.pairHistory(program.getWorkspaceId())) {
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

  static MatchSettings settings(Program program) {
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

  private void propose(Store store, Program program, Pool pool, MatchResult result) {
    store.pairs(program.getId(), Pair.Status.PROPOSED).forEach(store::remove);
    Instant now = now();
    for (MatchedPair pair : result.pairs()) {
      store.add(
          new Pair(
              program.getWorkspaceId(),
              program.getId(),
              pool.participantByUserId().get(pair.mentor().id()).getId(),
              pool.participantByUserId().get(pair.mentee().id()).getId(),
              Math.round(pair.score() * 1000),
              String.join("\n", pair.reasons()),
              now));
    }
  }

  private static List<Pairing> proposedPairing(Store store, Program program, Pool pool) {
    Map<Long, String> userByParticipant = new HashMap<>();
    pool.participantByUserId().forEach((user, p) -> userByParticipant.put(p.getId(), user));
    List<Pairing> pairing = new ArrayList<>();
    for (Pair pair : store.pairs(program.getId(), Pair.Status.PROPOSED)) {
      String mentor = userByParticipant.get(pair.getMentorId());
      String mentee = userByParticipant.get(pair.getMenteeId());
      if (mentor != null && mentee != null) {
        pairing.add(new Pairing(mentor, mentee));
      }
    }
    return pairing;
  }

  /** Tells each active, profiled person left without a partner why, once per approval day. */
  private static int tellUnmatched(Store store, Workspace workspace, Program program, Instant now) {
    Set<Long> paired = new java.util.HashSet<>();
    store
        .pairs(program.getId(), Pair.Status.ACTIVE)
        .forEach(
            p -> {
              paired.add(p.getMentorId());
              paired.add(p.getMenteeId());
            });
    int told = 0;
    for (Participant p : store.participants(program.getId())) {
      boolean waiting = p.getStatus() == ParticipantStatus.WAITLISTED;
      boolean left =
          p.getStatus() == ParticipantStatus.ACTIVE
              && p.isProfileComplete()
              && !paired.contains(p.getId());
      if (!waiting && !left) {
        continue;
      }
      Member member = store.memberById(p.getMemberId()).orElseThrow();
      String text =
          waiting
              ? "Pairs for *"
                  + Markup.text(program.getName())
                  + "* were just made. The pilot is full, so you're on the"
                  + " waitlist in the order people joined; you'll be paired as soon as a place opens."
              : "Pairs for *"
                  + Markup.text(program.getName())
                  + "* were just made, and this round there was no "
                  + counterpart(p.getRole())
                  + " who fits you (for example someone far enough apart in"
                  + " seniority and outside your reporting line). You stay enrolled and are first in line"
                  + " for the next round.";
      boolean queued =
          Outbox.queue(
              store,
              workspace.getId(),
              workspace.getPlatform(),
              "unmatched:" + p.getId() + ":" + now.truncatedTo(ChronoUnit.DAYS).toEpochMilli(),
              new ChatTarget.DirectMessage(member.getUserId()),
              Reply.info(text, List.of()),
              now,
              now);
      if (queued) {
        store.add(
            new Signal(
                workspace.getId(),
                SignalType.UNMATCHED,
                member.getId(),
                program.getId(),
                p.getId(),
                null,
                now,
                Json.object(Map.of("waitlisted", waiting))));
        told++;
      }
    }
    return told;
  }

  private static Reply proposal(Program program, MatchResult result, String verb) {
    List<Reply.Field> fields = new ArrayList<>();
    result.pairs().stream()
        .limit(PAIRS_SHOWN)
        .forEach(
            p ->
                fields.add(
                    new Reply.Field(
                        Markup.text(p.mentor().name())
                            + " → "
                            + Markup.text(p.mentee().name())
                            + " ("
                            + Math.round(p.score())
                            + ")",
                        p.reasons().isEmpty()
                            ? "fits the rules"
                            : Markup.text(String.join("; ", p.reasons())))));
    if (result.pairs().size() > PAIRS_SHOWN) {
      fields.add(
          new Reply.Field(
              "…",
              (result.pairs().size() - PAIRS_SHOWN)
                  + " more pairs (see `tandem match --dry-run`)"));
    }
    for (Unmatched u : result.unmatched()) {
      if (fields.size() >= 24) {
        break;
      }
      fields.add(
          new Reply.Field(
              "Unmatched: " + Markup.text(u.person().name()) + " (" + u.role().label() + ")",
              Markup.text(u.explanation())));
    }
    String text =
        verb
            + " *"
            + result.pairs().size()
            + (result.pairs().size() == 1 ? " pair*" : " pairs*")
            + " for *"
            + Markup.text(program.getName())
            + "*, total score "
            + Math.round(result.totalScore())
            + (result.unmatched().isEmpty() ? "" : ", " + result.unmatched().size() + " unmatched")
            + ". This is the best possible total under the program's rules.";
    String name = program.getName();
    return new Reply(
        Reply.Kind.INFO,
        Reply.Visibility.PRIVATE,
        text,
        fields,
        result.pairs().isEmpty()
            ? List.of()
            : List.of(
                new Reply.Button(
                    io.tandem.core.command.CommandDispatcher.COMMAND_ACTION,
                    "Approve",
                    "match approve " + name,
                    Reply.Button.Style.PRIMARY)),
        null);
  }

  private static Optional<Program> program(Store store, Actor actor, String name) {
    Optional<Workspace> workspace = store.workspace(actor.platform(), actor.workspaceId());
    if (name == null || name.isBlank()) {
      List<Program> programs = workspace.map(w -> store.programs(w.getId())).orElse(List.of());
      List<Program> live =
          programs.stream()
              .filter(
                  p ->
                      p.getStatus() == ProgramStatus.OPEN || p.getStatus() == ProgramStatus.RUNNING)
              .toList();
      return live.size() == 1
          ? Optional.of(live.get(0))
          : workspace.flatMap(w -> store.defaultProgram(w.getId()));
    }
    return workspace.flatMap(w -> store.programNamed(w.getId(), name.strip()));
  }

  private static Reply noProgram(String name) {
    return Reply.error(
        name == null
            ? "Name the program to match; there is more than one, or none yet."
            : "There is no program called *" + Markup.text(name) + "* here.",
        "match preview Data pilot");
  }

  private void signal(Store store, Program program, SignalType type, MatchResult result) {
    store.add(
        new Signal(
            program.getWorkspaceId(),
            type,
            null,
            program.getId(),
            null,
            null,
            now(),
            Json.object(
                Map.of("pairs", result.pairs().size(), "unmatched", result.unmatched().size()))));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static String counterpart(Role role) {
    return role == Role.MENTOR ? "mentee" : "mentor";
  }
}
