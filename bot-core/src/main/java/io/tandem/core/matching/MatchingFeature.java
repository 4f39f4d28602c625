package io.tandem.core.matching;

import io.tandem.core.command.Command;
import io.tandem.core.command.Feature;
import io.tandem.core.command.Routes;
import java.util.Objects;

/**
 * Matching: admins' {@code match preview}, {@code swap} and {@code approve}, and the button with
 * which a new pair says how they will meet.
 */
public final class MatchingFeature implements Feature {

  private final MatchPairs matchPairs;
  private final PairPreferences preferences;

  public MatchingFeature(MatchPairs matchPairs, PairPreferences preferences) {
    this.matchPairs = Objects.requireNonNull(matchPairs, "matchPairs");
    this.preferences = Objects.requireNonNull(preferences, "preferences");
  }

  @Override
  public void register(Routes routes) {
    routes
        .command(
            Command.PreviewMatch.class,
            (actor, preview) -> matchPairs.preview(actor, preview.program()))
        .command(Command.SwapMatch.class, matchPairs::swap)
        .command(
            Command.ApproveMatch.class,
            (actor, approve) -> matchPairs.approve(actor, approve.program()))
        .action(
            PairPreferences.MEET_ACTION,
            (actor, actionId, value) -> preferences.chose(actor, value));
  }
}
