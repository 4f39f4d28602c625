package io.tandem.core.reports;

import io.tandem.core.reports.ProgramReport.Bucket;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.reports.ProgramReport.ScoreParts;
import io.tandem.core.reports.persistence.ReportQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pairs of a report, each scored over its rounds, and what the report counts across them: who
 * was matched, who met, who meets regularly, the pairs per engagement bucket, sessions and minutes.
 */
record ReportPairs(
    List<PairRow> rows,
    Set<Long> matched,
    Set<Long> met,
    Set<Long> regular,
    Map<Bucket, Long> buckets,
    long activePairs,
    long sessions,
    long minutes) {

  /** Reads and scores the pairs active in {@code [from, end)}; rows lowest score first. */
  static ReportPairs read(
      ReportQueries q, PlanMeasures plan, long programId, Instant from, Instant end, long round) {
    Instant reach = end.minusMillis(PairRounds.activityReach() * round);
    Map<Long, ReportQueries.PairSessions> sessions = q.sessionsByPair(programId, from, end);
    Map<Long, PairRounds.Activity> activity = q.activityByRound(programId, reach, end, round);
    Map<Long, Map<Long, Long>> answers = q.surveyAnswersByMember(programId, reach, end);
    Counting counting = new Counting(plan);
    for (ReportQueries.PairInfo pair : q.pairs(programId, from, end)) {
      ReportQueries.PairSessions s =
          sessions.getOrDefault(pair.id(), ReportQueries.PairSessions.NONE);
      PairRounds.Activity a = activity.getOrDefault(pair.id(), PairRounds.Activity.empty());
      addSurveyAnswers(a, pair, answers, round);
      counting.add(pair, s, a, end, round);
    }
    counting.rows.sort(Comparator.comparingInt(PairRow::score).thenComparingLong(PairRow::pairId));
    return new ReportPairs(
        counting.rows,
        counting.matched,
        counting.met,
        counting.regular,
        counting.buckets,
        counting.activePairs,
        counting.sessionCount,
        counting.minutes);
  }

  /** Files the survey answers of the pair's people into the rounds since the pair was made. */
  private static void addSurveyAnswers(
      PairRounds.Activity a,
      ReportQueries.PairInfo pair,
      Map<Long, Map<Long, Long>> answers,
      long round) {
    long made = pair.created().toEpochMilli();
    for (long member : List.of(pair.mentorMember(), pair.menteeMember())) {
      answers
          .getOrDefault(member, Map.of())
          .forEach(
              (at, n) -> {
                if (at >= made) {
                  a.surveyAnswers().merge((at - made) / round, n, Long::sum);
                }
              });
    }
  }

  /** The running totals while the pairs are read. */
  private static final class Counting {
    final List<PairRow> rows = new ArrayList<>();
    final Set<Long> matched = new HashSet<>();
    final Set<Long> met = new HashSet<>();
    final Set<Long> regular = new HashSet<>();
    final Map<Bucket, Long> buckets = new EnumMap<>(Bucket.class);
    long activePairs;
    long sessionCount;
    long minutes;
    final PlanMeasures plan;

    Counting(PlanMeasures plan) {
      this.plan = plan;
      for (Bucket b : Bucket.values()) {
        buckets.put(b, 0L);
      }
    }

    void add(
        ReportQueries.PairInfo pair,
        ReportQueries.PairSessions s,
        PairRounds.Activity a,
        Instant end,
        long round) {
      long made = pair.created().toEpochMilli();
      Instant lifeEnd = pair.ended() != null && pair.ended().isBefore(end) ? pair.ended() : end;
      PairRounds rounds = PairRounds.of(made, lifeEnd.toEpochMilli(), round, a);
      ScoreParts parts = EngagementScore.parts(rounds);
      int score = EngagementScore.score(parts);
      Bucket bucket = EngagementScore.bucket(score, parts, rounds);
      // a pair that ended after the as-of was still active then
      boolean live =
          pair.ended() == null ? "ACTIVE".equals(pair.status()) : !pair.ended().isBefore(end);
      if (live) {
        buckets.merge(bucket, 1L, Long::sum);
        if (rounds.metLately()) {
          activePairs++;
        }
      }
      matched.add(pair.mentorId());
      matched.add(pair.menteeId());
      if (s.total() > 0) {
        met.add(pair.mentorId());
        met.add(pair.menteeId());
      }
      if (rounds.meetingRegularly(s.total())) {
        regular.add(pair.mentorId());
        regular.add(pair.menteeId());
      }
      sessionCount += s.inPeriod();
      minutes += s.minutesInPeriod();
      long[] tasks = plan.tasks(pair.id());
      rows.add(
          new PairRow(
              pair.id(),
              pair.mentor(),
              pair.mentee(),
              live ? "active" : "ended",
              score,
              parts,
              bucket,
              pair.created(),
              s.last(),
              s.inPeriod(),
              s.minutesInPeriod() / 60.0,
              rounds.met(),
              rounds.counted(),
              tasks[0],
              tasks[1],
              plan.usefulness(pair.id())));
    }
  }
}
