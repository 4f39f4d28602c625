package io.tandem.core.reports;

import io.tandem.core.port.in.Markup;
import io.tandem.core.port.in.Reply;
import io.tandem.core.reports.ProgramReport.Bucket;
import io.tandem.core.reports.ProgramReport.Funnel;
import io.tandem.core.reports.ProgramReport.Health;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.reports.ProgramReport.Retention;
import io.tandem.core.surveys.SurveyTrend;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The words for a {@link ProgramReport}: the chat reply and the lines other formats share. */
public final class ReportText {

  /** At most this many pairs are listed in chat; the rest are counted. */
  static final int LISTED_PAIRS = 10;

  private ReportText() {}

  static Reply reply(ProgramReport r) {
    List<Reply.Field> fields = new ArrayList<>();
    fields.add(new Reply.Field("Funnel", funnel(r.funnel())));
    Health h = r.health();
    fields.add(new Reply.Field("Active pairs", activePairs(h)));
    fields.add(
        new Reply.Field("Working agreements", h.agreements() + " of " + h.pairs() + " pairs"));
    fields.add(new Reply.Field("Sessions", sessions(h)));
    fields.add(new Reply.Field("Pair health", buckets(h)));
    fields.add(new Reply.Field("Goals", goals(h)));
    fields.add(new Reply.Field("Tasks", tasks(h)));
    fields.add(new Reply.Field("Session usefulness", usefulness(h.usefulness())));
    fields.add(new Reply.Field("Skill self-rating", skills(h)));
    fields.add(new Reply.Field("Retention", retention(r.retention())));
    if (!r.outcomes().targets().isEmpty()) {
      fields.add(new Reply.Field("Targets", targets(r.outcomes())));
    }
    if (r.outcomes().answers() > 0) {
      fields.add(new Reply.Field("What changed at work", outcomes(r.outcomes())));
    }
    String surveys = surveys(r);
    if (!surveys.isEmpty()) {
      fields.add(new Reply.Field("Surveys", surveys));
    }
    fields.add(new Reply.Field("Pair check-ins", h.checkIns().text()));
    fields.add(new Reply.Field("Reminders and nudges", nudges(h)));
    fields.add(new Reply.Field("Program events", ReportEvents.chat(r.timeline())));
    fields.add(new Reply.Field("Undeliverable messages", Long.toString(h.deadMessages())));
    List<PairRow> attention =
        r.pairs().stream()
            .filter(p -> "active".equals(p.status()))
            .filter(p -> p.bucket() == Bucket.AT_RISK || p.bucket() == Bucket.GONE_QUIET)
            .toList();
    fields.add(
        new Reply.Field(
            "Pairs needing attention", attention.isEmpty() ? "none" : pairLines(attention)));
    return Reply.info(
        "*Report: "
            + Markup.text(r.program().name())
            + "* ("
            + window(r)
            + "). The charts follow in a direct message.",
        fields);
  }

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** The period's days, both included: {@code 2026-11-30 to 2027-01-11}. */
  public static String period(ProgramReport r) {
    LocalDate from = LocalDate.ofInstant(r.period().from(), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(r.period().to().minusMillis(1), ZoneOffset.UTC);
    return from + " to " + last;
  }

  /** The period and the as-of: {@code 2026-11-30 to 2027-01-11, as of 2027-01-11 08:00:05 UTC}. */
  public static String window(ProgramReport r) {
    return period(r) + ", as of " + instant(r.asOf());
  }

  /** An instant as every report surface shows it: {@code 2027-01-11 08:00:05 UTC}. */
  public static String instant(Instant at) {
    return INSTANT.format(at);
  }

  public static String funnel(Funnel f) {
    return String.format(
        Locale.ROOT,
        "%d enrolled → %d matched (%.0f%%) → %d first session (%.0f%%) → %d meeting regularly"
            + " (%.0f%%)",
        f.enrolled(),
        f.matched(),
        f.percent(f.matched()),
        f.firstSession(),
        f.percent(f.firstSession()),
        f.meetingRegularly(),
        f.percent(f.meetingRegularly()));
  }

  public static String activePairs(Health h) {
    long live = h.buckets().values().stream().mapToLong(Long::longValue).sum();
    return String.format(
        Locale.ROOT,
        "%d of %d (%.0f%%) met in their latest two rounds",
        h.activePairs(),
        live,
        live == 0 ? 0.0 : 100.0 * h.activePairs() / live);
  }

  public static String sessions(Health h) {
    return String.format(
        Locale.ROOT,
        "%d (%.1f per pair), %.1f hours",
        h.sessions(),
        h.sessionsPerPair(),
        h.hours());
  }

  public static String buckets(Health h) {
    List<String> parts = new ArrayList<>();
    for (Bucket b : Bucket.values()) {
      parts.add(h.buckets().get(b) + " " + b.label);
    }
    return String.join(" · ", parts);
  }

  public static String goals(Health h) {
    return h.goalsSet() + " set, " + h.goalsDone() + " done";
  }

  public static String tasks(Health h) {
    return h.tasksSet() + " set, " + h.tasksDone() + " done";
  }

  /**
   * {@code 4.2 of 5 (12 ratings)}, {@code not enough responses (2 ratings)} below the anonymity
   * threshold, or {@code no ratings yet}.
   */
  public static String usefulness(ProgramReport.Usefulness u) {
    if (u.ratings() == 0) {
      return "no ratings yet";
    }
    String ratings = u.ratings() + (u.ratings() == 1 ? " rating" : " ratings");
    return u.suppressed()
        ? "not enough responses (" + ratings + ")"
        : String.format(Locale.ROOT, "%.1f of 5 (%s)", u.mean(), ratings);
  }

  public static String skills(Health h) {
    if (h.skillChange() == null) {
      return "no re-ratings yet (people re-rate with `goal review`)";
    }
    return String.format(
        Locale.ROOT,
        "%+.1f levels on average since enrolment (%d skills re-rated)",
        h.skillChange(),
        h.skillsReRated());
  }

  public static String nudges(Health h) {
    return h.reminders()
        + " reminders, "
        + h.nudges()
        + " nudges, "
        + h.escalations()
        + (h.escalations() == 1 ? " escalation" : " escalations");
  }

  public static String retention(Retention r) {
    return "participants "
        + group(r.participants())
        + ", others "
        + group(r.others())
        + ": "
        + r.note()
        + ". Source: "
        + r.source().label;
  }

  /** One line per target: {@code Goals done: 72% (13 of 18) — target 80%, behind}. */
  public static String targets(Outcomes o) {
    return o.targets().stream().map(Targets::line).collect(Collectors.joining("\n"));
  }

  /** Different answers quoted in chat; the files have them all. */
  static final int OUTCOMES_SHOWN = 8;

  /**
   * What changed at work, one quoted answer a line (the same words once, counted), without names;
   * below the anonymity threshold only how many answers there are.
   */
  public static String outcomes(Outcomes o) {
    if (o.answers() == 0) {
      return "no answers yet";
    }
    if (o.suppressed()) {
      return o.answers()
          + (o.answers() == 1 ? " answer" : " answers")
          + "; they show from "
          + o.threshold()
          + " on, so that no one can be recognised";
    }
    Map<String, Long> counted =
        o.words().stream()
            .collect(Collectors.groupingBy(w -> w, LinkedHashMap::new, Collectors.counting()));
    List<String> lines =
        counted.entrySet().stream()
            .limit(OUTCOMES_SHOWN)
            .map(
                e ->
                    "• “"
                        + Markup.text(e.getKey())
                        + "”"
                        + (e.getValue() > 1 ? " ×" + e.getValue() : ""))
            .collect(Collectors.toCollection(ArrayList::new));
    if (counted.size() > OUTCOMES_SHOWN) {
      lines.add("… and " + (counted.size() - OUTCOMES_SHOWN) + " more in the report's files");
    }
    return String.join("\n", lines);
  }

  /** {@code 28 of 30 stayed (93%)}, or {@code no data (n = 0)} for a group without people. */
  private static String group(ProgramReport.Group g) {
    return g.people() == 0
        ? "no data (n = 0)"
        : String.format(
            Locale.ROOT, "%d of %d stayed (%.0f%%)", g.retained(), g.people(), g.percent());
  }

  /** The latest run of each trend, with the change since the run before when both show. */
  public static String surveys(ProgramReport r) {
    List<String> lines = new ArrayList<>();
    for (SurveyTrend t : r.surveys()) {
      SurveyTrend.Point last = t.runs().get(t.runs().size() - 1);
      String value;
      if (last.suppressed()) {
        value = "not enough responses";
      } else {
        value = String.format(Locale.ROOT, "mean %.1f", last.mean());
        if (last.nps() != null) {
          value += " · NPS " + last.nps();
        }
        if (t.runs().size() > 1) {
          SurveyTrend.Point before = t.runs().get(t.runs().size() - 2);
          if (!before.suppressed()) {
            value += String.format(Locale.ROOT, " (%+.1f)", last.mean() - before.mean());
          }
        }
      }
      lines.add(Markup.text(t.title()) + ", " + Markup.text(t.text()) + ": " + value);
    }
    return String.join("\n", lines);
  }

  static String pairLines(List<PairRow> pairs) {
    String listed =
        pairs.stream()
            .limit(LISTED_PAIRS)
            .map(
                p ->
                    "• "
                        + Markup.text(p.mentor())
                        + " → "
                        + Markup.text(p.mentee())
                        + ": "
                        + p.bucket().label
                        + ", score "
                        + p.score()
                        + ", last met "
                        + (p.lastSession() == null
                            ? "never"
                            : LocalDate.ofInstant(p.lastSession(), ZoneOffset.UTC).toString()))
            .collect(Collectors.joining("\n"));
    return pairs.size() > LISTED_PAIRS
        ? listed + "\n… and " + (pairs.size() - LISTED_PAIRS) + " more"
        : listed;
  }
}
