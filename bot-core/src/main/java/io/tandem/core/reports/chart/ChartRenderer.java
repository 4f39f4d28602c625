package io.tandem.core.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a {@link Chart} as a PNG with JFreeChart, off screen.
 *
 * <p>The look is fixed: white background, light horizontal grid lines, flat bars (no gradients,
 * shadows or 3D), sans-serif text large enough to read in a chat client, each value written at its
 * bar or point, and a legend below only when there are several series. Series take the colours of
 * {@link #PALETTE} in order. The same chart at the same size gives the same bytes on the same JVM
 * and fonts (no timestamps, no randomness).
 *
 * <p>Rendering needs no display: the first use sets {@code java.awt.headless=true} unless the
 * process has already chosen (a desktop JVM that set it to {@code false} keeps its choice, and
 * drawing into an image works there too).
 *
 * <p>Thread-safe and stateless; a call takes tens of milliseconds, so call it on a worker thread
 * (e.g. the outbox's), never on a platform event thread.
 */
public final class ChartRenderer {

  static {
    // before any AWT class below reads it (java.awt.Color does, once, at class initialisation)
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** The colours of the series, in order (repeating after the last). */
  public static final List<Color> PALETTE =
      List.of(
          new Color(0x2F6FDB), // blue
          new Color(0xF28C28), // orange
          new Color(0x2BA84A), // green
          new Color(0xD6404E), // red
          new Color(0x8A5CC2), // purple
          new Color(0x7A7A7A)); // grey

  public static final int MIN_SIZE = 100;
  public static final int MAX_SIZE = 4000;

  private static final Color TEXT = new Color(0x222222);
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Color MUTED = new Color(0x5E6B78);
  private static final String FONT = Font.SANS_SERIF;

  private ChartRenderer() {}

  /**
   * Draws the chart.
   *
   * @param width in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
   * @param height in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
   * @return the PNG bytes
   * @throws IllegalArgumentException for a size out of range
   */
  public static byte[] png(Chart chart, int width, int height) {
    Objects.requireNonNull(chart, "chart");
    if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
      throw new IllegalArgumentException(
          "a chart is "
              + MIN_SIZE
              + " to "
              + MAX_SIZE
              + " pixels each way, not "
              + width
              + "x"
              + height);
    }
    JFreeChart drawn = build(chart);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      drawn.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("this JVM has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the chart as PNG", e);
    }
    return out.toByteArray();
  }

  static JFreeChart build(Chart chart) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    boolean integral = true;
    for (Chart.Series series : chart.series()) {
      for (int i = 0; i < chart.categories().size(); i++) {
        Double value = series.values().get(i);
        dataset.addValue(value, series.name(), chart.categories().get(i));
        if (value != null && value != Math.rint(value)) {
          integral = false;
        }
      }
    }
    boolean legend = chart.series().size() > 1;
    JFreeChart drawn;
    if (chart.kind() == Chart.Kind.LINE) {
      drawn =
          ChartFactory.createLineChart(
              chart.title(),
              chart.categoryAxis(),
              chart.valueAxis(),
              dataset,
              PlotOrientation.VERTICAL,
              legend,
              false,
              false);
    } else {
      drawn =
          ChartFactory.createBarChart(
              chart.title(),
              chart.categoryAxis(),
              chart.valueAxis(),
              dataset,
              chart.kind() == Chart.Kind.HORIZONTAL_BAR
                  ? PlotOrientation.HORIZONTAL
                  : PlotOrientation.VERTICAL,
              legend,
              false,
              false);
    }
    style(drawn, chart, integral);
    return drawn;
  }

  private static void style(JFreeChart drawn, Chart chart, boolean integral) {
    styleFrame(drawn, chart);
    CategoryPlot plot = drawn.getCategoryPlot();
    stylePlot(plot, chart, integral);
    styleRenderer(plot.getRenderer(), chart);
  }

  /** Background, title, subtitle and legend. */
  private static void styleFrame(JFreeChart drawn, Chart chart) {
    drawn.setBackgroundPaint(Color.WHITE);
    drawn.setAntiAlias(true);
    drawn.setTextAntiAlias(true);
    drawn.setPadding(new RectangleInsets(8, 8, 8, 8));
    if (drawn.getTitle() != null) {
      drawn.getTitle().setFont(new Font(FONT, Font.BOLD, 18));
      drawn.getTitle().setPaint(TEXT);
    }
    if (!chart.subtitle().isBlank()) {
      TextTitle subtitle = new TextTitle(chart.subtitle(), new Font(FONT, Font.PLAIN, 13));
      subtitle.setPaint(MUTED);
      subtitle.setPadding(new RectangleInsets(2, 0, 6, 0));
      drawn.addSubtitle(0, subtitle);
    }
    LegendTitle legend = drawn.getLegend();
    if (legend != null) {
      legend.setItemFont(new Font(FONT, Font.PLAIN, 13));
      legend.setItemPaint(TEXT);
      legend.setBackgroundPaint(Color.WHITE);
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
  }

  /** The plot area and its two axes. */
  private static void stylePlot(CategoryPlot plot, Chart chart, boolean integral) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinesVisible(true);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // values below horizontal bars too

    CategoryAxis categoryAxis = plot.getDomainAxis();
    styleAxis(categoryAxis, 13);
    categoryAxis.setAxisLinePaint(GRID);
    categoryAxis.setMaximumCategoryLabelLines(3);
    if (chart.kind() != Chart.Kind.HORIZONTAL_BAR
        && chart.categories().size() > 8
        && chart.categories().stream().anyMatch(c -> c.length() > 3)) {
      categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }

    NumberAxis valueAxis = (NumberAxis) plot.getRangeAxis();
    styleAxis(valueAxis, 12);
    valueAxis.setAxisLineVisible(false);
    valueAxis.setUpperMargin(0.12); // room for the value labels
    if (integral) {
      valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    if (chart.valueMax() != null) {
      // a bounded scale (percentages): ticks end at the bound, the room above is for the labels
      double max = chart.valueMax();
      valueAxis.setAutoRange(false);
      valueAxis.setRange(0, max * 1.1);
      valueAxis.setTickUnit(new NumberTickUnit(max / 5));
    }
  }

  /** Series colours, value labels, and the shape of bars or lines. */
  private static void styleRenderer(CategoryItemRenderer renderer, Chart chart) {
    for (int i = 0; i < chart.series().size(); i++) {
      renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
    }
    DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 12));
    renderer.setDefaultItemLabelPaint(TEXT);
    if (renderer instanceof BarRenderer bars) {
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setDrawBarOutline(false);
      bars.setItemMargin(0.05);
      bars.setMaximumBarWidth(0.12);
      bars.setDefaultPositiveItemLabelPosition(
          chart.kind() == Chart.Kind.HORIZONTAL_BAR
              ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
              : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    }
    if (renderer instanceof LineAndShapeRenderer lines) {
      lines.setDefaultShapesVisible(true);
      // each later series thinner and dashed, so a line that runs on top of another (equal values)
      // leaves the one beneath visible
      for (int i = 0; i < chart.series().size(); i++) {
        float width = Math.max(1.5f, 5f - 1.5f * i);
        lines.setSeriesStroke(
            i,
            i == 0
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(
                    width,
                    BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND,
                    10f,
                    new float[] {8f + 2 * i, 5f},
                    0f));
      }
    }
  }

  /** The look both axes share: text colour, label and tick fonts, no tick marks. */
  private static void styleAxis(Axis axis, int tickFontSize) {
    axis.setLabelFont(new Font(FONT, Font.PLAIN, 14));
    axis.setLabelPaint(TEXT);
    axis.setTickLabelFont(new Font(FONT, Font.PLAIN, tickFontSize));
    axis.setTickLabelPaint(TEXT);
    axis.setTickMarksVisible(false);
  }
}
