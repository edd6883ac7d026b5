package dev.plot.http.chart;

import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value and time ranges of a chart and their ticks, for pictures drawn by hand. Stacked
 * charts range over the sums of the series at each time.
 */
final class ChartScale {

  final long minTime;
  final long maxTime;
  final double minValue;
  final double maxValue;

  private ChartScale(long minTime, long maxTime, double minValue, double maxValue) {
    this.minTime = minTime;
    this.maxTime = maxTime;
    this.minValue = minValue;
    this.maxValue = maxValue;
  }

  static ChartScale of(ChartData data, List<List<Double>> drawn) {
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;
    double min = 0;
    double max = 0;
    boolean any = false;
    for (int s = 0; s < data.series().size(); s++) {
      List<ChartData.Value> points = data.series().get(s).points();
      for (int i = 0; i < points.size(); i++) {
        minTime = Math.min(minTime, points.get(i).time());
        maxTime = Math.max(maxTime, points.get(i).time());
        Double value = drawn.get(s).get(i);
        if (value != null) {
          min = any ? Math.min(min, value) : Math.min(0, value);
          max = any ? Math.max(max, value) : Math.max(0, value);
          any = true;
        }
      }
    }
    if (minTime == Long.MAX_VALUE) {
      minTime = 0;
      maxTime = 1;
    }
    if (maxTime == minTime) {
      maxTime = minTime + 1;
    }
    if (max == min) {
      max = min + 1;
    }
    double step = niceStep((max - min) / 5);
    return new ChartScale(minTime, maxTime, Math.floor(min / step) * step,
        Math.ceil(max / step) * step);
  }

  /**
   * The values as drawn, per series: doubles for plotting, null for gaps; for a stacked chart
   * each value sits on the sum of the series before it at the same time.
   */
  static List<List<Double>> drawn(ChartData data) {
    List<List<Double>> drawn = new ArrayList<>();
    Map<Long, Double> below = new TreeMap<>();
    for (ChartData.Series series : data.series()) {
      List<Double> values = new ArrayList<>(series.points().size());
      for (ChartData.Value point : series.points()) {
        BigDecimal value = point.value();
        if (value == null) {
          values.add(null);
          continue;
        }
        double plain = value.doubleValue();
        if (data.spec().type() == ChartType.STACKED) {
          plain += below.getOrDefault(point.time(), 0.0);
          below.put(point.time(), plain);
        }
        values.add(plain);
      }
      drawn.add(values);
    }
    return drawn;
  }

  double valueStep() {
    return niceStep((maxValue - minValue) / 5);
  }

  List<Double> valueTicks() {
    List<Double> ticks = new ArrayList<>();
    double step = valueStep();
    for (double v = minValue; v <= maxValue + step / 1e6; v += step) {
      ticks.add(Math.abs(v) < step / 1e6 ? 0 : v);
    }
    return ticks;
  }

  /** About {@code count} time ticks on round seconds, minutes, hours or days. */
  List<Long> timeTicks(int count) {
    long span = maxTime - minTime;
    long[] steps = {1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400,
        172800, 604800, 2592000, 31536000};
    long step = steps[steps.length - 1];
    for (long candidate : steps) {
      if (span / candidate <= count) {
        step = candidate;
        break;
      }
    }
    List<Long> ticks = new ArrayList<>();
    for (long t = Math.floorDiv(minTime + step - 1, step) * step; t <= maxTime; t += step) {
      ticks.add(t);
    }
    return ticks;
  }

  /** Formats a time tick for the chart's span in the given zone. */
  String timeLabel(long time, ZoneId zone) {
    long span = maxTime - minTime;
    String pattern = span <= 86_400 ? "HH:mm" : span <= 14 * 86_400 ? "MM-dd HH:mm"
        : "yyyy-MM-dd";
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
        .format(Instant.ofEpochSecond(time).atZone(zone));
  }

  static String valueLabel(double value, double step) {
    if (step >= 1 && Math.abs(value) < 1e15) {
      return Long.toString(Math.round(value));
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int scale = Math.max(0, (int) Math.ceil(-Math.log10(step)) + 1);
    decimal = decimal.setScale(Math.min(decimal.scale(), scale), java.math.RoundingMode.HALF_UP);
    return decimal.stripTrailingZeros().toPlainString();
  }

  private static double niceStep(double rough) {
    if (rough <= 0 || !Double.isFinite(rough)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}
