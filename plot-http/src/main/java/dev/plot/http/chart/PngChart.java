package dev.plot.http.chart;

import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartSpec;
import dev.plot.core.chart.ChartType;
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
import java.util.List;
import java.util.TimeZone;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a chart as PNG with JFreeChart. A gap is a null y value, and the line renderer draws
 * no segment to or from a null, so missing data shows as a break. Text uses the configured font
 * so titles in any script show glyphs rather than boxes, and emoji the font lacks are drawn as
 * pictures from a colour-emoji font.
 */
public final class PngChart {

  /** ImageIO's quality 0.75 is deflate level 2 in the JDK's PNG writer. */
  private static final float FAST_DEFLATE = 0.75f;

  private static final int TITLE_HEIGHT = 32;
  private static final int LEGEND_HEIGHT = 26;

  private final String font;
  private final PngText text;

  /**
   * @param font font family of every text; it must hold the glyphs of titles and labels
   * @param emoji pictures drawn for emoji the font has no glyph for
   */
  public PngChart(String font, EmojiImages emoji) {
    this.font = font;
    this.text = new PngText(emoji);
  }

  /**
   * The PNG bytes. JFreeChart draws the plot and its axes; the title and the legend are drawn
   * here, so emoji in them show as pictures.
   */
  public byte[] draw(ChartData data) {
    ChartSpec spec = data.spec();
    int width = spec.width();
    int height = spec.height();
    int top = spec.title().isEmpty() ? 8 : TITLE_HEIGHT;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      plot(data).draw(g, new Rectangle2D.Double(0, top, width,
          Math.max(1, height - top - LEGEND_HEIGHT)));
      g.setColor(Color.BLACK);
      Font titleFont = new Font(font, Font.BOLD, 16);
      double titleWidth = text.width(spec.title(), titleFont, g.getFontRenderContext());
      text.draw(g, spec.title(), titleFont, (width - titleWidth) / 2, 22);
      legend(g, data, width, height);
    } finally {
      g.dispose();
    }
    return encode(image);
  }

  /**
   * PNG bytes of the picture, deflated at a fast level in memory. ImageIO's defaults cost more
   * than the drawing: a temporary file as cache and a slower deflate for charts that are
   * mostly white and shrink well at any level.
   */
  private static byte[] encode(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType(param.getCompressionTypes()[0]);
      param.setCompressionQuality(FAST_DEFLATE);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private void legend(Graphics2D g, ChartData data, int width, int height) {
    Font legendFont = new Font(font, Font.PLAIN, 12);
    double total = 0;
    for (ChartData.Series series : data.series()) {
      total += 30 + text.width(series.label(), legendFont, g.getFontRenderContext());
    }
    double x = Math.max(4, (width - total) / 2);
    double y = height - 9;
    for (int s = 0; s < data.series().size(); s++) {
      g.setColor(Color.decode(SvgChart.COLORS[s % SvgChart.COLORS.length]));
      g.fillRect((int) x, (int) y - 8, 16, 4);
      g.setColor(Color.BLACK);
      String label = data.series().get(s).label();
      text.draw(g, label, legendFont, x + 20, y);
      x += 30 + text.width(label, legendFont, g.getFontRenderContext());
    }
  }

  private JFreeChart plot(ChartData data) {
    Font axisFont = new Font(font, Font.PLAIN, 12);
    DateAxis time = new DateAxis();
    time.setTimeZone(TimeZone.getTimeZone(data.spec().zone() == null ? "UTC"
        : data.spec().zone()));
    time.setTickLabelFont(axisFont);
    NumberAxis value = new NumberAxis(data.spec().unit());
    value.setLabelFont(axisFont);
    value.setTickLabelFont(axisFont);
    value.setAutoRangeIncludesZero(true);
    XYItemRenderer renderer = renderer(data.spec().type());
    for (int s = 0; s < data.series().size(); s++) {
      renderer.setSeriesPaint(s, Color.decode(SvgChart.COLORS[s % SvgChart.COLORS.length]));
      renderer.setSeriesStroke(s, new BasicStroke(1.5f));
    }
    XYPlot plot = new XYPlot(dataset(data), time, value, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    JFreeChart chart = new JFreeChart(null, axisFont, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
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
