package dev.plot.core;

import java.math.BigDecimal;

/**
 * One bucket of a range read.
 *
 * @param time the bucket's first second
 * @param value the exact result: an integer for sum, min, max, last and count, a decimal for
 *     avg and rates; null when the bucket holds no point (a gap, never a zero)
 */
public record Bucket(long time, BigDecimal value) {

  /** Whether the value is a whole number. */
  public boolean integral() {
    return value != null && (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0);
  }
}
