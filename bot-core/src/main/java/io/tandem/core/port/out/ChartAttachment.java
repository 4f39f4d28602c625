package io.tandem.core.port.out;

import io.tandem.core.reports.chart.Chart;
import io.tandem.core.reports.chart.ChartRenderer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chart that travels with an outgoing message as a PNG image. The outbox stores only the {@link
 * Chart} spec (a few hundred bytes of JSON); the {@link ChatPort} draws it with {@link #png()} when
 * it delivers the message, then uploads it (Slack) or attaches it (Discord).
 *
 * @param fileName the image's file name, e.g. {@code pulse-12.png}: 1 to 80 letters, digits, dots,
 *     dashes or underscores, ending in {@code .png}
 * @param chart what to draw; its title doubles as the image's title and alt text
 */
public record ChartAttachment(String fileName, Chart chart) {

  /** The size every attached chart is drawn at: wide enough to read, small enough for a DM. */
  public static final int WIDTH = 800;

  public static final int HEIGHT = 500;

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,76}\\.png");

  public ChartAttachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(chart, "chart");
    if (!FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException(
          "an attachment's file name is up to 80 letters, digits, '.', '-' or '_' ending in .png,"
              + " not \""
              + fileName
              + "\"");
    }
  }

  /** Draws the chart at {@value #WIDTH}x{@value #HEIGHT}; tens of milliseconds. */
  public byte[] png() {
    return ChartRenderer.png(chart, WIDTH, HEIGHT);
  }

  /** The longest alt text sent: Slack takes up to 1000 characters, Discord 1024. */
  public static final int MAX_ALT_TEXT = 1000;

  /**
   * A short description of the image for screen readers, and its title: the chart's title (plain
   * text, which both platforms show as it is), or the file name; cut to {@value #MAX_ALT_TEXT}.
   */
  public String altText() {
    String text = chart.title().isBlank() ? fileName : chart.title();
    return text.length() <= MAX_ALT_TEXT ? text : text.substring(0, MAX_ALT_TEXT - 1) + "…";
  }
}
