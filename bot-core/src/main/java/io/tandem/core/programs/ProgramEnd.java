package io.tandem.core.programs;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.enrolment.Member;
import io.tandem.core.enrolment.Members;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.enrolment.Workspace;
import io.tandem.core.enrolment.Workspaces;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.kernel.Signals;
import io.tandem.core.learning.AskForReview;
import io.tandem.core.matching.Pair;
import io.tandem.core.matching.PairMembers;
import io.tandem.core.matching.Pairs;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The two steps of a program's end, each in the caller's transaction: the notice a week before, and
 * the close. Only programs that started running end by themselves; one still open for joining waits
 * for its admins.
 */
final class ProgramEnd {

  /** How long before the end both people of each pair hear of it. */
  static final Duration NOTICE = Duration.ofDays(7);

  private ProgramEnd() {}

  private static boolean started(Program program) {
    return program.getStatus() == ProgramStatus.RUNNING
        || program.getStatus() == ProgramStatus.PAUSED;
  }

  /** Tells both people of every active pair that the program ends in a week; how many were told. */
  static int noticeDue(Store store, long programId, Instant now) {
    Program program = Programs.in(store).byId(programId).orElse(null);
    if (program == null
        || !started(program)
        || program.getEndNoticeAt() != null
        || now.isBefore(program.endsAt().minus(NOTICE))
        || !now.isBefore(program.endsAt())) {
      return 0;
    }
    program.endNoticeSent(now);
    Workspace workspace = Workspaces.in(store).byId(program.getWorkspaceId()).orElseThrow();
    Participants participants = Participants.in(store);
    Members members = Members.in(store);
    String day = program.endsAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    int told = 0;
    for (Pair pair : Pairs.in(store).inProgram(programId, Pair.Status.ACTIVE)) {
      List<Member> both = PairMembers.of(store, pair);
      Member mentor = both.get(0);
      Member mentee = both.get(1);
      for (Member[] m : new Member[][] {{mentor, mentee}, {mentee, mentor}}) {
        Outbox.queue(
            store,
            workspace.getId(),
            workspace.getPlatform(),
            "program-ending:" + programId + ":" + m[0].getUserId(),
            new ChatTarget.DirectMessage(m[0].getUserId()),
            Reply.info(
                "*"
                    + Markup.text(program.getName())
                    + "* ends in a week, on "
                    + day
                    + ". Plan a last session with "
                    + Markup.text(m[1].getDisplayName())
                    + ": look back at your goals, and agree how you'll keep in touch.",
                List.of()),
            now,
            now);
        told++;
      }
    }
    return told;
  }

  /**
   * Closes the program when its length is over: its pairs end, people who rated skills when they
   * joined are asked to re-rate them. Whether it closed now.
   */
  static boolean closeDue(Store store, long programId, Instant now) {
    Program program = Programs.in(store).byId(programId).orElse(null);
    if (program == null || !started(program) || now.isBefore(program.endsAt())) {
      return false;
    }
    program.endOfLength(now);
    Signals signals = Signals.in(store);
    for (Pair pair : Pairs.in(store).inProgram(programId, Pair.Status.ACTIVE)) {
      pair.end(now);
      signals.record(
          Signal.aboutPair(
              SignalType.PAIR_ENDED,
              program.getWorkspaceId(),
              null,
              programId,
              pair.getId(),
              Map.of("reason", "end of length"),
              now));
    }
    signals.record(
        Signal.aboutProgram(
            SignalType.PROGRAM_CHANGED,
            program.getWorkspaceId(),
            programId,
            Map.of("status", program.getStatus().name(), "by", "end of length"),
            now));
    AskForReview.ask(store, program, now);
    return true;
  }
}
