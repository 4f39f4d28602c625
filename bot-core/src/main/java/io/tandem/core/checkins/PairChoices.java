package io.tandem.core.checkins;

import io.tandem.core.command.CommandDispatcher;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What {@link PairResolver} says when a command does not name one pair clearly. Pure. */
final class PairChoices {

  private PairChoices() {}

  static Reply notYourButton() {
    return Reply.error(
        "That button belongs to a pairing that has ended or that you're not part of, so nothing"
            + " was done.",
        "status");
  }

  static Reply noSuchProgram(String asked, List<PairContext> yours) {
    return Reply.error(
        "You're not in a program called *"
            + Markup.text(asked)
            + "*; yours: "
            + yours.stream()
                .map(PairResolver::programName)
                .distinct()
                .collect(Collectors.joining(", "))
            + ". Nothing was saved.",
        "pause in " + yours.get(0).program().getName());
  }

  static Reply notAPartner(String userId, List<PairContext> yours) {
    List<PairContext> paired = yours.stream().filter(PairContext::paired).toList();
    if (paired.isEmpty()) {
      return Reply.error(
          "You don't have a partner yet, so leave out `with …`. Nothing was saved.", "status");
    }
    boolean self = userId.equals(yours.get(0).member().getUserId());
    return Reply.error(
        (self ? "You named yourself" : "That person is not one of your partners")
            + (paired.size() == 1 ? "; your partner is " : "; your partners are ")
            + paired.stream().map(PairChoices::partner).collect(Collectors.joining(" and "))
            + ". Nothing was saved.",
        TargetClauses.WITH_EXAMPLE);
  }

  /**
   * The private choice: one line and one button per option, each button repeating the command for
   * that pair or program.
   */
  static Reply choose(List<PairContext> options, boolean programs, String retry) {
    String listed =
        options.stream()
            .map(c -> programs ? PairResolver.programName(c) : partnerIn(c))
            .collect(Collectors.joining(", "));
    String how =
        programs
            ? "add `in` and the program's name, like `"
                + Markup.command("pause in " + options.get(0).program().getName())
                + "`"
            : "add `with` and mention your partner, like `"
                + Markup.command("log 30m with @partner")
                + "`";
    String text =
        (programs
                ? "You're in " + options.size() + " programs: " + listed
                : "You have " + options.size() + " pairings: " + listed)
            + ". Which one is this for? "
            + (retry != null ? "Tap one, or " : "Say which: ")
            + how
            + ". Nothing was saved yet.";
    List<Reply.Button> buttons = new ArrayList<>();
    if (retry != null) {
      for (PairContext c : options) {
        buttons.add(
            new Reply.Button(
                CommandDispatcher.COMMAND_ACTION, label(c, programs), retried(retry, c), null));
      }
    }
    return new Reply(Reply.Kind.INFO, Reply.Visibility.PRIVATE, text, List.of(), buttons, null);
  }

  /** The command again, for one option: its pair, or its participation while unpaired. */
  static String retried(String retry, PairContext c) {
    return retry + (c.paired() ? " pair:" + c.pair().getId() : " participation:" + c.me().getId());
  }

  private static String label(PairContext c, boolean programs) {
    if (programs || !c.paired()) {
      return c.program().getName() + (c.paired() || programs ? "" : " (no partner yet)");
    }
    return "With " + c.partnerName() + " (" + c.program().getName() + ")";
  }

  private static String partnerIn(PairContext c) {
    return c.paired()
        ? partner(c) + " in " + PairResolver.programName(c)
        : "no partner yet in " + PairResolver.programName(c);
  }

  private static String partner(PairContext c) {
    return "*" + Markup.text(c.partnerName()) + "*";
  }
}
