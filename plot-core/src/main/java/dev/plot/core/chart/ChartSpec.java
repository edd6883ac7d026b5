package dev.plot.core.chart;

import dev.plot.api.Agg;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a chart link shows, with every default filled in, so equal specs are equal records and
 * give the same canonical JSON. The window is either the newest {@code limit} points of each
 * series, absolute times {@code from}/{@code to}, or a {@code range} ending now.
 *
 * @param title shown above the chart; may be empty
 * @param series one or more series, in legend order
 * @param limit newest points per series, or null for a time window
 * @param from first second of an absolute window (unix seconds), or null
 * @param to end of an absolute window, exclusive, or null
 * @param range seconds of a window ending now ("24h" in JSON), or null
 * @param step bucket length in seconds of a time window, or null for the category's step
 * @param agg how a bucket's points reduce, or null for the category's default
 * @param base divisor applied to every value, or null for the stored integers
 * @param unit shown on the value axis; may be empty
 * @param type how the series are drawn
 * @param width default picture width in pixels
 * @param height default picture height in pixels
 * @param zone IANA zone of day buckets and of server-drawn time axes, or null for UTC axes
 *     and each category's own zone for day buckets
 * @param privateChart whether caches outside the viewer's browser must not keep the chart
 */
public record ChartSpec(
    String title,
    List<ChartSeries> series,
    Integer limit,
    Long from,
    Long to,
    Long range,
    Long step,
    Agg agg,
    BigDecimal base,
    String unit,
    ChartType type,
    int width,
    int height,
    String zone,
    boolean privateChart) {

  public ChartSpec {
    series = List.copyOf(series);
  }

  /** Whether the window is a time range (absolute or ending now) rather than a point count. */
  public boolean timeWindow() {
    return limit == null;
  }

  /** This spec drawn at another size. */
  public ChartSpec withSize(int newWidth, int newHeight) {
    return new ChartSpec(title, series, limit, from, to, range, step, agg, base, unit, type,
        newWidth, newHeight, zone, privateChart);
  }
}
