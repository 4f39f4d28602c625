package io.tandem.core.reminders;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.ProgramAdmin;
import io.tandem.core.programs.ProgramAdmins;
import io.tandem.core.programs.WorkspaceAdmins;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One firing of the reminder job over every active pair of every running program, set-based: the
 * number of queries does not grow with the number of pairs.
 *
 * <ol>
 *   <li>One short transaction reads every active pair with its people, workspace and session count
 *       (a few queries in all), and the workspaces' admins.
 *   <li>Outside any transaction, each pair's reminders and nudges are planned ({@link PassStep}).
 *   <li>One short transaction asks which of the planned outbox keys are taken (one query per 500
 *       keys): a pass with nothing new to say ends here.
 *   <li>The pairs with something new are written in batches of {@value #PAIRS_PER_BATCH}, each in
 *       one short transaction that reads those pairs again, plans them again from what it read (so
 *       a pair that paused, logged a session or ended meanwhile is judged as it now is), and writes
 *       the messages, signals and at-risk marks together: the outbox guarantee holds per batch, and
 *       the outbox keys make a batch that runs twice (a crash, a re-fired job) queue nothing new.
 * </ol>
 *
 * Reminders are written before nudges, so an admin's alert counts the reminders of the same firing,
 * as it did when each pair was handled in turn.
 */
final class ReminderPass {

  static final int PAIRS_PER_BATCH = 200;

  private static final Set<SignalType> HISTORY =
      Set.of(SignalType.REMINDER_SENT, SignalType.NUDGE_SENT);

  /** How many messages a pass queued. */
  record Counts(int reminders, int nudges) {}

  /**
   * @param admins the workspaces' admins, by workspace id
   * @param programAdmins each program's own admins, by program id
   */
  private record Snapshot(
      List<PairPeople> pairs,
      Map<Long, List<String>> admins,
      Map<Long, List<String>> programAdmins) {
    /**
     * Who hears a pair's escalation: its workspace's admins and its program's admins, once each.
     */
    List<String> adminsOf(PairPeople pp) {
      Set<String> all = new LinkedHashSet<>(admins.getOrDefault(pp.workspace().getId(), List.of()));
      all.addAll(programAdmins.getOrDefault(pp.program().getId(), List.of()));
      return List.copyOf(all);
    }
  }

  private final Database db;
  private final ReminderSettings settings;

  ReminderPass(Database db, ReminderSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  /** Queues what is due at {@code at}: the reminders, the nudges, or both. */
  Counts run(Instant at, boolean reminders, boolean nudges) {
    Snapshot snapshot =
        db.transaction(
            store -> {
              List<PairPeople> pairs = ReminderRoster.in(store).activePairs(List.of());
              Map<Long, List<String>> programAdmins = new HashMap<>();
              if (nudges) {
                ProgramAdmins grants = ProgramAdmins.in(store);
                pairs.stream()
                    .map(pp -> pp.program().getId())
                    .distinct()
                    .forEach(
                        id ->
                            programAdmins.put(
                                id, grants.of(id).stream().map(ProgramAdmin::userId).toList()));
              }
              return new Snapshot(
                  pairs, nudges ? WorkspaceAdmins.in(store).all() : Map.of(), programAdmins);
            });
    int reminded = reminders ? queue(snapshot, at, pp -> QueueReminders.plan(pp, at, settings)) : 0;
    int nudged =
        nudges
            ? queue(
                snapshot, at, pp -> ClimbNudgeLadder.plan(pp, at, snapshot.adminsOf(pp), settings))
            : 0;
    return new Counts(reminded, nudged);
  }

  private int queue(Snapshot snapshot, Instant at, Function<PairPeople, List<PassStep>> planner) {
    Map<Long, List<String>> keys = new LinkedHashMap<>();
    Set<Long> marked = new HashSet<>();
    for (PairPeople pp : snapshot.pairs()) {
      long pairId = pp.pair().getId();
      for (PassStep step : planner.apply(pp)) {
        keys.computeIfAbsent(pairId, id -> new ArrayList<>()).addAll(step.keys(pairId));
        if (step instanceof PassStep.MarkAtRisk) {
          marked.add(pairId);
        }
      }
    }
    if (keys.isEmpty()) {
      return 0;
    }
    Set<String> taken =
        db.transaction(
            store -> store.outboxKeysTaken(keys.values().stream().flatMap(List::stream).toList()));
    List<Long> toWrite =
        keys.entrySet().stream()
            .filter(e -> marked.contains(e.getKey()) || !taken.containsAll(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    int queued = 0;
    for (int from = 0; from < toWrite.size(); from += PAIRS_PER_BATCH) {
      List<Long> batch = toWrite.subList(from, Math.min(toWrite.size(), from + PAIRS_PER_BATCH));
      queued +=
          db.transactionRetryingConflicts(
              store -> write(store, ReminderRoster.in(store).activePairs(batch), at, planner));
    }
    return queued;
  }

  /** Plans the pairs as the batch's transaction reads them, and writes what is new. */
  private static int write(
      Store store,
      List<PairPeople> pairs,
      Instant at,
      Function<PairPeople, List<PassStep>> planner) {
    Map<PairPeople, List<PassStep>> plans = new LinkedHashMap<>();
    List<Long> escalated = new ArrayList<>();
    for (PairPeople pp : pairs) {
      List<PassStep> steps = planner.apply(pp);
      plans.put(pp, steps);
      if (steps.stream().anyMatch(step -> step instanceof PassStep.Escalate)) {
        escalated.add(pp.pair().getId());
      }
    }
    ReminderAgendas.addTo(store, plans);
    Map<Long, Map<SignalType, Long>> history =
        ReminderRoster.in(store).signalsSincePaired(escalated, HISTORY);
    List<Outbox.Queued> messages = new ArrayList<>();
    plans.forEach(
        (pp, steps) -> {
          for (PassStep step : steps) {
            messages.addAll(messages(pp, step, at, history));
          }
        });
    boolean[] queued = Outbox.queueAll(store, messages, at);
    int next = 0;
    for (Map.Entry<PairPeople, List<PassStep>> plan : plans.entrySet()) {
      for (PassStep step : plan.getValue()) {
        int count = step.keys(plan.getKey().pair().getId()).size();
        record(store, plan.getKey(), step, queued, next, at);
        next += count;
      }
    }
    int total = 0;
    for (boolean q : queued) {
      total += q ? 1 : 0;
    }
    return total;
  }

  private static List<Outbox.Queued> messages(
      PairPeople pp, PassStep step, Instant at, Map<Long, Map<SignalType, Long>> history) {
    long workspace = pp.workspace().getId();
    if (step instanceof PassStep.Tell tell) {
      return List.of(
          new Outbox.Queued(
              workspace,
              pp.workspace().getPlatform(),
              tell.key(),
              new ChatTarget.DirectMessage(tell.person().userId()),
              tell.reply(),
              tell.notBefore()));
    }
    if (step instanceof PassStep.Escalate escalate) {
      long pairId = pp.pair().getId();
      Reply alert = ClimbNudgeLadder.escalation(pp, at, history.getOrDefault(pairId, Map.of()));
      return escalate.admins().stream()
          .map(
              admin ->
                  new Outbox.Queued(
                      workspace,
                      pp.workspace().getPlatform(),
                      escalate.key(pairId, admin),
                      new ChatTarget.DirectMessage(admin),
                      alert,
                      at))
          .toList();
    }
    return List.of();
  }

  /**
   * Records what a step changed besides its messages: the signals of the new ones, the at-risk
   * mark. {@code queued[from…]} says which of the step's messages were new.
   */
  private static void record(
      Store store, PairPeople pp, PassStep step, boolean[] queued, int from, Instant at) {
    if (step instanceof PassStep.Tell tell) {
      if (queued[from] && tell.signal() != null) {
        pp.signal(store, tell.person(), tell.signal(), tell.details(), at);
      }
    } else if (step instanceof PassStep.Escalate escalate) {
      int alerted = 0;
      for (int i = 0; i < escalate.admins().size(); i++) {
        alerted += queued[from + i] ? 1 : 0;
      }
      if (alerted > 0) {
        pp.signal(
            store,
            null,
            SignalType.PAIR_ESCALATED,
            Map.of("admins", alerted, "due", escalate.dueDay()),
            at);
      }
    } else if (step instanceof PassStep.MarkAtRisk atRisk) {
      pp.pair().markAtRisk(at);
      pp.signal(store, null, SignalType.PAIR_AT_RISK, Map.of("rounds", atRisk.rounds()), at);
    }
  }
}
