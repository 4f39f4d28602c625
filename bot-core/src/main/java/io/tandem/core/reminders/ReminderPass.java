package io.tandem.core.reminders;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
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
 * number of queries grows with the pages and batches, never with single pairs.
 *
 * <ol>
 *   <li>Short transactions read the ids of every active pair and the admins who hear of
 *       escalations.
 *   <li>The pairs are read with their people, workspace and session counts {@value #PAIRS_PER_READ}
 *       at a time, each page in a short transaction of its own with entities that are only read (so
 *       the write lock is free between pages, and memory holds one page, not the whole roster), and
 *       planned outside any transaction ({@link PassStep}); only the outbox keys of pairs with
 *       something due are kept.
 *   <li>One short transaction asks which of the planned outbox keys are taken (one query per 500
 *       keys): a pass with nothing new to say ends here.
 *   <li>The pairs with something new are written in batches of {@value #PAIRS_PER_BATCH}, each in
 *       one short transaction that reads those pairs again (read-only: nothing of theirs to compare
 *       at commit), plans them again from what it read (so a pair that paused, logged a session or
 *       ended meanwhile is judged as it now is), and writes the messages, signals and at-risk marks
 *       together: the outbox guarantee holds per batch, and the outbox keys make a batch that runs
 *       twice (a crash, a re-fired job) queue nothing new.
 * </ol>
 *
 * Reminders are written before nudges, so an admin's alert counts the reminders of the same firing,
 * as it did when each pair was handled in turn.
 */
final class ReminderPass {

  static final int PAIRS_PER_BATCH = 200;

  static final int PAIRS_PER_READ = 1000;

  private static final Set<SignalType> HISTORY =
      Set.of(SignalType.REMINDER_SENT, SignalType.NUDGE_SENT);

  /** How many messages a pass queued. */
  record Counts(int reminders, int nudges) {}

  /**
   * Who hears a pair's escalation.
   *
   * @param workspaces the workspaces' admins, by workspace id
   * @param programs each running program's own admins, by program id
   */
  private record Admins(Map<Long, List<String>> workspaces, Map<Long, List<String>> programs) {
    static Admins read(Store store) {
      ProgramAdmins grants = ProgramAdmins.in(store);
      Map<Long, List<String>> programs = new HashMap<>();
      for (Program program : ReminderRoster.in(store).runningPrograms()) {
        programs.put(
            program.getId(),
            grants.of(program.getId()).stream().map(ProgramAdmin::userId).toList());
      }
      return new Admins(WorkspaceAdmins.in(store).all(), programs);
    }

    /** Its workspace's admins and its program's admins, once each. */
    List<String> of(PairPeople pp) {
      Set<String> all =
          new LinkedHashSet<>(workspaces.getOrDefault(pp.workspace().getId(), List.of()));
      all.addAll(programs.getOrDefault(pp.program().getId(), List.of()));
      return List.copyOf(all);
    }
  }

  /** What one planner found due over the whole roster: keys by pair, the pairs to mark at risk. */
  private static final class Due {
    final Function<PairPeople, List<PassStep>> planner;
    final Map<Long, List<String>> keys = new LinkedHashMap<>();
    final Set<Long> marked = new HashSet<>();

    Due(Function<PairPeople, List<PassStep>> planner) {
      this.planner = planner;
    }

    void plan(PairPeople pp) {
      long pairId = pp.pair().getId();
      for (PassStep step : planner.apply(pp)) {
        keys.computeIfAbsent(pairId, id -> new ArrayList<>()).addAll(step.keys(pairId));
        if (step instanceof PassStep.MarkAtRisk) {
          marked.add(pairId);
        }
      }
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
    List<Long> ids = db.transaction(store -> ReminderRoster.in(store).activePairIds());
    Admins admins = nudges ? db.transaction(Admins::read) : new Admins(Map.of(), Map.of());
    Due reminding = new Due(pp -> QueueReminders.plan(pp, at, settings));
    Due nudging = new Due(pp -> ClimbNudgeLadder.plan(pp, at, admins.of(pp), settings));
    for (int from = 0; from < ids.size(); from += PAIRS_PER_READ) {
      List<Long> page = ids.subList(from, Math.min(ids.size(), from + PAIRS_PER_READ));
      for (PairPeople pp :
          db.transaction(store -> ReminderRoster.in(store).activePairs(page, true))) {
        if (reminders) {
          reminding.plan(pp);
        }
        if (nudges) {
          nudging.plan(pp);
        }
      }
    }
    return new Counts(queue(reminding, at), queue(nudging, at));
  }

  private int queue(Due due, Instant at) {
    Map<Long, List<String>> keys = due.keys;
    if (keys.isEmpty()) {
      return 0;
    }
    Set<String> taken =
        db.transaction(
            store -> store.outboxKeysTaken(keys.values().stream().flatMap(List::stream).toList()));
    List<Long> toWrite =
        keys.entrySet().stream()
            .filter(e -> due.marked.contains(e.getKey()) || !taken.containsAll(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    int queued = 0;
    for (int from = 0; from < toWrite.size(); from += PAIRS_PER_BATCH) {
      List<Long> batch = toWrite.subList(from, Math.min(toWrite.size(), from + PAIRS_PER_BATCH));
      queued +=
          db.transactionRetryingConflicts(
              store ->
                  write(store, ReminderRoster.in(store).activePairs(batch, true), at, due.planner));
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
    List<Long> atRisk = new ArrayList<>();
    int next = 0;
    for (Map.Entry<PairPeople, List<PassStep>> plan : plans.entrySet()) {
      for (PassStep step : plan.getValue()) {
        int count = step.keys(plan.getKey().pair().getId()).size();
        record(store, plan.getKey(), step, queued, next, at);
        if (step instanceof PassStep.MarkAtRisk) {
          atRisk.add(plan.getKey().pair().getId());
        }
        next += count;
      }
    }
    ReminderRoster.in(store).markAtRisk(atRisk, at);
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
   * Records the signals of what a step did: of its new messages, of the at-risk mark (written for
   * the whole batch at once). {@code queued[from…]} says which of the step's messages were new.
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
      pp.signal(store, null, SignalType.PAIR_AT_RISK, Map.of("rounds", atRisk.rounds()), at);
    }
  }
}
