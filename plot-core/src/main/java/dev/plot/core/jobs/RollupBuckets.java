package dev.plot.core.jobs;

import dev.plot.api.Rollup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The buckets of a rollup: {@code [start, end)} aligned to the epoch, or calendar days in the
 * rollup's zone when the step is a whole number of days (23 or 25 hours across daylight-saving
 * changes), exactly as range reads cut them.
 */
final class RollupBuckets {

  private static final long DAY = 86_400;

  private final long step;
  private final ZoneId zone;

  RollupBuckets(Rollup rollup) {
    this.step = rollup.step();
    this.zone = ZoneId.of(rollup.zone());
  }

  /** The first second of the bucket holding {@code time}. */
  long start(long time) {
    if (step % DAY != 0) {
      return Math.floorDiv(time, step) * step;
    }
    LocalDate day = Instant.ofEpochSecond(time).atZone(zone).toLocalDate();
    long days = step / DAY;
    // Multi-day buckets count whole days from the epoch's day, as range reads do from the
    // day of their start; the common step of one day needs no alignment.
    long offset = Math.floorMod(day.toEpochDay(), days);
    return day.minusDays(offset).atStartOfDay(zone).toEpochSecond();
  }

  /** The first second after the bucket starting at {@code start}. */
  long end(long start) {
    if (step % DAY != 0) {
      return start + step;
    }
    LocalDate day = Instant.ofEpochSecond(start).atZone(zone).toLocalDate();
    return day.plusDays(step / DAY).atStartOfDay(zone).toEpochSecond();
  }
}
