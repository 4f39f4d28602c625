package io.tandem.core.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChartRendererTest {

  private static final Color FIRST = ChartRenderer.PALETTE.get(0);
  private static final Color SECOND = ChartRenderer.PALETTE.get(1);

  private static Chart likert(Chart.Kind kind, List<Double> counts) {
    return new Chart(
        kind,
        "How supported do you feel?",
        "answer",
        "people",
        List.of("1", "2", "3", "4", "5"),
        List.of(new Chart.Series("answers", counts)));
  }

  @ParameterizedTest
  @EnumSource(Chart.Kind.class)
  @DisplayName("every kind renders a PNG of the asked size with the series drawn in its colour")
  void rendersEachKind(Chart.Kind kind) throws IOException {
    // GIVEN a distribution of answers
    Chart chart = likert(kind, List.of(1.0, 0.0, 2.0, 5.0, 3.0));

    // WHEN it is drawn
    BufferedImage image = decode(ChartRenderer.png(chart, 640, 400));

    // THEN it is a 640x400 image on white with a good deal of the first series' colour
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(400);
    assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(count(image, FIRST)).isGreaterThan(kind == Chart.Kind.LINE ? 300 : 3000);
    assertThat(count(image, SECOND)).isZero();
  }

  @Test
  @DisplayName("two series get two colours, and a missing value draws no bar")
  void seriesColoursAndGaps() throws IOException {
    // GIVEN this run and the previous one, where the previous had no value for two answers
    Chart chart =
        new Chart(
            Chart.Kind.BAR,
            "Pulse",
            "",
            "",
            List.of("1", "2", "3"),
            List.of(
                new Chart.Series("now", List.of(4.0, 4.0, 4.0)),
                new Chart.Series("before", Arrays.asList(null, 4.0, null))));

    BufferedImage image = decode(ChartRenderer.png(chart, 600, 400));

    // THEN both colours show, the second about a third as much as the first
    int first = count(image, FIRST);
    int second = count(image, SECOND);
    assertThat(first).isGreaterThan(3000);
    assertThat(second).isGreaterThan(500);
    assertThat((double) second / first).isBetween(0.2, 0.5);
  }

  @Test
  @DisplayName("two lines with equal values both stay visible: the later one is thinner and dashed")
  void equalLinesBothShow() throws IOException {
    Chart chart =
        new Chart(
            Chart.Kind.LINE,
            "Per week",
            "",
            "",
            List.of("a", "b", "c", "d"),
            List.of(
                new Chart.Series("sessions", List.of(3.0, 5.0, 4.0, 6.0)),
                new Chart.Series("pairs that met", List.of(3.0, 5.0, 4.0, 6.0))));

    BufferedImage image = decode(ChartRenderer.png(chart, 600, 400));

    // the first line shows on both sides of the second drawn over it
    assertThat(count(image, FIRST)).isGreaterThan(400);
    assertThat(count(image, SECOND)).isGreaterThan(300);
  }

  @Test
  @DisplayName("a bounded value axis ends its ticks at the bound (a percentage never reads 110)")
  void boundedAxis() {
    Chart chart =
        new Chart(
            Chart.Kind.BAR,
            "Retention",
            "",
            "%",
            List.of("participants", "others"),
            List.of(new Chart.Series("retained %", Arrays.asList(100.0, null))),
            "Spring pilot · as of 2027-01-11 08:00:05 UTC",
            100.0);

    org.jfree.chart.JFreeChart drawn = ChartRenderer.build(chart);

    org.jfree.chart.axis.NumberAxis axis =
        (org.jfree.chart.axis.NumberAxis) drawn.getCategoryPlot().getRangeAxis();
    double unit = axis.getTickUnit().getSize();
    double lastTick = Math.floor(axis.getUpperBound() / unit) * unit;
    assertThat(axis.getLowerBound()).isZero();
    assertThat(lastTick).isEqualTo(100.0);
    assertThat(drawn.getSubtitles())
        .anySatisfy(
            t ->
                assertThat(t)
                    .isInstanceOfSatisfying(
                        org.jfree.chart.title.TextTitle.class,
                        title -> assertThat(title.getText()).contains("as of 2027-01-11")));
  }

  @Test
  @DisplayName("a chart with no values at all still renders, with no bars")
  void allMissing() throws IOException {
    Chart chart = likert(Chart.Kind.BAR, Arrays.asList(null, null, null, null, null));

    BufferedImage image = decode(ChartRenderer.png(chart, 400, 300));

    assertThat(count(image, FIRST)).isZero();
  }

  @Test
  @DisplayName("the same chart gives the same bytes")
  void deterministic() {
    Chart chart = likert(Chart.Kind.HORIZONTAL_BAR, List.of(1.0, 2.5, 3.0, 0.0, 7.0));

    assertThat(ChartRenderer.png(chart, 500, 300)).isEqualTo(ChartRenderer.png(chart, 500, 300));
  }

  @Test
  @DisplayName("specs that cannot be drawn are rejected when the chart is made")
  void badSpecs() {
    assertThatThrownBy(() -> likert(Chart.Kind.BAR, List.of(1.0, 2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 values for 5 categories");
    assertThatThrownBy(
            () ->
                new Chart(
                    Chart.Kind.BAR,
                    "t",
                    "",
                    "",
                    List.of(),
                    List.of(new Chart.Series("s", List.of()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("categories");
    assertThatThrownBy(() -> new Chart(Chart.Kind.BAR, "t", "", "", List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("series");
    assertThatThrownBy(
            () ->
                new Chart(
                    Chart.Kind.LINE,
                    "t",
                    "",
                    "",
                    List.of("a", "a"),
                    List.of(new Chart.Series("s", List.of(1.0, 2.0)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two category entries named \"a\"");
    assertThatThrownBy(
            () ->
                new Chart(
                    Chart.Kind.BAR,
                    "t",
                    "",
                    "",
                    List.of("a"),
                    List.of(
                        new Chart.Series("s", List.of(1.0)), new Chart.Series("s", List.of(2.0)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two series entries");
    assertThatThrownBy(() -> new Chart.Series("s", List.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(
            () ->
                ChartRenderer.png(likert(Chart.Kind.BAR, List.of(1.0, 1.0, 1.0, 1.0, 1.0)), 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pixels");
  }

  @Test
  @DisplayName("rendering runs headless")
  void headless() {
    ChartRenderer.png(likert(Chart.Kind.BAR, List.of(1.0, 1.0, 1.0, 1.0, 1.0)), 200, 200);

    assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
  }

  static BufferedImage decode(byte[] png) throws IOException {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodes as an image").isNotNull();
    return image;
  }

  static int count(BufferedImage image, Color colour) {
    int rgb = colour.getRGB() & 0xFFFFFF;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
