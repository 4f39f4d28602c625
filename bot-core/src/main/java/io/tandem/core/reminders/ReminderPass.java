package io.tandem.core.reminders;

import io.tandem.core.delivery.Outbox;
import io.tandem.core.kernel.Signal;
import io.tandem.core.kernel.SignalType;
import io.tandem.core.port.in.Reply;
import io.tandem.core.port.out.ChatTarget;
import io.tandem.core.programs.Program;
import io.tandem.core.programs.ProgramAdmin;
import io.tandem.core.programs.ProgramAdmins;
import io.tandem.core.programs.WorkspaceAdmins;
import io.tandem.core.reminders.persistence.PairRows;
import io.tandem.core.reminders.persistence.SignalInserts;
import io.tandem.core.store.Database;
import io.tandem.core.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 *       at a time in plain JDBC ({@link PairRows}), each page in a short transaction of its own (so
 *       the write lock is free between pages, and memory holds one page, not the whole roster), and
 *       planned there, each message's text built once. The same transaction asks which of the
 *       planned outbox keys are taken (one query per 500 keys); each pair with something new keeps
 *       the snapshot of the stored columns it was read from: a page with nothing new to say ends
 *       here.
 *   <li>The page's pairs with something new are written in batches of {@value #PAIRS_PER_BATCH},
 *       each in one short transaction that reads them again the same way: a pair whose snapshot is
 *       as the page read it keeps its plan; one that paused, logged a session or ended meanwhile is
 *       judged as it now is. The messages, signals and at-risk marks go together, each kind in one
 *       JDBC batch: the outbox guarantee holds per batch, and the outbox keys make a batch that
 *       runs twice (a crash, a re-fired job) queue nothing new.
 * </ol>
 *
 * A page's reminders are written before its nudges, so an admin's alert counts the reminders of the
 * same firing, as it did when each pair was handled in turn.
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

  /** A pair with something due and what its planner said, as a page's transaction read it. */
  private record Planned(PairPeople pp, List<PassStep> steps) {
    long id() {
      return pp.pair().getId();
    }
  }

  /**
   * What one page of the roster has due, read and planned in one read-only transaction: for each
   * planner the pairs with something new to write, and a snapshot of each such pair's stored
   * columns to tell at write time whether the plan still holds.
   */
  private record Page(
      List<Planned> reminding, List<Planned> nudging, Map<Long, List<Object>> snapshots) {

    static Page read(
        Store store,
        List<Long> ids,
        Function<PairPeople, List<PassStep>> reminders,
        Function<PairPeople, List<PassStep>> nudges) {
      List<Planned> reminding = new ArrayList<>();
      List<Planned> nudging = new ArrayList<>();
      Map<Long, PairRows.Row> rows = PairRows.active(store, ids);
      for (PairRows.Row row : rows.values()) {
        plan(row.people(), reminders, reminding);
        plan(row.people(), nudges, nudging);
      }
      List<String> keys = new ArrayList<>();
      for (List<Planned> planned : List.of(reminding, nudging)) {
        planned.forEach(p -> p.steps().forEach(step -> keys.addAll(step.keys(p.id()))));
      }
      if (reminding.isEmpty() && nudging.isEmpty()) {
        return new Page(List.of(), List.of(), Map.of());
      }
      Set<String> taken = Outbox.taken(store, keys);
      reminding.removeIf(p -> nothingNew(p, taken));
      nudging.removeIf(p -> nothingNew(p, taken));
      Map<Long, List<Object>> snapshots = new HashMap<>();
      for (List<Planned> planned : List.of(reminding, nudging)) {
        planned.forEach(p -> snapshots.put(p.id(), rows.get(p.id()).snapshot()));
      }
      return new Page(reminding, nudging, snapshots);
    }

    private static void plan(
        PairPeople pp, Function<PairPeople, List<PassStep>> planner, List<Planned> into) {
      if (planner != null) {
        List<PassStep> steps = planner.apply(pp);
        if (!steps.isEmpty()) {
          into.add(new Planned(pp, steps));
        }
      }
    }

    /** Every message of the plan is queued already and it marks nothing. */
    private static boolean nothingNew(Planned planned, Set<String> taken) {
      for (PassStep step : planned.steps()) {
        if (step instanceof PassStep.MarkAtRisk || !taken.containsAll(step.keys(planned.id()))) {
          return false;
        }
      }
      return true;
    }
  }

  private final Database db;
  private final ReminderSettings settings;

  /** Runs after each page is read, before it is written: where tests change the pairs. */
  private final Runnable afterEachRead;

  ReminderPass(Database db, ReminderSettings settings) {
    this(db, settings, () -> {});
  }

  ReminderPass(Database db, ReminderSettings settings, Runnable afterEachRead) {
    this.db = db;
    this.settings = settings;
    this.afterEachRead = afterEachRead;
  }

  /** Queues what is due at {@code at}: the reminders, the nudges, or both. */
  Counts run(Instant at, boolean reminders, boolean nudges) {
    List<Long> ids = db.transaction(store -> ReminderRoster.in(store).activePairIds());
    Admins admins = nudges ? db.transaction(Admins::read) : new Admins(Map.of(), Map.of());
    Function<PairPeople, List<PassStep>> reminding =
        reminders ? pp -> QueueReminders.plan(pp, at, settings) : null;
    Function<PairPeople, List<PassStep>> nudging =
        nudges ? pp -> ClimbNudgeLadder.plan(pp, at, admins.of(pp), settings) : null;
    int reminded = 0;
    int nudged = 0;
    for (int from = 0; from < ids.size(); from += PAIRS_PER_READ) {
      List<Long> slice = ids.subList(from, Math.min(ids.size(), from + PAIRS_PER_READ));
      Page page = db.transaction(store -> Page.read(store, slice, reminding, nudging));
      afterEachRead.run();
      // a page's reminders before its nudges: an admin's alert counts the pair's reminders
      reminded += queue(page.reminding(), page.snapshots(), reminding, at);
      nudged += queue(page.nudging(), page.snapshots(), nudging, at);
    }
    return new Counts(reminded, nudged);
  }

  private int queue(
      List<Planned> due,
      Map<Long, List<Object>> snapshots,
      Function<PairPeople, List<PassStep>> planner,
      Instant at) {
    int queued = 0;
    for (int from = 0; from < due.size(); from += PAIRS_PER_BATCH) {
      List<Planned> batch = due.subList(from, Math.min(due.size(), from + PAIRS_PER_BATCH));
      queued +=
          db.transactionRetryingConflicts(
              store -> write(store, current(store, batch, snapshots, planner), at));
    }
    return queued;
  }

  /**
   * The batch's plans as they hold in the writing transaction: a pair whose stored columns are as
   * the page read them keeps its plan; one that changed meanwhile (paused, logged a session, moved
   * its reminder…) is planned from what it is now, and one no longer active is dropped. One query.
   */
  private static Map<PairPeople, List<PassStep>> current(
      Store store,
      List<Planned> batch,
      Map<Long, List<Object>> snapshots,
      Function<PairPeople, List<PassStep>> planner) {
    Map<Long, PairRows.Row> now = PairRows.active(store, batch.stream().map(Planned::id).toList());
    Map<PairPeople, List<PassStep>> plans = new LinkedHashMap<>();
    for (Planned planned : batch) {
      PairRows.Row row = now.get(planned.id());
      if (row != null && row.snapshot().equals(snapshots.get(planned.id()))) {
        plans.put(planned.pp(), planned.steps());
      } else if (row != null) {
        plans.put(row.people(), planner.apply(row.people()));
      }
    }
    return plans;
  }

  /** Writes what is new among the plans: messages, signals and at-risk marks, in one batch each. */
  private static int write(Store store, Map<PairPeople, List<PassStep>> plans, Instant at) {
    List<Long> escalated = new ArrayList<>();
    plans.forEach(
        (pp, steps) -> {
          if (steps.stream().anyMatch(step -> step instanceof PassStep.Escalate)) {
            escalated.add(pp.pair().getId());
          }
        });
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
    List<Signal> signals = new ArrayList<>();
    int next = 0;
    for (Map.Entry<PairPeople, List<PassStep>> plan : plans.entrySet()) {
      for (PassStep step : plan.getValue()) {
        int count = step.keys(plan.getKey().pair().getId()).size();
        record(plan.getKey(), step, queued, next, at, signals);
        if (step instanceof PassStep.MarkAtRisk) {
          atRisk.add(plan.getKey().pair().getId());
        }
        next += count;
      }
    }
    SignalInserts.insert(store, signals);
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
   * The signals of what a step did: of its new messages, of the at-risk mark (written for the whole
   * batch at once). {@code queued[from…]} says which of the step's messages were new.
   */
  private static void record(
      PairPeople pp, PassStep step, boolean[] queued, int from, Instant at, List<Signal> into) {
    if (step instanceof PassStep.Tell tell) {
      if (queued[from] && tell.signal() != null) {
        into.add(pp.unsavedSignal(tell.person(), tell.signal(), tell.details(), at));
      }
    } else if (step instanceof PassStep.Escalate escalate) {
      int alerted = 0;
      for (int i = 0; i < escalate.admins().size(); i++) {
        alerted += queued[from + i] ? 1 : 0;
      }
      if (alerted > 0) {
        into.add(
            pp.unsavedSignal(
                null,
                SignalType.PAIR_ESCALATED,
                Map.of("admins", alerted, "due", escalate.dueDay()),
                at));
      }
    } else if (step instanceof PassStep.MarkAtRisk atRisk) {
      into.add(
          pp.unsavedSignal(null, SignalType.PAIR_AT_RISK, Map.of("rounds", atRisk.rounds()), at));
    }
  }
}
