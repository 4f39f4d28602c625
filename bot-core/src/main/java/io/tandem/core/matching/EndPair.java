package io.tandem.core.matching;

import io.tandem.core.calendar.Meetings;
import io.tandem.core.checkins.PairContext;
import io.tandem.core.checkins.PairResolver;
import io.tandem.core.command.Command;
import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participant;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.MentionedUsers;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.AdminRights;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.Programs;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends one pairing, not the program: by an admin ({@code pair end @a @b [reason]}) or by one of the
 * pair ({@code pair end [with @partner]}, which asks first). Both people stay in the program, back
 * in the pool for the next match round; whoever did not end it is told kindly, in the same
 * transaction. The reason, by whom and why go to the engagement log.
 */
public final class EndPair {

  private final Database db;
  private final Clock clock;

  public EndPair(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How an ended pairing is recorded: who ended it and, for an admin, why. */
  public record Ending(Long actorMemberId, String by, String note) {}

  /**
   * {@code pair end @a @b [reason]}: for workspace admins, and for the admins of the program the
   * pair is in.
   */
  public Reply byAdmin(Actor actor, PairCommand.EndPair command) {
    return db.transactionRetryingConflicts(store -> byAdmin(store, actor, command));
  }

  private Reply byAdmin(Store store, Actor actor, PairCommand.EndPair command) {
    if (!AdminRights.isAnyAdmin(store, actor)) {
      return AdminRights.refuse(store, actor, null, PairGrammar.ADMIN_END_EXAMPLE).orElseThrow();
    }
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    Optional<Pair> pair =
        workspace.flatMap(
            w -> between(store, w.getId(), command.firstUserId(), command.secondUserId()));
    if (pair.isEmpty()) {
      return Reply.error(
          Markup.mention(command.firstUserId())
              + " and "
              + Markup.mention(command.secondUserId())
              + " are not paired with each other right now.",
          PairGrammar.ADMIN_END_EXAMPLE);
    }
    Optional<Reply> refused =
        AdminRights.refuse(
            store,
            actor,
            Programs.in(store).byId(pair.get().getProgramId()).orElseThrow().getName(),
            PairGrammar.ADMIN_END_EXAMPLE);
    if (refused.isPresent()) {
      return refused.get();
    }
    return endedByAdmin(store, actor, pair.get(), command.reason(), "");
  }

  /**
   * {@code pair redo @person}: ends the person's one pair; both go back for the next round. A
   * program admin acts on the person's pairs in the programs they administer.
   */
  public Reply redo(Actor actor, PairCommand.RePair command) {
    return db.transactionRetryingConflicts(store -> redo(store, actor, command));
  }

  private Reply redo(Store store, Actor actor, PairCommand.RePair command) {
    Optional<Reply> refused =
        AdminRights.refuseForPerson(store, actor, command.userId(), PairGrammar.REDO_EXAMPLE);
    if (refused.isPresent()) {
      return refused.get();
    }
    Optional<Workspace> workspace =
        Workspaces.in(store).find(actor.platform(), actor.workspaceId());
    Optional<Member> member =
        workspace.flatMap(w -> Members.in(store).find(w.getId(), command.userId()));
    Programs programs = Programs.in(store);
    List<Pair> pairs =
        member.map(m -> activePairs(store, m)).orElse(List.of()).stream()
            .filter(
                p ->
                    AdminRights.mayAdminister(
                        store, actor, programs.byId(p.getProgramId()).orElseThrow()))
            .toList();
    if (pairs.size() != 1) {
      return Reply.error(
          Markup.mention(command.userId())
              + (pairs.isEmpty()
                  ? " has no pair right now."
                  : " has "
                      + pairs.size()
                      + " pairs; end the one to redo with `"
                      + Markup.command("pair end @mentor @mentee")
                      + "`."),
          PairGrammar.REDO_EXAMPLE);
    }
    return endedByAdmin(
        store,
        actor,
        pairs.get(0),
        ("re-pair " + command.reason()).strip(),
        " Pair them anew with `"
            + Markup.command("match preview")
            + "`, or by hand with `"
            + Markup.command("pair make @mentor @mentee")
            + "`.");
  }

  /** Ends a pair for an admin, recording who and why; says so, and {@code more}. */
  private Reply endedByAdmin(Store store, Actor actor, Pair pair, String note, String more) {
    Long adminMemberId =
        Members.in(store)
            .find(pair.getWorkspaceId(), actor.userId())
            .map(Member::getId)
            .orElse(null);
    Program program = Programs.in(store).byId(pair.getProgramId()).orElseThrow();
    List<Member> both =
        end(store, pair, new Ending(adminMemberId, "admin", note), null, clock.instant());
    return Reply.success(
        "Ended the pairing of "
            + Markup.text(both.get(0).getDisplayName())
            + " and "
            + Markup.text(both.get(1).getDisplayName())
            + " in *"
            + Markup.text(program.getName())
            + "*. Both were told, and both stay in the program for the next match round."
            + more,
        List.of());
  }

  /** The member's active pairs in every program they are in. */
  static List<Pair> activePairs(Store store, Member member) {
    List<Pair> found = new java.util.ArrayList<>();
    for (Participant p : Participants.in(store).ofMember(member.getId())) {
      long id = p.getId();
      Pairs.in(store).inProgram(p.getProgramId(), Pair.Status.ACTIVE).stream()
          .filter(pair -> pair.getMentorId() == id || pair.getMenteeId() == id)
          .forEach(found::add);
    }
    return found;
  }

  /**
   * {@code pair end [with @partner]}: the pair the partner, or the button's pair, names; someone
   * with several pairs who names none gets a private choice, and nothing ends.
   */
  public Reply byParticipant(Actor actor, PairCommand.EndMyPair command) {
    return db.transaction(
        store -> {
          Optional<Reply> wrongName = wrongPartner(store, actor, command.partnerUserId());
          if (wrongName.isPresent()) {
            return wrongName.get();
          }
          PairResolver.Resolved resolved =
              PairResolver.resolve(
                  store,
                  actor,
                  new Command.Target(command.partnerUserId(), null, command.pairId(), null),
                  PairResolver.Scope.PAIRED,
                  Reply.error("You haven't joined a Tandem program yet.", "join mentee"),
                  "pair end");
          if (resolved instanceof PairResolver.Answer answer) {
            return answer.reply();
          }
          PairContext ctx = ((PairResolver.Found) resolved).context();
          if (!ctx.paired()) {
            return Reply.error(
                "You have no partner right now, so there is no pairing to end. To leave the"
                    + " program, say `"
                    + Markup.command("leave")
                    + "`.",
                "status");
          }
          return byParticipant(ctx, command);
        });
  }

  /** The refusal of naming oneself or someone who is none of the actor's partners; else empty. */
  private static Optional<Reply> wrongPartner(Store store, Actor actor, String partnerUserId) {
    if (partnerUserId == null) {
      return Optional.empty();
    }
    List<PairContext> paired =
        PairResolver.everything(store, actor).stream().filter(PairContext::paired).toList();
    if (paired.isEmpty()
        || paired.stream().anyMatch(c -> partnerUserId.equals(c.partnerMember().getUserId()))) {
      return Optional.empty();
    }
    if (partnerUserId.equals(actor.userId())) {
      return Optional.of(Reply.error("Name your partner, not yourself.", PairGrammar.END_EXAMPLE));
    }
    return Optional.of(
        Reply.error(
            Markup.mention(partnerUserId) + " is not your partner.",
            "pair end with "
                + MentionedUsers.plainMention(paired.get(0).partnerMember().getUserId())));
  }

  private Reply byParticipant(PairContext ctx, PairCommand.EndMyPair command) {
    if (command.partnerUserId() != null) {
      switch (ctx.check(command.partnerUserId())) {
        case SELF -> {
          return Reply.error("Name your partner, not yourself.", PairGrammar.END_EXAMPLE);
        }
        case STRANGER, NO_PARTNER -> {
          return Reply.error(
              Markup.mention(command.partnerUserId()) + " is not your partner.",
              "pair end with " + MentionedUsers.plainMention(ctx.partnerMember().getUserId()));
        }
        default -> {}
      }
    }
    String partner = Markup.text(ctx.partnerName());
    String program = Markup.text(ctx.program().getName());
    if (!command.confirmed()) {
      String again = "pair end pair:" + ctx.pair().getId();
      return new Reply(
          Reply.Kind.INFO,
          Reply.Visibility.PRIVATE,
          "End your pairing with "
              + partner
              + "? You stay in *"
              + program
              + "* and will be matched with someone new in the next round; "
              + partner
              + " is told kindly and stays in too. If you only need a break, pause instead.",
          List.of(),
          List.of(
              new Reply.Button(
                  CommandDispatcher.COMMAND_ACTION,
                  "Yes, end our pairing",
                  again + " confirm",
                  Reply.Button.Style.DANGER),
              new Reply.Button(
                  CommandDispatcher.COMMAND_ACTION, "Pause 2 weeks", "pause 2w", null)),
          null);
    }
    end(
        ctx.store(),
        ctx.pair(),
        new Ending(ctx.member().getId(), "participant", ""),
        ctx.me(),
        clock.instant());
    return Reply.success(
        "Your pairing with "
            + partner
            + " has ended, and "
            + partner
            + " has been told. You stay in *"
            + program
            + "* and will be matched with someone new in the next round.",
        List.of());
  }

  /**
   * Ends {@code pair} in the caller's transaction: records it, and tells each of its people except
   * {@code endedBy} that the pairing ended and they go back into the next match round.
   *
   * @param endedBy the one of the pair who ended it, or {@code null} when someone else did
   * @return the pair's mentor and mentee members
   */
  public static List<Member> end(
      Store store, Pair pair, Ending ending, Participant endedBy, Instant now) {
    pair.end(now);
    Meetings.cancel(store, pair, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", "ended");
    details.put("by", ending.by());
    if (!ending.note().isBlank()) {
      details.put("note", ending.note());
    }
    Signals.in(store)
        .record(
            Signal.aboutPair(
                SignalType.PAIR_ENDED,
                pair.getWorkspaceId(),
                ending.actorMemberId(),
                pair.getProgramId(),
                pair.getId(),
                details,
                now));
    List<Member> both = PairMembers.of(store, pair);
    Member mentor = both.get(0);
    Member mentee = both.get(1);
    Program program = Programs.in(store).byId(pair.getProgramId()).orElseThrow();
    Workspace workspace = Workspaces.in(store).byId(pair.getWorkspaceId()).orElseThrow();
    Long endedByMember = endedBy == null ? null : endedBy.getMemberId();
    for (Member[] people : new Member[][] {{mentor, mentee}, {mentee, mentor}}) {
      if (people[0].getId().equals(endedByMember)) {
        continue;
      }
      String other = Markup.text(people[1].getDisplayName());
      Outbox.queue(
          store,
          workspace.getId(),
          workspace.getPlatform(),
          "pair-ended:" + pair.getId() + ":" + people[0].getUserId(),
          new ChatTarget.DirectMessage(people[0].getUserId()),
          Reply.info(
              (endedBy == null
                      ? "Your pairing with " + other + " has come to an end."
                      : other + " has ended your pairing.")
                  + " Thank you for the time and the sessions you shared. You stay in *"
                  + Markup.text(program.getName())
                  + "*: you're back in the pool and will be offered a new partner in the next"
                  + " match round.",
              List.of()),
          now,
          now);
    }
    return both;
  }

  /** The active pair of the two people, in any program of the workspace. */
  static Optional<Pair> between(
      Store store, long workspaceId, String firstUserId, String secondUserId) {
    Members members = Members.in(store);
    Optional<Member> a = members.find(workspaceId, firstUserId);
    Optional<Member> b = members.find(workspaceId, secondUserId);
    if (a.isEmpty() || b.isEmpty() || a.get().getId().equals(b.get().getId())) {
      return Optional.empty();
    }
    Participants participants = Participants.in(store);
    for (Participant pa : participants.ofMember(a.get().getId())) {
      Optional<Participant> pb = participants.find(pa.getProgramId(), b.get().getId());
      if (pb.isEmpty()) {
        continue;
      }
      long x = pa.getId();
      long y = pb.get().getId();
      Optional<Pair> found =
          Pairs.in(store).inProgram(pa.getProgramId(), Pair.Status.ACTIVE).stream()
              .filter(
                  p ->
                      p.getMentorId() == x && p.getMenteeId() == y
                          || p.getMentorId() == y && p.getMenteeId() == x)
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
