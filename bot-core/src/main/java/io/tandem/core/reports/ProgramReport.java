package io.tandem.core.reports;

import io.tandem.core.pulse.CheckInSummary;
import io.tandem.core.surveys.SurveyTrend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything Tandem reports about one program over one period, as plain values: what {@code report}
 * says in chat, what {@code tandem report} writes, and what the dashboard draws. {@link
 * Reports#compute} builds it from indexed aggregates; nothing here touches the database. The
 * formulas are in the README's "Reports" section.
 *
 * @param program which program
 * @param period the reported period, {@code [from, to)}
 * @param asOf the instant the numbers are read at, within the period (its end at the latest): every
 *     surface shows it, and the same program, period and as-of give the same numbers everywhere
 * @param funnel enrolled → matched → first session → meeting regularly, in people
 * @param health program-wide numbers
 * @param pairs one row per pair (active or ended) for drill-down, lowest score first
 * @param weeks engagement over time, one point per week (Monday, UTC) of the period
 * @param timeline program events (joins, matches, pair ends, pauses, escalations) per week, or per
 *     day for a short period
 * @param surveys survey trends per template and rating question, suppressed below the anonymity
 *     threshold
 * @param retention participants against non-participants
 * @param mix the pairs' people by department, band and other profile dimensions, groups below the
 *     anonymity threshold suppressed
 * @param outcomes progress against the program's targets, and what changed at work in people's
 *     words (shown from the anonymity threshold on)
 */
public record ProgramReport(
    ProgramRef program,
    Period period,
    Instant asOf,
    Funnel funnel,
    Health health,
    List<PairRow> pairs,
    List<Week> weeks,
    Timeline timeline,
    List<SurveyTrend> surveys,
    Retention retention,
    List<Mix> mix,
    Outcomes outcomes) {

  public ProgramReport {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(asOf, "asOf");
    if (asOf.isAfter(period.to()) || !asOf.isAfter(period.from())) {
      throw new IllegalArgumentException("the as-of must lie in the period, after its start");
    }
    Objects.requireNonNull(funnel, "funnel");
    Objects.requireNonNull(health, "health");
    pairs = List.copyOf(pairs);
    weeks = List.copyOf(weeks);
    Objects.requireNonNull(timeline, "timeline");
    surveys = List.copyOf(surveys);
    Objects.requireNonNull(retention, "retention");
    mix = List.copyOf(mix);
    Objects.requireNonNull(outcomes, "outcomes");
  }

  /** The pairs in one bucket, lowest score first. */
  public List<PairRow> pairsIn(Bucket bucket) {
    return pairs.stream().filter(p -> p.bucket() == bucket).toList();
  }

  /**
   * @param workspace the Slack team id or Discord guild id
   * @param cadenceDays how often pairs are meant to meet; the engagement score's time unit
   */
  public record ProgramRef(
      long id, String name, String workspace, String status, int cadenceDays) {}

  /** A reporting period, {@code from} inclusive, {@code to} exclusive. */
  public record Period(Instant from, Instant to) {
    public Period {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("a period must end after it starts");
      }
    }
  }

  /**
   * People at each step. {@code meetingRegularly} counts people in a pair that met in at least two
   * thirds of its counted rounds (and at least twice); see {@link PairRounds}.
   */
  public record Funnel(long enrolled, long matched, long firstSession, long meetingRegularly) {

    /** Each step as a share of {@code enrolled}, 0–100. */
    public double percent(long step) {
      return enrolled == 0 ? 0 : 100.0 * step / enrolled;
    }
  }

  /**
   * Program-wide numbers over the period.
   *
   * @param pairs pairs that were active at some time in the period
   * @param activePairs active pairs that met in their latest two counted rounds ({@link
   *     PairRounds})
   * @param sessions sessions in the period; {@code sessionsPerPair} = sessions ÷ pairs
   * @param hours minutes of sessions in the period ÷ 60
   * @param goalsSet goals set in the period; {@code goalsDone} goals reached in it
   * @param tasksSet tasks set in the period; {@code tasksDone} tasks done in it
   * @param usefulness the 1–5 ratings people gave the period's sessions when they logged them
   * @param skillChange average change of self-ratings from enrolment to the last review, over the
   *     (person, skill) pairs rated at least twice; {@code null} when nobody re-rated
   * @param skillsReRated how many (person, skill) pairs were re-rated
   * @param buckets pairs per health bucket, every bucket present
   * @param nudges nudges sent in the period; {@code escalations} pairs escalated to admins
   * @param deadMessages the workspace's outbox messages queued before the as-of that could not be
   *     delivered
   * @param agreements the program's pairs with a working agreement now
   */
  public record Health(
      long pairs,
      long activePairs,
      long sessions,
      double sessionsPerPair,
      double hours,
      long goalsSet,
      long goalsDone,
      long tasksSet,
      long tasksDone,
      Usefulness usefulness,
      Double skillChange,
      long skillsReRated,
      Map<Bucket, Long> buckets,
      long reminders,
      long nudges,
      long escalations,
      long deadMessages,
      CheckInSummary checkIns,
      long agreements) {

    public Health {
      buckets = Map.copyOf(buckets);
    }

    public double activePairsPercent() {
      return pairs == 0 ? 0 : 100.0 * activePairs / pairs;
    }
  }

  /** Pair health, from the engagement score and recent activity. */
  public enum Bucket {
    THRIVING("thriving"),
    STEADY("steady"),
    AT_RISK("at risk"),
    GONE_QUIET("gone quiet");

    public final String label;

    Bucket(String label) {
      this.label = label;
    }
  }

  /**
   * One pair, for drill-down.
   *
   * @param score the engagement score 0–100 at the as-of
   * @param parts the score's parts: sessions (0–50), acknowledgements (0–15), goals and tasks
   *     (0–20), survey answers (0–15)
   * @param lastSession when the pair last met, or {@code null}
   * @param sessions sessions in the period; {@code hours} their minutes ÷ 60
   * @param roundsMet counted rounds in which the pair met, of {@code roundsCounted} ({@link
   *     PairRounds})
   * @param tasksSet tasks the pair set in the period; {@code tasksDone} tasks it did in it
   * @param usefulness how useful the pair's two people rated the period's sessions
   */
  public record PairRow(
      long pairId,
      String mentor,
      String mentee,
      String status,
      int score,
      ScoreParts parts,
      Bucket bucket,
      Instant created,
      Instant lastSession,
      long sessions,
      double hours,
      long roundsMet,
      long roundsCounted,
      long tasksSet,
      long tasksDone,
      Usefulness usefulness) {}

  /**
   * The usefulness ratings (1–5) given in check-ins. Like survey results, the mean shows only when
   * at least the anonymity threshold of ratings were given; below it the report says "not enough
   * responses".
   *
   * @param ratings how many ratings were given
   * @param mean their mean, or {@code null} when fewer than the threshold
   */
  public record Usefulness(long ratings, Double mean) {

    /** The ratings summing to {@code sum}, their mean shown only from {@code threshold} on. */
    public static Usefulness of(long ratings, long sum, int threshold) {
      return new Usefulness(
          ratings, ratings == 0 || ratings < threshold ? null : (double) sum / ratings);
    }

    public boolean suppressed() {
      return mean == null;
    }
  }

  /** The program events the time line counts, each from the signals of its kinds. */
  public enum Event {
    JOINS("joins", "PARTICIPANT_JOINED"),
    MATCHES("matches", "PAIR_CREATED"),
    PAIR_ENDS("pairings ended", "PAIR_ENDED"),
    PAUSES("pauses", "PARTICIPANT_PAUSED"),
    /** Stalled pairs the admins were alerted about, and pairs that asked for help. */
    ESCALATIONS("escalations", "PAIR_ESCALATED", "HELP_REQUESTED");

    public final String label;
    public final List<String> signals;

    Event(String label, String... signals) {
      this.label = label;
      this.signals = List.of(signals);
    }

    /** The event a signal kind counts as, if any. */
    public static java.util.Optional<Event> of(String signal) {
      for (Event e : values()) {
        if (e.signals.contains(signal)) {
          return java.util.Optional.of(e);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * Program events over the period.
   *
   * @param unit {@code week} (weeks start on Monday, UTC) or {@code day} (UTC) for periods of at
   *     most {@value ProgramReport#DAILY_UP_TO_DAYS} days
   * @param slots every week or day of the period, oldest first
   */
  public record Timeline(String unit, List<EventSlot> slots) {
    public Timeline {
      Objects.requireNonNull(unit, "unit");
      slots = List.copyOf(slots);
    }

    /** Each event's count over the whole period. */
    public long total(Event event) {
      return slots.stream().mapToLong(s -> s.count(event)).sum();
    }
  }

  /** Periods this long or shorter show their events per day; longer ones per week. */
  public static final int DAILY_UP_TO_DAYS = 31;

  /**
   * One week or day of the time line.
   *
   * @param start its first day
   * @param partial whether part of it lies outside the period or after the as-of
   */
  public record EventSlot(
      LocalDate start,
      long joins,
      long matches,
      long pairEnds,
      long pauses,
      long escalations,
      boolean partial) {

    public long count(Event event) {
      return switch (event) {
        case JOINS -> joins;
        case MATCHES -> matches;
        case PAIR_ENDS -> pairEnds;
        case PAUSES -> pauses;
        case ESCALATIONS -> escalations;
      };
    }

    public long total() {
      return joins + matches + pairEnds + pauses + escalations;
    }
  }

  /** The engagement score's four parts; their sum, rounded, is the score. */
  public record ScoreParts(double sessions, double acknowledgements, double plan, double surveys) {
    public double total() {
      return sessions + acknowledgements + plan + surveys;
    }
  }

  /**
   * One week of engagement.
   *
   * @param start the Monday (UTC) the week starts on
   * @param sessions sessions logged that week
   * @param pairsMet distinct pairs with a session that week
   * @param signals engagement signals recorded that week (every kind)
   * @param partial whether part of the week lies outside the period or after the as-of, so its
   *     numbers cover fewer than seven days
   */
  public record Week(
      LocalDate start, long sessions, long pairsMet, long signals, boolean partial) {}

  /** Where the retention numbers come from. */
  public enum RetentionSource {
    /** The HR roster imported with {@code tandem import roster}. */
    ROSTER("HR roster"),
    /**
     * No roster: members Tandem saw leave the workspace or server. A proxy, not HR data: people
     * leave chat workspaces for other reasons, and Tandem only knows about members it has seen.
     */
    PROXY_LEFT_WORKSPACE("proxy: members who left the workspace or server");

    public final String label;

    RetentionSource(String label) {
      this.label = label;
    }
  }

  /**
   * Retention over the period: people employed (or members) at its start who are still there at its
   * end, for participants and for non-participants in the same departments and bands.
   *
   * @param difference participants' rate minus the others' rate, in percentage points; {@code null}
   *     when there is not enough data
   * @param low the 95% confidence interval's lower end, percentage points, or {@code null}
   * @param high its upper end, or {@code null}
   * @param note "not enough data …" with the reason, or what the comparison covers
   */
  public record Retention(
      RetentionSource source,
      Group participants,
      Group others,
      Double difference,
      Double low,
      Double high,
      String note) {

    public boolean enoughData() {
      return difference != null;
    }
  }

  /** People at the period's start and how many of them stayed to its end. */
  public record Group(long people, long retained) {
    /** Retained ÷ people, 0–100; 0 for an empty group. */
    public double percent() {
      return people == 0 ? 0 : 100.0 * retained / people;
    }
  }

  /**
   * The people in pairs along one profile dimension.
   *
   * @param dimension e.g. "department", "seniority band", "communication"
   * @param groups the groups with at least the anonymity threshold of people, largest first
   * @param suppressedGroups how many smaller groups were left out (their sizes are not shown)
   */
  public record Mix(String dimension, List<MixGroup> groups, int suppressedGroups) {
    public Mix {
      groups = List.copyOf(groups);
    }
  }

  /** One group of a {@link Mix}: mentors and mentees in pairs with this value. */
  public record MixGroup(String value, long mentors, long mentees) {
    public long people() {
      return mentors + mentees;
    }
  }

  /** Lower-case enum names for display, e.g. {@code running}. */
  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
