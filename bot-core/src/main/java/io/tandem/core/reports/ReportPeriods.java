package io.tandem.core.reports;

import io.tandem.core.programs.Program;
import io.tandem.core.reports.ProgramReport.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a report covers: the periods and as-of instants people write, and the window a report is
 * read in when they write none.
 */
public final class ReportPeriods {

  private static final Pattern RANGE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern LAST = Pattern.compile("(\\d{1,4})([dw])");

  /** The example every period problem points to. */
  public static final String PERIOD_EXAMPLE = "2026-01-01..2026-03-31";

  private ReportPeriods() {}

  /**
   * Parses a period: {@code 2026-01-01..2026-03-31} (both days included, UTC) or the last {@code
   * 90d} / {@code 12w} before {@code now}.
   *
   * @throws IllegalArgumentException with a message for people
   */
  public static Period parsePeriod(String text, Instant now) {
    String t = text == null ? "" : text.strip();
    Matcher range = RANGE.matcher(t);
    if (range.matches()) {
      LocalDate from;
      LocalDate to;
      try {
        from = LocalDate.parse(range.group(1));
        to = LocalDate.parse(range.group(2));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            "`" + t + "` has a day that does not exist; write " + PERIOD_EXAMPLE);
      }
      if (to.isBefore(from)) {
        throw new IllegalArgumentException(
            "`" + t + "` ends before it starts; write the first day first, e.g. " + PERIOD_EXAMPLE);
      }
      return new Period(
          from.atStartOfDay(ZoneOffset.UTC).toInstant(),
          to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    Matcher last = LAST.matcher(t.toLowerCase(java.util.Locale.ROOT));
    if (last.matches() && Integer.parseInt(last.group(1)) > 0) {
      long days = Long.parseLong(last.group(1)) * ("w".equals(last.group(2)) ? 7 : 1);
      return new Period(now.minus(Duration.ofDays(days)), now);
    }
    throw new IllegalArgumentException(
        "`"
            + t
            + "` is not a period; write FIRST..LAST days like "
            + PERIOD_EXAMPLE
            + ", or the last 90d or 12w");
  }

  /** The example every as-of problem points to. */
  public static final String AS_OF_EXAMPLE = "2026-03-31T17:00:00Z";

  /**
   * Parses an as-of instant: as every report shows it ({@code 2026-03-31 17:00:00 UTC}), ISO-8601
   * ({@code 2026-03-31T17:00:00Z}), or a day ({@code 2026-03-31}: the end of that day, UTC).
   *
   * @throws IllegalArgumentException with a message for people
   */
  public static Instant parseAsOf(String text) {
    String t = text == null ? "" : text.strip();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (t.endsWith(" UTC")) {
        return Instant.parse(t.substring(0, t.length() - 4).strip().replace(' ', 'T') + "Z");
      }
      return Instant.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "`"
              + t
              + "` is not an instant; write it as "
              + AS_OF_EXAMPLE
              + " (UTC), or a day such as 2026-03-31 for the end of that day");
    }
  }

  /** The period reported and the instant its numbers are read at. */
  record Window(Period period, Instant asOf) {}

  /**
   * Chooses the period and the as-of instant. The as-of is the one asked for, or else now (to the
   * next whole second) — unless the program's data lies after now (a database from the demo, whose
   * clock ran ahead), then just after its last activity. It never lies after the period's end: a
   * past period is read as it stood at its end. The default period runs from the day the program
   * was created to the as-of.
   */
  static Window window(
      Instant now, Program program, Period wanted, Instant wantedAsOf, Instant dataEnd) {
    Instant live = wholeSecondAfter(now);
    if (dataEnd != null && dataEnd.isAfter(live)) {
      live = wholeSecondAfter(dataEnd);
    }
    Instant asOf = wantedAsOf != null ? wantedAsOf : live;
    Instant created = program.getCreatedAt();
    Period period = wanted;
    if (period == null) {
      Instant from = created.truncatedTo(ChronoUnit.DAYS);
      if (!asOf.isAfter(from)) {
        throw new Reports.AsOfOutOfRange(
            "as of "
                + ReportText.instant(asOf)
                + " the program \""
                + program.getName()
                + "\" did not exist yet; it was created "
                + ReportText.instant(created));
      }
      period = new Period(from, asOf);
    }
    if (asOf.isAfter(period.to())) {
      asOf = period.to();
    }
    if (!asOf.isAfter(period.from())) {
      throw new Reports.AsOfOutOfRange(
          "as of "
              + ReportText.instant(asOf)
              + " the period had not started yet; choose an as-of after "
              + ReportText.instant(period.from()));
    }
    return new Window(period, asOf);
  }

  /** The instant rounded up to a whole second, so that what is shown is what was counted. */
  static Instant wholeSecondAfter(Instant at) {
    Instant second = at.truncatedTo(ChronoUnit.SECONDS);
    return second.equals(at) ? at : second.plusSeconds(1);
  }
}
