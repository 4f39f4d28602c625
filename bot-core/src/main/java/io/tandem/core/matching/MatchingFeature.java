package io.tandem.core.matching;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import io.tandem.core.store.Database;
import java.time.Clock;

/**
 * Admins' matching: {@code match preview} ({@link PreviewMatch}) runs the exact matcher over
 * everyone with a complete profile and stores the proposal; {@code match swap @a @b} ({@link
 * SwapMatch}) adjusts it; {@code match approve} ({@link ApproveMatch}) makes the pairs real and
 * queues, in the same transaction, each pair's introduction, each person's role guide, and a kind
 * note to anyone left without a partner. A new pair's working agreement starts with the
 * introduction ({@code agreement}). {@code pair end} ({@link EndPair}) ends one pairing, by an
 * admin or one of the pair; {@code pair make} ({@link MakePair}) pairs two people by hand. The
 * operator's {@code tandem match --dry-run} is {@link DryRunMatch}.
 */
public final class MatchingFeature implements Feature {

  private final PreviewMatch preview;
  private final SwapMatch swap;
  private final ApproveMatch approve;
  private final EndPair endPair;
  private final MakePair makePair;

  public MatchingFeature(Database db, Clock clock) {
    this.preview = new PreviewMatch(db, clock);
    this.swap = new SwapMatch(db, clock);
    this.approve = new ApproveMatch(db, clock);
    this.endPair = new EndPair(db, clock);
    this.makePair = new MakePair(db, clock);
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(
            Command.PreviewMatch.class,
            (actor, command) -> preview.preview(actor, command.program()))
        .command(Command.SwapMatch.class, swap::swap)
        .command(
            Command.ApproveMatch.class,
            (actor, command) -> approve.approve(actor, command.program()))
        .command(PairCommand.EndPair.class, endPair::byAdmin)
        .command(PairCommand.EndMyPair.class, endPair::byParticipant)
        .command(PairCommand.MakePair.class, makePair::make)
        .command(PairCommand.RePair.class, endPair::redo);
  }
}
