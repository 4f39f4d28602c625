package io.tandem.app.web;

import io.tandem.core.reports.ProgramReport;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard's pages write days, times and numbers. */
final class DashboardFormat {

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private DashboardFormat() {}

  static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String signed(double value) {
    return String.format(Locale.ROOT, "%+.1f", value);
  }

  /** The CSS class of a health bucket. */
  static String bucketClass(ProgramReport.Bucket bucket) {
    return bucket.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
