package io.tandem.core.matching;

import io.tandem.core.calendar.Meetings;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.matching.model.Candidate;
import io.tandem.core.matching.model.Matcher;
import io.tandem.core.matching.model.PairEvaluation;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code pair make @mentor @mentee [program] [override reason]}: an admin pairs two people by hand.
 * Both must be in the program's pool (active, profile complete, room for a partner). The matcher's
 * hard rules are checked; a pair that breaks one is made only with a stated reason, which goes to
 * the engagement log with the rules it overrides. The pair is introduced as approved pairs are.
 */
public final class MakePair {

  private final Database db;
  private final Clock clock;

  public MakePair(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply make(Actor actor, PairCommand.MakePair command) {
    return AdminRights.only(
        db,
        actor,
        command.program(),
        PairGrammar.MAKE_EXAMPLE,
        () -> db.transactionRetryingConflicts(store -> make(store, actor, command)));
  }

  private Reply make(Store store, Actor actor, PairCommand.MakePair command) {
    Optional<Program> found = ProgramLookup.inChat(store, actor, command.program());
    if (found.isEmpty()) {
      return MatchMessages.noProgram(command.program());
    }
    Program program = found.get();
    MatchPool pool = MatchPool.of(store, program);
    Optional<Candidate> mentor = candidate(pool.mentors(), command.mentorUserId());
    Optional<Candidate> mentee = candidate(pool.mentees(), command.menteeUserId());
    if (mentor.isEmpty() || mentee.isEmpty()) {
      String who = mentor.isEmpty() ? command.mentorUserId() : command.menteeUserId();
      return Reply.error(
          Markup.mention(who)
              + " can't be paired as "
              + (mentor.isEmpty() ? "mentor" : "mentee")
              + " in *"
              + Markup.text(program.getName())
              + "*: they need to have joined it in that role, with a complete profile, and have"
              + " room for a partner (end their pair first with `"
              + Markup.command("pair end @a @b")
              + "`).",
          PairGrammar.MAKE_EXAMPLE);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    PairEvaluation evaluation =
        Matcher.evaluate(mentor.get(), mentee.get(), MatchPool.settings(program), now);
    if (!evaluation.allowed() && command.override() == null) {
      return Reply.error(
          "That pair breaks the program's rules: "
              + Markup.text(String.join("; ", evaluation.ruleProblems()))
              + ". To pair them anyway, say why after `override`; the reason is recorded.",
          PairGrammar.OVERRIDE_EXAMPLE);
    }
    return create(store, actor, program, pool, evaluation, command.override(), now);
  }

  /** Stores, records and introduces the pair the admin asked for, rules checked. */
  private static Reply create(
      Store store,
      Actor actor,
      Program program,
      MatchPool pool,
      PairEvaluation evaluation,
      String override,
      Instant now) {
    Participant mentorP = pool.participantByUserId().get(evaluation.mentor().id());
    Participant menteeP = pool.participantByUserId().get(evaluation.mentee().id());
    Pair pair =
        Pairs.in(store)
            .add(
                new Pair(
                    program.getWorkspaceId(),
                    program.getId(),
                    mentorP.getId(),
                    menteeP.getId(),
                    Math.round(evaluation.score() * 1000),
                    String.join("\n", evaluation.reasons()),
                    now));
    pair.approve(now);
    Signals.in(store).record(created(store, actor, pair, evaluation, override, now));
    List<Member> both = PairMembers.of(store, pair);
    Member mentorMember = both.get(0);
    Member menteeMember = both.get(1);
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    Introductions.queue(store, workspace, program, pair, mentorMember, menteeMember, now);
    Meetings.propose(store, workspace, pair, now);
    return Reply.success(
        "Paired "
            + Markup.text(mentorMember.getDisplayName())
            + " (mentor) with "
            + Markup.text(menteeMember.getDisplayName())
            + " (mentee) in *"
            + Markup.text(program.getName())
            + "*; both are being introduced."
            + (evaluation.allowed()
                ? ""
                : " Rule overridden, with your reason recorded: "
                    + Markup.text(String.join("; ", evaluation.ruleProblems()))
                    + "."),
        List.of());
  }

  /** The new pair's signal: by which admin, and which rules were overridden for what reason. */
  private static Signal created(
      Store store,
      Actor actor,
      Pair pair,
      PairEvaluation evaluation,
      String override,
      Instant now) {
    Optional<Member> admin = Members.in(store).find(pair.getWorkspaceId(), actor.userId());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("score", pair.getScore());
    details.put("by", "admin");
    if (!evaluation.allowed()) {
      details.put(
          "overrides",
          evaluation.brokenRules().stream().map(Enum::name).sorted().toList().toString());
      details.put("reason", override);
    }
    return Signal.aboutPair(
        SignalType.PAIR_CREATED,
        pair.getWorkspaceId(),
        admin.map(Member::getId).orElse(null),
        pair.getProgramId(),
        pair.getId(),
        details,
        now);
  }

  private static Optional<Candidate> candidate(List<Candidate> pool, String userId) {
    return pool.stream().filter(c -> c.id().equals(userId)).findFirst();
  }
}
