package dev.plot.http.chart;

import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartSpec;
import dev.plot.core.chart.ChartType;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * Draws a chart as SVG by hand: small, fast, and every text escaped. A gap (a null value) ends
 * a path; the next value starts a new one, so no segment ever joins across missing data. The
 * output has no scripts and no event attributes.
 */
public final class SvgChart {

  /** Series colours, repeated when there are more series. */
  static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
      "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  private final String font;

  /**
   * @param font the first font family asked for; generic fallbacks follow it
   */
  public SvgChart(String font) {
    this.font = font;
  }

  /** The SVG document, UTF-8. */
  public byte[] draw(ChartData data) {
    ChartSpec spec = data.spec();
    int width = spec.width();
    int height = spec.height();
    List<List<Double>> drawn = ChartScale.drawn(data);
    ChartScale scale = ChartScale.of(data, drawn);
    Plot plot = new Plot(LEFT, TOP, Math.max(1, width - LEFT - RIGHT),
        Math.max(1, height - TOP - BOTTOM), scale);

    StringBuilder svg = new StringBuilder(4096);
    svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
        .append(' ').append(height).append("\" font-family=\"")
        .append(ChartText.escape("'" + font + "', 'Noto Color Emoji', sans-serif"))
        .append("\" font-size=\"12\">\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    text(svg, "title", width / 2.0, 24, "middle", 16, spec.title());
    axes(svg, plot, data);
    for (int s = drawn.size() - 1; s >= 0; s--) {
      series(svg, plot, data.series().get(s), drawn.get(s), s, spec.type());
    }
    legend(svg, data, height);
    svg.append("</svg>\n");
    return svg.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void axes(StringBuilder svg, Plot plot, ChartData data) {
    ChartScale scale = plot.scale;
    svg.append("<g class=\"axes\" stroke=\"#cccccc\" stroke-width=\"1\">\n");
    for (double tick : scale.valueTicks()) {
      double y = plot.y(tick);
      svg.append("<line x1=\"").append(plot.left).append("\" y1=\"").append(num(y))
          .append("\" x2=\"").append(plot.left + plot.width).append("\" y2=\"").append(num(y))
          .append("\"/>\n");
    }
    svg.append("</g>\n");
    svg.append("<g class=\"ticks\" fill=\"#333333\">\n");
    for (double tick : scale.valueTicks()) {
      text(svg, null, plot.left - 6, plot.y(tick) + 4, "end", 11,
          ChartScale.valueLabel(tick, scale.valueStep()));
    }
    ZoneId zone = ZoneId.of(data.spec().zone() == null ? "UTC" : data.spec().zone());
    for (long tick : scale.timeTicks(Math.max(2, plot.width / 100))) {
      text(svg, null, plot.x(tick), plot.top + plot.height + 16, "middle", 11,
          scale.timeLabel(tick, zone));
    }
    svg.append("</g>\n");
    if (!data.spec().unit().isEmpty()) {
      svg.append("<text class=\"unit\" transform=\"translate(14 ")
          .append(num(plot.top + plot.height / 2.0)).append(") rotate(-90)\" ")
          .append("text-anchor=\"middle\" font-size=\"12\">")
          .append(ChartText.escape(data.spec().unit())).append("</text>\n");
    }
    svg.append("<rect class=\"frame\" x=\"").append(plot.left).append("\" y=\"")
        .append(plot.top).append("\" width=\"").append(plot.width).append("\" height=\"")
        .append(plot.height).append("\" fill=\"none\" stroke=\"#999999\"/>\n");
  }

  private static void series(StringBuilder svg, Plot plot, ChartData.Series series,
      List<Double> values, int index, ChartType type) {
    String color = COLORS[index % COLORS.length];
    svg.append("<g class=\"series\" data-series=\"").append(index).append("\">\n");
    List<ChartData.Value> points = series.points();
    if (type == ChartType.BAR) {
      bars(svg, plot, points, values, color);
      svg.append("</g>\n");
      return;
    }
    int start = -1;
    for (int i = 0; i <= points.size(); i++) {
      boolean present = i < points.size() && values.get(i) != null;
      if (present && start < 0) {
        start = i;
      } else if (!present && start >= 0) {
        piece(svg, plot, points, values, start, i, color, type);
        start = -1;
      }
    }
    svg.append("</g>\n");
  }

  /** One unbroken run of values, {@code [from, to)}: a path, or a dot when it is one value. */
  private static void piece(StringBuilder svg, Plot plot, List<ChartData.Value> points,
      List<Double> values, int from, int to, String color, ChartType type) {
    if (to - from == 1) {
      svg.append("<circle class=\"piece\" cx=\"").append(num(plot.x(points.get(from).time())))
          .append("\" cy=\"").append(num(plot.y(values.get(from)))).append("\" r=\"2\" fill=\"")
          .append(color).append("\"/>\n");
      return;
    }
    StringBuilder d = new StringBuilder();
    for (int i = from; i < to; i++) {
      d.append(i == from ? 'M' : 'L').append(num(plot.x(points.get(i).time()))).append(' ')
          .append(num(plot.y(values.get(i))));
    }
    if (type == ChartType.AREA || type == ChartType.STACKED) {
      double zero = plot.y(Math.max(plot.scale.minValue, Math.min(0, plot.scale.maxValue)));
      svg.append("<path class=\"fill\" d=\"").append(d).append('L')
          .append(num(plot.x(points.get(to - 1).time()))).append(' ').append(num(zero))
          .append('L').append(num(plot.x(points.get(from).time()))).append(' ')
          .append(num(zero)).append("Z\" fill=\"").append(color)
          .append("\" fill-opacity=\"0.35\" stroke=\"none\"/>\n");
    }
    svg.append("<path class=\"piece\" d=\"").append(d).append("\" fill=\"none\" stroke=\"")
        .append(color).append("\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>\n");
  }

  private static void bars(StringBuilder svg, Plot plot, List<ChartData.Value> points,
      List<Double> values, String color) {
    double barWidth = Math.max(1, plot.width / Math.max(1.0, points.size()) * 0.8);
    double zero = plot.y(Math.max(plot.scale.minValue, Math.min(0, plot.scale.maxValue)));
    for (int i = 0; i < points.size(); i++) {
      if (values.get(i) == null) {
        continue;
      }
      double x = plot.x(points.get(i).time()) - barWidth / 2;
      double y = plot.y(values.get(i));
      svg.append("<rect class=\"bar\" x=\"").append(num(x)).append("\" y=\"")
          .append(num(Math.min(y, zero))).append("\" width=\"").append(num(barWidth))
          .append("\" height=\"").append(num(Math.abs(zero - y))).append("\" fill=\"")
          .append(color).append("\"/>\n");
    }
  }

  private static void legend(StringBuilder svg, ChartData data, int height) {
    double x = LEFT;
    double y = height - 14;
    for (int s = 0; s < data.series().size(); s++) {
      String label = data.series().get(s).label();
      svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y - 9))
          .append("\" width=\"10\" height=\"10\" fill=\"").append(COLORS[s % COLORS.length])
          .append("\"/>\n");
      text(svg, "label", x + 14, y, "start", 12, label);
      x += 30 + 7 * label.codePointCount(0, label.length());
    }
  }

  private static void text(StringBuilder svg, String cssClass, double x, double y,
      String anchor, int size, String text) {
    svg.append("<text");
    if (cssClass != null) {
      svg.append(" class=\"").append(cssClass).append('"');
    }
    svg.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(size)
        .append("\">").append(ChartText.escape(text)).append("</text>\n");
  }

  /** A coordinate with one decimal; String.format cost more than the rest of the drawing. */
  static String num(double value) {
    long tenths = Math.round(value * 10);
    long whole = Math.abs(tenths);
    return (tenths < 0 ? "-" : "") + whole / 10 + "." + whole % 10;
  }

  /** The plotting area and its mapping from time and value to pixels. */
  private static final class Plot {
    final int left;
    final int top;
    final int width;
    final int height;
    final ChartScale scale;

    Plot(int left, int top, int width, int height, ChartScale scale) {
      this.left = left;
      this.top = top;
      this.width = width;
      this.height = height;
      this.scale = scale;
    }

    double x(long time) {
      return left + (double) (time - scale.minTime) / (scale.maxTime - scale.minTime) * width;
    }

    double y(double value) {
      return top + height
          - (value - scale.minValue) / (scale.maxValue - scale.minValue) * height;
    }
  }
}
