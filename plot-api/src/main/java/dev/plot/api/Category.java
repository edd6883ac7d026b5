package dev.plot.api;

import java.util.Objects;

/**
 * A category: what is measured and at what step. A series is one category and one rid.
 *
 * @param cid positive id of the category
 * @param name human name, any UTF-8 text
 * @param unit the unit shown on charts after the base is applied; may be empty
 * @param base default divisor for reads and charts, or null for the stored integers
 * @param step expected seconds between points
 * @param kind gauge or counter
 * @param wrap for counters: the value at which the counter wraps to zero (2^32 for a 32-bit
 *     counter), or null when a decrease means a reset
 * @param maxGap for counters: the longest gap in seconds across which an increase is still
 *     computed, or null for five steps
 * @param zone IANA zone in which this category's days start
 * @param retention seconds of points kept, 0 for forever
 * @param rollup the rollup into another category, or null
 */
public record Category(
    long cid,
    String name,
    String unit,
    Double base,
    long step,
    Kind kind,
    Long wrap,
    Long maxGap,
    String zone,
    long retention,
    Rollup rollup) {

  /** Step given to categories defined by their first write. */
  public static final long DEFAULT_STEP = 60;

  public Category {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    unit = unit == null ? "" : unit;
    zone = zone == null || zone.isBlank() ? "UTC" : zone;
  }

  /** The category a first write to an unknown cid defines. */
  public static Category defaults(long cid) {
    return new Category(cid, "cid " + cid, "", null, DEFAULT_STEP, Kind.GAUGE, null, null, "UTC",
        0, null);
  }

  /** The gap in seconds beyond which a counter gives no increase. */
  public long effectiveMaxGap() {
    return maxGap != null ? maxGap : 5 * step;
  }
}
