package io.tandem.core.reports.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a chart shows, independent of how it is drawn: small enough to store as JSON in an outbox
 * row and render to a PNG only when the message is delivered ({@link ChartRenderer}).
 *
 * <p>The constructor checks the spec, so a chart that exists can always be drawn: at least one
 * category and one series, no duplicate category or series names, and every series has exactly one
 * value per category. A value may be {@code null}, meaning "nothing to show here" (no bar, a gap in
 * the line) — e.g. a group below the anonymity threshold; otherwise it is a finite number.
 *
 * <p>All its text is plain: it is drawn as it is (JFreeChart knows no markup), so people's text
 * (program names, survey questions and choices) goes in as typed, never as {@code Markup}.
 *
 * @param kind how it is drawn
 * @param title shown above the chart; may be empty
 * @param categoryAxis the label of the category axis (the x axis of a bar or line chart, the y axis
 *     of a horizontal bar chart); may be empty
 * @param valueAxis the label of the value axis; may be empty
 * @param categories the categories in display order
 * @param series one or more series, each one value per category
 * @param subtitle shown under the title (e.g. the period and as-of of a report); may be empty
 * @param valueMax the value axis runs from 0 to this (e.g. 100 for percentages); {@code null} to
 *     fit the axis to the values
 */
public record Chart(
    Kind kind,
    String title,
    String categoryAxis,
    String valueAxis,
    List<String> categories,
    List<Series> series,
    String subtitle,
    Double valueMax) {

  /** A chart without a subtitle whose value axis fits its values. */
  public Chart(
      Kind kind,
      String title,
      String categoryAxis,
      String valueAxis,
      List<String> categories,
      List<Series> series) {
    this(kind, title, categoryAxis, valueAxis, categories, series, "", null);
  }

  /** The most categories or series one chart takes; more would not be readable anyway. */
  public static final int MAX_CATEGORIES = 100;

  public static final int MAX_SERIES = 20;

  public enum Kind {
    /** Vertical bars, one group per category, one bar per series. */
    BAR,
    /** Horizontal bars: for long category names (questions, skills). */
    HORIZONTAL_BAR,
    /** One line per series across the categories (e.g. months). */
    LINE
  }

  /**
   * One named series of values.
   *
   * @param name shown in the legend (the legend appears when there are several series)
   * @param values one per category of the chart, in the same order; {@code null} for no value
   */
  public record Series(String name, List<Double> values) {
    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(values, "values");
      for (Double value : values) {
        if (value != null && !Double.isFinite(value)) {
          throw new IllegalArgumentException(
              "series \"" + name + "\" has a value that is not a finite number: " + value);
        }
      }
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  public Chart {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(categoryAxis, "categoryAxis");
    Objects.requireNonNull(valueAxis, "valueAxis");
    subtitle = subtitle == null ? "" : subtitle;
    if (valueMax != null && !(valueMax > 0 && Double.isFinite(valueMax))) {
      throw new IllegalArgumentException("the value axis must end above 0, not " + valueMax);
    }
    categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
    series = List.copyOf(Objects.requireNonNull(series, "series"));
    if (categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
      throw new IllegalArgumentException(
          "a chart needs 1 to " + MAX_CATEGORIES + " categories, not " + categories.size());
    }
    if (series.isEmpty() || series.size() > MAX_SERIES) {
      throw new IllegalArgumentException(
          "a chart needs 1 to " + MAX_SERIES + " series, not " + series.size());
    }
    requireUnique(categories, "category");
    requireUnique(series.stream().map(Series::name).toList(), "series");
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException(
            "series \""
                + s.name()
                + "\" has "
                + s.values().size()
                + " values for "
                + categories.size()
                + " categories");
      }
    }
  }

  private static void requireUnique(List<String> names, String what) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException("two " + what + " entries named \"" + name + "\"");
      }
    }
  }
}
