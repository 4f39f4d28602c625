package io.tandem.core.checkins;

import io.tandem.core.command.Command;
import io.tandem.core.enrolment.CurrentParticipation;
import io.tandem.core.enrolment.Member;
import io.tandem.core.matching.Pair;
import io.tandem.core.port.in.Actor;
import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which participation and pair a participant command acts on, for people in several programs or
 * with several partners. Only reads.
 *
 * <p>The command's {@link Command.Target} narrows the actor's pairs: a pair or participation a
 * button carries, a program named {@code in PROGRAM}, a partner named {@code with @partner}. One
 * left: {@link Found}. None: a private refusal. Several: a short private choice ({@link Answer})
 * listing them, with a button for each that repeats the command for that pair; nothing is written.
 * Someone with one pair and one program never sees a choice, and naming a partner then is checked
 * by the use case ({@link PairContext#check}) as before.
 */
public final class PairResolver {

  private PairResolver() {}

  /** What a command acts on. */
  public enum Scope {
    /** One pair, or one program while unpaired there (logs, support). */
    PAIR,
    /** One pair; programs without a partner are left out when there is a pair elsewhere. */
    PAIRED,
    /** One program with all its pairs (pause, resume, leave). */
    PROGRAM
  }

  /** The outcome of a resolution. */
  public sealed interface Resolved permits Found, Answer {}

  /** The context to act on. */
  public record Found(PairContext context) implements Resolved {}

  /** The private answer to give instead: not joined, a refusal, or the choice. Nothing written. */
  public record Answer(Reply reply) implements Resolved {}

  /**
   * Resolves one pair from an actor, an optional partner and an optional program: for commands that
   * take these themselves (ending one pairing, say).
   *
   * @param partnerUserId the partner's platform user id, or {@code null}
   * @param program a program's name, or {@code null}
   * @param retry the command to repeat on each choice's button (a {@code pair:ID} is added), or
   *     {@code null} for no buttons
   */
  public static Resolved pair(
      Store store,
      Actor actor,
      String partnerUserId,
      String program,
      Reply notJoined,
      String retry) {
    Command.Target target = new Command.Target(partnerUserId, program, null, null);
    return resolve(store, actor, target, Scope.PAIRED, notJoined, retry);
  }

  /**
   * @param retry the command as the person could type it again without its target, or {@code null};
   *     each choice's button sends it with the pair or participation added
   */
  public static Resolved resolve(
      Store store, Actor actor, Command.Target aimed, Scope scope, Reply notJoined, String retry) {
    Command.Target target = aimed == null ? Command.Target.NONE : aimed;
    List<PairContext> options = everything(store, actor);
    if (options.isEmpty()) {
      return new Answer(notJoined);
    }
    if (scope == Scope.PAIRED && options.stream().anyMatch(PairContext::paired)) {
      options = options.stream().filter(PairContext::paired).toList();
    }
    if (target.pairId() != null) {
      options = keep(options, c -> c.paired() && c.pair().getId().equals(target.pairId()));
    }
    if (target.participantId() != null) {
      options = keep(options, c -> c.me().getId().equals(target.participantId()));
    }
    if (options.isEmpty()) {
      return new Answer(PairChoices.notYourButton());
    }
    if (target.program() != null) {
      List<PairContext> all = options;
      options = keep(options, c -> sameName(c.program().getName(), target.program()));
      if (options.isEmpty()) {
        return new Answer(PairChoices.noSuchProgram(target.program(), all));
      }
    }
    if (target.partnerUserId() != null && options.size() > 1) {
      List<PairContext> all = options;
      options = keep(options, c -> c.paired() && isPartner(c, target.partnerUserId()));
      if (options.isEmpty()) {
        return new Answer(PairChoices.notAPartner(target.partnerUserId(), all));
      }
    }
    if (target.partnerUserId() != null
        && options.size() == 1
        && scope != Scope.PAIR
        && options.get(0).check(target.partnerUserId()) != PairContext.Named.FINE) {
      // check-ins explain this themselves (PairContext#check); other commands refuse here
      return new Answer(PairChoices.notAPartner(target.partnerUserId(), options));
    }
    if (scope == Scope.PROGRAM) {
      options = byProgram(store, options);
    }
    return options.size() == 1
        ? new Found(options.get(0))
        : new Answer(PairChoices.choose(options, scope == Scope.PROGRAM, retry));
  }

  /**
   * Every pair and program the actor is in: one context per active pair, and one unpaired context
   * per program where they have no partner. Active programs first, then the newest.
   */
  public static List<PairContext> everything(Store store, Actor actor) {
    List<PairContext> all = new ArrayList<>();
    for (CurrentParticipation current : CurrentParticipation.all(store, actor)) {
      all.addAll(contexts(store, current, actor.timeZone()));
    }
    return all;
  }

  /** As {@link #everything(Store, Actor)}, for a member (their zone from their profile). */
  public static List<PairContext> everything(Store store, Member member) {
    List<PairContext> all = new ArrayList<>();
    for (CurrentParticipation current : CurrentParticipation.all(store, member)) {
      all.addAll(contexts(store, current, null));
    }
    return all;
  }

  /** One context per active pair of the participation, or one unpaired context when none. */
  public static List<PairContext> contexts(
      Store store, CurrentParticipation current, String reportedZone) {
    List<Pair> pairs = ActivePairs.in(store).all(current.participant().getId());
    if (pairs.isEmpty()) {
      return List.of(PairContext.of(store, current, null, reportedZone));
    }
    return pairs.stream().map(p -> PairContext.of(store, current, p, reportedZone)).toList();
  }

  /** Every pair of {@code ctx}'s participation (a mentor may have several), each as a context. */
  public static List<PairContext> pairsOf(PairContext ctx) {
    return contexts(ctx.store(), ctx.current(), null).stream().filter(PairContext::paired).toList();
  }

  /**
   * One context per program: a program's single remaining pair stays; a program with several is one
   * unpaired context (the use case reaches its pairs through {@link #pairsOf}).
   */
  private static List<PairContext> byProgram(Store store, List<PairContext> options) {
    Map<Long, List<PairContext>> grouped = new LinkedHashMap<>();
    options.forEach(c -> grouped.computeIfAbsent(c.me().getId(), k -> new ArrayList<>()).add(c));
    return grouped.values().stream()
        .map(g -> g.size() == 1 ? g.get(0) : PairContext.of(store, g.get(0).current(), null, null))
        .toList();
  }

  private static boolean isPartner(PairContext ctx, String userId) {
    Member partner = ctx.partnerMember();
    return partner != null && userId.equals(partner.getUserId());
  }

  private static boolean sameName(String name, String asked) {
    return name.strip().toLowerCase(Locale.ROOT).equals(asked.strip().toLowerCase(Locale.ROOT));
  }

  private static List<PairContext> keep(List<PairContext> options, Predicate<PairContext> test) {
    return options.stream().filter(test).toList();
  }

  /**
   * A form's id that remembers the pair (or, unpaired, the participation) it was opened for, so its
   * submission acts on the same one: {@code base@42} or {@code base@p7}.
   */
  public static String formId(String base, PairContext ctx) {
    return base + "@" + (ctx.paired() ? ctx.pair().getId().toString() : "p" + ctx.me().getId());
  }

  /** The form id without what {@link #formId} added. */
  public static String formBase(String formId) {
    int at = formId.lastIndexOf('@');
    return at < 0 ? formId : formId.substring(0, at);
  }

  /** The pair or participation {@link #formId} put in a form's id; none for older forms. */
  public static Command.Target formTarget(String formId) {
    int at = formId.lastIndexOf('@');
    String tail = at < 0 ? "" : formId.substring(at + 1);
    try {
      if (tail.startsWith("p")) {
        return new Command.Target(null, null, null, Long.parseLong(tail.substring(1)));
      }
      return tail.isEmpty() ? Command.Target.NONE : Command.Target.pair(Long.parseLong(tail));
    } catch (NumberFormatException e) {
      return Command.Target.NONE;
    }
  }

  /** The program's name as Tandem shows it. */
  static String programName(PairContext ctx) {
    return "*" + Markup.text(ctx.program().getName()) + "*";
  }
}
