package dev.plot.core.chart;

/**
 * One series of a chart.
 *
 * @param cid the category
 * @param rid the thing measured
 * @param label the name shown in the legend; never null, {@code cid:rid} when not given
 */
public record ChartSeries(long cid, long rid, String label) {
}
