package dev.plot.core;

import dev.plot.api.Category;
import dev.plot.api.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns counter samples, as clients read them, into increases. An increase is stamped with the
 * later sample's time. The first sample gives no point; nor does a sample more than the
 * category's maximum gap after the one before it, since the increase across the gap is unknown.
 * A decrease is a wrap when the category has a wrap value, otherwise a reset counted from zero:
 * an increase is never negative.
 *
 * <p>Samples with the same time are taken in commit order (the later commit last), and each
 * gives its increase over the one before it, stamped with that same time: two readings in one
 * second give two points, and their sum is the whole increase, so sums over a range stay
 * exact. A rate has no seconds to divide by there; range reads fold such an increase into the
 * step ending at that time.
 */
public final class CounterMath {

  private CounterMath() {
  }

  /**
   * The increase over one step between two samples.
   *
   * @param time the later sample's time, unix seconds
   * @param value the increase, never negative
   * @param seconds the length of the step, 0 for two samples with the same time
   */
  public record Increase(long time, long value, long seconds) {
  }

  /** Increases of samples given oldest first, as points. */
  public static List<Point> increases(List<Point> oldestFirst, Category category) {
    List<Increase> increases = increasesWithSeconds(oldestFirst, category);
    List<Point> out = new ArrayList<>(increases.size());
    for (Increase increase : increases) {
      out.add(new Point(increase.time(), increase.value()));
    }
    return out;
  }

  /** Increases of samples given oldest first, each with the length of its step. */
  public static List<Increase> increasesWithSeconds(List<Point> oldestFirst,
      Category category) {
    long maxGap = category.effectiveMaxGap();
    Long wrap = category.wrap();
    List<Increase> out = new ArrayList<>(Math.max(0, oldestFirst.size() - 1));
    Point previous = null;
    for (Point sample : oldestFirst) {
      long seconds = previous == null ? -1 : sample.time() - previous.time();
      if (seconds >= 0 && seconds <= maxGap) {
        out.add(new Increase(sample.time(), increase(previous.value(), sample.value(), wrap),
            seconds));
      }
      previous = sample;
    }
    return out;
  }

  /** The increase from one reading to the next, never negative. */
  public static long increase(long before, long after, Long wrap) {
    if (after >= before) {
      return after - before;
    }
    if (wrap != null) {
      // Both readings are below the wrap value, so the sum stays below it: no overflow.
      return wrap - before + after;
    }
    return after;
  }
}
