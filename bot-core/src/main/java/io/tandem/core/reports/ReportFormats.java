package io.tandem.core.reports;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.tandem.core.reports.ProgramReport.Bucket;
import io.tandem.core.reports.ProgramReport.Health;
import io.tandem.core.reports.ProgramReport.Mix;
import io.tandem.core.reports.ProgramReport.MixGroup;
import io.tandem.core.reports.ProgramReport.PairRow;
import io.tandem.core.reports.ProgramReport.Retention;
import io.tandem.core.reports.ProgramReport.Week;
import io.tandem.core.surveys.SurveyTrend;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A {@link ProgramReport} as a file: CSV, JSON or Markdown, for {@code tandem report} and the
 * dashboard's downloads. Survey numbers appear only where the report shows them (the anonymity
 * threshold is applied when the report is computed). Pure.
 */
public final class ReportFormats {

  /** The formats, by the name operators type. */
  public enum Format {
    CSV,
    JSON,
    MD;

    public static java.util.Optional<Format> parse(String text) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
          return java.util.Optional.of(f);
        }
      }
      return java.util.Optional.empty();
    }
  }

  private static final Gson GSON =
      new GsonBuilder()
          .setPrettyPrinting()
          .serializeNulls()
          .registerTypeAdapter(Instant.class, text(Instant::toString, Instant::parse))
          .registerTypeAdapter(LocalDate.class, text(LocalDate::toString, LocalDate::parse))
          .create();

  private ReportFormats() {}

  public static String write(ProgramReport report, Format format) {
    return switch (format) {
      case CSV -> csv(report);
      case JSON -> json(report);
      case MD -> markdown(report);
    };
  }

  /** The whole report as one JSON object, field names as in {@link ProgramReport}. */
  public static String json(ProgramReport report) {
    return GSON.toJson(report) + "\n";
  }

  /**
   * One long table, {@code section,item,measure,value}: one row per number, so that a spreadsheet
   * can pivot it (sections: program, funnel, sessions, goals, tasks, usefulness, health, signals,
   * pairs, weeks, events, surveys, retention, mix, targets, outcomes).
   */
  public static String csv(ProgramReport r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"section", "item", "measure", "value"});
    programRows(rows, r);
    pairRows(rows, r);
    surveyRows(rows, r);
    retentionRows(rows, r);
    OutcomeFormats.csvRows(rows, r);
    StringBuilder out = new StringBuilder();
    for (String[] cells : rows) {
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(csvCell(cells[i]));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static void programRows(List<String[]> rows, ProgramReport r) {
    rows.add(row("program", "", "name", r.program().name()));
    rows.add(row("program", "", "workspace", r.program().workspace()));
    rows.add(row("program", "", "status", r.program().status()));
    rows.add(row("program", "", "period_from", day(r.period().from())));
    rows.add(row("program", "", "period_to", day(r.period().to().minusMillis(1))));
    rows.add(row("program", "", "as_of", r.asOf().toString()));
    rows.add(row("funnel", "", "enrolled", r.funnel().enrolled()));
    rows.add(row("funnel", "", "matched", r.funnel().matched()));
    rows.add(row("funnel", "", "first_session", r.funnel().firstSession()));
    rows.add(row("funnel", "", "meeting_regularly", r.funnel().meetingRegularly()));
    Health h = r.health();
    rows.add(row("sessions", "", "pairs", h.pairs()));
    rows.add(row("sessions", "", "active_pairs", h.activePairs()));
    rows.add(row("sessions", "", "sessions", h.sessions()));
    rows.add(row("sessions", "", "sessions_per_pair", num(h.sessionsPerPair())));
    rows.add(row("sessions", "", "hours", num(h.hours())));
    rows.add(row("goals", "", "set", h.goalsSet()));
    rows.add(row("goals", "", "done", h.goalsDone()));
    rows.add(row("goals", "", "skills_re_rated", h.skillsReRated()));
    rows.add(row("goals", "", "skill_change", h.skillChange() == null ? "" : num(h.skillChange())));
    PlanFormats.programRows(rows, h);
    for (Bucket b : Bucket.values()) {
      rows.add(row("health", b.label, "pairs", h.buckets().get(b)));
    }
    rows.add(row("signals", "", "reminders", h.reminders()));
    rows.add(row("signals", "", "nudges", h.nudges()));
    rows.add(row("signals", "", "escalations", h.escalations()));
    rows.add(row("signals", "", "dead_messages", h.deadMessages()));
  }

  private static void pairRows(List<String[]> rows, ProgramReport r) {
    for (PairRow p : r.pairs()) {
      String item = "pair " + p.pairId();
      rows.add(row("pairs", item, "mentor", p.mentor()));
      rows.add(row("pairs", item, "mentee", p.mentee()));
      rows.add(row("pairs", item, "status", p.status()));
      rows.add(row("pairs", item, "score", p.score()));
      rows.add(row("pairs", item, "bucket", p.bucket().label));
      rows.add(
          row("pairs", item, "last_session", p.lastSession() == null ? "" : day(p.lastSession())));
      rows.add(row("pairs", item, "sessions", p.sessions()));
      rows.add(row("pairs", item, "hours", num(p.hours())));
      rows.add(row("pairs", item, "rounds_met", p.roundsMet()));
      rows.add(row("pairs", item, "rounds_counted", p.roundsCounted()));
      PlanFormats.pairRows(rows, item, p);
    }
    for (Week w : r.weeks()) {
      String item = w.start().toString();
      rows.add(row("weeks", item, "sessions", w.sessions()));
      rows.add(row("weeks", item, "pairs_met", w.pairsMet()));
      rows.add(row("weeks", item, "signals", w.signals()));
      rows.add(row("weeks", item, "partial", w.partial()));
    }
    PlanFormats.eventRows(rows, r.timeline());
  }

  private static void surveyRows(List<String[]> rows, ProgramReport r) {
    for (SurveyTrend t : r.surveys()) {
      for (SurveyTrend.Point p : t.runs()) {
        String item = t.templateId() + " q" + (t.question() + 1) + " run " + p.runId();
        rows.add(row("surveys", item, "answered", p.answered()));
        rows.add(row("surveys", item, "invited", p.invited()));
        if (p.suppressed()) {
          rows.add(row("surveys", item, "mean", "not enough responses"));
        } else {
          rows.add(row("surveys", item, "mean", num(p.mean())));
          if (p.nps() != null) {
            rows.add(row("surveys", item, "nps", p.nps()));
          }
        }
      }
    }
  }

  private static void retentionRows(List<String[]> rows, ProgramReport r) {
    Retention ret = r.retention();
    rows.add(row("retention", "", "source", ret.source().label));
    rows.add(row("retention", "participants", "people", ret.participants().people()));
    rows.add(row("retention", "participants", "retained", ret.participants().retained()));
    rows.add(row("retention", "non-participants", "people", ret.others().people()));
    rows.add(row("retention", "non-participants", "retained", ret.others().retained()));
    rows.add(
        row("retention", "", "difference_points", ret.enoughData() ? num(ret.difference()) : ""));
    rows.add(row("retention", "", "ci95_low", ret.enoughData() ? num(ret.low()) : ""));
    rows.add(row("retention", "", "ci95_high", ret.enoughData() ? num(ret.high()) : ""));
    rows.add(row("retention", "", "note", ret.note()));
    for (Mix m : r.mix()) {
      for (MixGroup g : m.groups()) {
        rows.add(row("mix", m.dimension() + ": " + g.value(), "mentors", g.mentors()));
        rows.add(row("mix", m.dimension() + ": " + g.value(), "mentees", g.mentees()));
      }
      rows.add(row("mix", m.dimension(), "groups_below_threshold", m.suppressedGroups()));
    }
  }

  /** A readable Markdown document with the same numbers. */
  public static String markdown(ProgramReport r) {
    StringBuilder md = new StringBuilder();
    md.append("# Report: ").append(mdCell(r.program().name())).append("\n\n");
    md.append("Period ")
        .append(ReportText.period(r))
        .append(" (UTC), as of ")
        .append(ReportText.instant(r.asOf()))
        .append(", ")
        .append(r.program().workspace())
        .append(", program ")
        .append(r.program().status())
        .append(".\n\n");
    Health h = r.health();
    md.append("## Headline\n\n| | |\n|---|---|\n");
    line(md, "Funnel", ReportText.funnel(r.funnel()));
    line(md, "Active pairs", ReportText.activePairs(h));
    line(md, "Sessions", ReportText.sessions(h));
    line(md, "Pair health", ReportText.buckets(h));
    line(md, "Goals", ReportText.goals(h));
    line(md, "Tasks", ReportText.tasks(h));
    line(md, "Session usefulness", ReportText.usefulness(h.usefulness()));
    line(md, "Skill self-rating", ReportText.skills(h).replace("`", ""));
    line(md, "Reminders and nudges", ReportText.nudges(h));
    line(md, "Undeliverable messages", Long.toString(h.deadMessages()));
    md.append("\n## Retention\n\n");
    md.append(ReportText.retention(r.retention())).append(".\n\n");
    OutcomeFormats.markdown(md, r);
    pairsTable(md, r);
    weeksTable(md, r);
    PlanFormats.eventsTable(md, r.timeline());
    surveys(md, r);
    mix(md, r);
    return md.toString();
  }

  private static void pairsTable(StringBuilder md, ProgramReport r) {
    md.append(
        "## Pairs\n\n| mentor | mentee | status | score | health | met in rounds | last session"
            + " | sessions | hours | tasks set | tasks done | usefulness |\n"
            + "|---|---|---|---:|---|---:|---|---:|---:|---:|---:|---|\n");
    for (PairRow p : r.pairs()) {
      md.append("| ")
          .append(mdCell(p.mentor()))
          .append(" | ")
          .append(mdCell(p.mentee()))
          .append(" | ")
          .append(p.status())
          .append(" | ")
          .append(p.score())
          .append(" | ")
          .append(p.bucket().label)
          .append(" | ")
          .append(p.roundsMet())
          .append(" of ")
          .append(p.roundsCounted())
          .append(" | ")
          .append(p.lastSession() == null ? "never" : day(p.lastSession()))
          .append(" | ")
          .append(p.sessions())
          .append(" | ")
          .append(num(p.hours()))
          .append(" | ")
          .append(p.tasksSet())
          .append(" | ")
          .append(p.tasksDone())
          .append(" | ")
          .append(ReportText.usefulness(p.usefulness()))
          .append(" |\n");
    }
  }

  private static void weeksTable(StringBuilder md, ProgramReport r) {
    md.append(
        "\n## Engagement per week\n\n| week of | sessions | pairs that met | signals |\n"
            + "|---|---:|---:|---:|\n");
    for (Week w : r.weeks()) {
      md.append("| ")
          .append(w.start())
          .append(w.partial() ? " (partial)" : "")
          .append(" | ")
          .append(w.sessions())
          .append(" | ")
          .append(w.pairsMet())
          .append(" | ")
          .append(w.signals())
          .append(" |\n");
    }
  }

  private static void surveys(StringBuilder md, ProgramReport r) {
    if (!r.surveys().isEmpty()) {
      md.append("\n## Surveys\n\n");
      for (SurveyTrend t : r.surveys()) {
        md.append("- **").append(mdCell(t.title())).append("**, ").append(mdCell(t.text()));
        md.append(": ");
        List<String> points = new ArrayList<>();
        for (SurveyTrend.Point p : t.runs()) {
          points.add(
              "run "
                  + p.runId()
                  + " "
                  + (p.suppressed()
                      ? "not enough responses"
                      : "mean " + num(p.mean()) + (p.nps() == null ? "" : ", NPS " + p.nps())));
        }
        md.append(String.join("; ", points)).append("\n");
      }
    }
  }

  private static void mix(StringBuilder md, ProgramReport r) {
    md.append("\n## Mix of the people in pairs\n\n");
    for (Mix m : r.mix()) {
      md.append("- **").append(m.dimension()).append("**: ");
      List<String> groups = new ArrayList<>();
      for (MixGroup g : m.groups()) {
        groups.add(mdCell(g.value()) + " " + g.mentors() + " mentors, " + g.mentees() + " mentees");
      }
      if (m.suppressedGroups() > 0) {
        groups.add(m.suppressedGroups() + " smaller groups not shown");
      }
      md.append(groups.isEmpty() ? "no group large enough to show" : String.join("; ", groups));
      md.append("\n");
    }
  }

  private static void line(StringBuilder md, String label, String value) {
    md.append("| ").append(label).append(" | ").append(mdCell(value)).append(" |\n");
  }

  private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("[\\\\`*_\\[\\]<>#|~!]");

  /**
   * People's text in a Markdown line or table cell: each Markdown punctuation character
   * backslash-escaped, so it forms no link, image, HTML, emphasis or table cell.
   */
  static String mdCell(String text) {
    return MARKDOWN_PUNCTUATION.matcher(text.replace("\n", " ")).replaceAll("\\\\$0");
  }

  static String[] row(String section, String item, String measure, Object value) {
    return new String[] {section, item, measure, String.valueOf(value)};
  }

  static String num(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** RFC 4180: quote cells with commas, quotes or line breaks; neutralise formula starts. */
  static String csvCell(String text) {
    String t = text;
    if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0 && !t.matches("[-+]?\\d.*")) {
      t = "'" + t;
    }
    if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
      return "\"" + t.replace("\"", "\"\"") + "\"";
    }
    return t;
  }

  private static <T> TypeAdapter<T> text(Function<T, String> write, Function<String, T> read) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
          out.nullValue();
        } else {
          out.value(write.apply(value));
        }
      }

      @Override
      public T read(JsonReader in) throws IOException {
        return read.apply(in.nextString());
      }
    }.nullSafe();
  }
}
