package dev.plot.core.chart;

import java.math.BigDecimal;
import java.util.List;

/**
 * A chart's data as drawn: every series' points oldest first, a null value where data is
 * missing, so each picture breaks its line there instead of joining across the gap.
 *
 * @param spec the spec the data was read for
 * @param series the series in legend order
 * @param step the shortest step of the series, in seconds; pictures of it stay fresh that long
 */
public record ChartData(ChartSpec spec, List<Series> series, long step) {

  public ChartData {
    series = List.copyOf(series);
  }

  /**
   * One series with its points.
   *
   * @param cid the category
   * @param rid the thing measured
   * @param label the legend text
   * @param points oldest first
   */
  public record Series(long cid, long rid, String label, List<Value> points) {

    public Series {
      points = List.copyOf(points);
    }
  }

  /**
   * One point of a chart.
   *
   * @param time unix seconds
   * @param value the value after the base is applied, or null for a gap
   */
  public record Value(long time, BigDecimal value) {
  }
}
