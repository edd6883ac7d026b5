package dev.plot.core;

import dev.plot.api.Agg;
import java.util.List;

/**
 * A range read: the points of one or more series in {@code [from, to)}, cut into buckets of
 * {@code step} seconds, each bucket reduced by {@code agg}, several rids combined by
 * {@code combine}.
 *
 * @param cid the category
 * @param rids the series; several are combined bucket by bucket
 * @param from first second, inclusive
 * @param to last second, exclusive
 * @param step bucket length in seconds, or 0 for the category's step; a whole number of days
 *     gives calendar days in {@code zone}
 * @param agg how the points of one bucket reduce, or null for the category's default (sum of
 *     increases for a counter, avg for a gauge)
 * @param combine how several rids combine in one bucket: sum, avg or max
 * @param rate for a counter: per-second rates instead of increases
 * @param zone IANA zone of day buckets, or null for the category's zone
 */
public record RangeQuery(long cid, List<Long> rids, long from, long to, long step, Agg agg,
    Agg combine, boolean rate, String zone) {

  public RangeQuery {
    rids = List.copyOf(rids);
  }

  /** One series, the category's step and aggregate. */
  public static RangeQuery of(long cid, long rid, long from, long to) {
    return new RangeQuery(cid, List.of(rid), from, to, 0, null, Agg.SUM, false, null);
  }
}
