package dev.plot.api;

import java.util.Objects;

/**
 * A rollup of one category into another: each closed bucket {@code [t, t + step)} of the
 * source becomes one point of the target, per rid.
 *
 * @param targetCid the category that receives the bucket values
 * @param step bucket length in seconds; 86400 means calendar days in {@code zone}
 * @param agg how the points of a bucket combine
 * @param zone IANA time zone naming where days start
 */
public record Rollup(long targetCid, long step, Agg agg, String zone) {

  public Rollup {
    Objects.requireNonNull(agg, "agg");
    zone = zone == null || zone.isBlank() ? "UTC" : zone;
  }
}
