package io.tandem.core.matching;

import io.tandem.core.enrolment.ParticipantStatus;
import io.tandem.core.enrolment.Participants;
import io.tandem.core.kernel.Progress;
import io.tandem.core.matching.model.MatchResult;
import io.tandem.core.matching.model.Matcher;
import io.tandem.core.programs.ProgramLookup;
import io.tandem.core.store.Database;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code tandem match --dry-run}: runs the matcher exactly as {@link PreviewMatch} does, over the
 * same pool, and writes nothing: no proposed pairs, no signals. The pool is read in one transaction
 * that changes no row, and the solver runs after it has ended, so the database (SQLite's single
 * write lock) is not held while a big pool is solved. Called by the operator's command line, on its
 * own thread; no admin check, as whoever runs it holds the database.
 */
public final class DryRunMatch {

  private final Database db;
  private final Clock clock;

  public DryRunMatch(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What {@code tandem match --dry-run} found: the proposal {@code match preview} would make now.
   *
   * @param workspace e.g. "slack workspace T024BE7LH"
   * @param mentors mentors in the pool (each may offer several slots)
   * @param mentees mentees in the pool
   */
  public record Result(
      String program, String workspace, int mentors, int mentees, MatchResult result) {}

  /**
   * @throws ProgramLookup.NotFound when the target names no program
   */
  public Result dryRun(ProgramLookup.Target target, Progress progress) {
    Objects.requireNonNull(progress, "progress");
    record Read(ProgramLookup.Found found, MatchPool pool) {}
    Read read =
        db.readsFirst(
            store -> {
              ProgramLookup.Found found = ProgramLookup.find(store, target);
              long people =
                  Participants.in(store).count(found.program().getId(), ParticipantStatus.ACTIVE);
              progress.stage(
                  String.format(Locale.ROOT, "building pool… %,d people", people), people);
              return new Read(found, MatchPool.of(store, found.program()));
            });
    MatchPool pool = read.pool();
    int size = pool.mentors().size() + pool.mentees().size();
    progress.stage(
        String.format(
            Locale.ROOT,
            "solving… %,d mentors, %,d mentees",
            pool.mentors().size(),
            pool.mentees().size()),
        size);
    MatchResult result =
        Matcher.match(
            pool.mentors(),
            pool.mentees(),
            MatchPool.settings(read.found().program()),
            clock.instant().truncatedTo(ChronoUnit.MILLIS));
    return new Result(
        read.found().program().getName(),
        ProgramLookup.describe(read.found().workspace()),
        pool.mentors().size(),
        pool.mentees().size(),
        result);
  }
}
