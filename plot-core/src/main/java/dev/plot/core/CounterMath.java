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
 */
public final class CounterMath {

  private CounterMath() {
  }

  /** Increases of samples given oldest first. */
  public static List<Point> increases(List<Point> oldestFirst, Category category) {
    long maxGap = category.effectiveMaxGap();
    Long wrap = category.wrap();
    List<Point> out = new ArrayList<>(Math.max(0, oldestFirst.size() - 1));
    Point previous = null;
    for (Point sample : oldestFirst) {
      if (previous != null && sample.time() - previous.time() <= maxGap) {
        out.add(new Point(sample.time(), increase(previous.value(), sample.value(), wrap)));
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
      // Both readings are below the wrap value, so this cannot overflow beyond wrap.
      return wrap - before + after;
    }
    return after;
  }
}
