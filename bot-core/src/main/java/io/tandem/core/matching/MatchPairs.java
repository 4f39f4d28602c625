package io.tandem.core.matching;

import io.tandem.core.command.Command;
import io.tandem.core.kernel.Progress;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Reply;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Admins' matching: {@code match preview} ({@link PreviewMatch}) runs the exact matcher over
 * everyone with a complete profile and stores the proposal; {@code match swap @a @b} ({@link
 * SwapMatch}) adjusts it; {@code match approve} ({@link ApproveMatch}) makes the pairs real and
 * queues, in the same transaction, each pair's introduction, each person's role guide, and a kind
 * note to anyone left without a partner. The operator's {@code tandem match --dry-run} is {@link
 * DryRunMatch}.
 */
public final class MatchPairs {

  private final PreviewMatch preview;
  private final SwapMatch swap;
  private final ApproveMatch approve;
  private final DryRunMatch dryRun;

  public MatchPairs(Database db, Clock clock) {
    this.preview = new PreviewMatch(db, clock);
    this.swap = new SwapMatch(db, clock);
    this.approve = new ApproveMatch(db, clock);
    this.dryRun = new DryRunMatch(db, clock);
  }

  public Reply preview(Actor actor, String programName) {
    return preview.preview(actor, programName);
  }

  public Reply swap(Actor actor, Command.SwapMatch command) {
    return swap.swap(actor, command);
  }

  public Reply approve(Actor actor, String programName) {
    return approve.approve(actor, programName);
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
   * Runs the matcher exactly as {@link #preview} does and writes nothing; see {@link DryRunMatch}.
   *
   * @throws ProgramLookup.NotFound when the target names no program
   */
  public DryRun dryRun(ProgramLookup.Target target, Progress progress) {
    return dryRun.dryRun(target, progress);
  }
}
