package dev.plot.http.chart;

import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartSpec;
import dev.plot.core.chart.ChartType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a chart as PNG with JFreeChart. A gap is a null y value, and the line renderer draws
 * no segment to or from a null, so missing data shows as a break. Text uses the configured font
 * so titles in any script show glyphs rather than boxes.
 */
public final class PngChart {

  private final String font;

  /**
   * @param font font family of every text; it must hold the glyphs of titles and labels
   */
  public PngChart(String font) {
    this.font = font;
  }

  /** The PNG bytes. */
  public byte[] draw(ChartData data) {
    ChartSpec spec = data.spec();
    JFreeChart chart = ChartFactory.createXYLineChart(spec.title(), null, spec.unit(),
        dataset(data), org.jfree.chart.plot.PlotOrientation.VERTICAL, true, false, false);
    style(chart, data);
    BufferedImage image = chart.createBufferedImage(spec.width(), spec.height());
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return out.toByteArray();
  }

  private static XYSeriesCollection dataset(ChartData data) {
    List<List<Double>> drawn = ChartScale.drawn(data);
    XYSeriesCollection dataset = new XYSeriesCollection();
    for (int s = 0; s < data.series().size(); s++) {
      ChartData.Series series = data.series().get(s);
      XYSeries xy = new XYSeries(new SeriesKey(s, series.label()), false, true);
      for (int i = 0; i < series.points().size(); i++) {
        xy.add((Number) (series.points().get(i).time() * 1000), drawn.get(s).get(i), false);
      }
      dataset.addSeries(xy);
    }
    return dataset;
  }

  private void style(JFreeChart chart, ChartData data) {
    Font title = new Font(font, Font.BOLD, 16);
    Font text = new Font(font, Font.PLAIN, 12);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(title);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(text);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    DateAxis time = new DateAxis();
    time.setTimeZone(TimeZone.getTimeZone(data.spec().zone() == null ? "UTC"
        : data.spec().zone()));
    time.setTickLabelFont(text);
    plot.setDomainAxis(time);
    NumberAxis value = (NumberAxis) plot.getRangeAxis();
    value.setLabelFont(text);
    value.setTickLabelFont(text);
    value.setAutoRangeIncludesZero(true);
    XYItemRenderer renderer = renderer(data.spec().type());
    for (int s = 0; s < data.series().size(); s++) {
      renderer.setSeriesPaint(s, Color.decode(SvgChart.COLORS[s % SvgChart.COLORS.length]));
      renderer.setSeriesStroke(s, new BasicStroke(1.5f));
    }
    plot.setRenderer(renderer);
  }

  private static XYItemRenderer renderer(ChartType type) {
    return switch (type) {
      case BAR -> {
        XYBarRenderer bars = new XYBarRenderer(0.2);
        bars.setShadowVisible(false);
        bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        yield bars;
      }
      case AREA, STACKED -> new XYAreaRenderer(XYAreaRenderer.AREA);
      case LINE -> new XYLineAndShapeRenderer(true, false);
    };
  }

  /** A series key: unique by index, shown by label, so equal labels do not clash. */
  private record SeriesKey(int index, String label) implements Comparable<SeriesKey> {

    @Override
    public int compareTo(SeriesKey other) {
      return Integer.compare(index, other.index);
    }

    @Override
    public String toString() {
      return label;
    }
  }
}
