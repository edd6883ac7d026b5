package dev.plot.store.log;

import dev.plot.api.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The points of one series in memory, ordered by time and, among equal times, by arrival. A
 * point that arrives with an earlier time than the newest is placed by its time, after any
 * points of the same time, so equal times keep their commit order without a stored sequence.
 * Not thread-safe: the store guards it.
 */
final class SeriesPoints {

  private long[] times = new long[16];
  private long[] values = new long[16];
  private int size;

  int size() {
    return size;
  }

  void add(long time, long value) {
    if (size == times.length) {
      int grown = size + (size >> 1) + 16;
      times = Arrays.copyOf(times, grown);
      values = Arrays.copyOf(values, grown);
    }
    if (size == 0 || times[size - 1] <= time) {
      times[size] = time;
      values[size] = value;
      size++;
      return;
    }
    int at = firstAfter(time);
    System.arraycopy(times, at, times, at + 1, size - at);
    System.arraycopy(values, at, values, at + 1, size - at);
    times[at] = time;
    values[at] = value;
    size++;
  }

  /** Index of the first point with a time above {@code time}. */
  private int firstAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[mid] <= time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** Index of the first point with a time at or above {@code time}. */
  private int firstAtOrAfter(long time) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (times[mid] < time) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  List<Point> newest(int limit) {
    int count = Math.min(limit, size);
    List<Point> points = new ArrayList<>(count);
    for (int i = size - 1; i >= size - count; i--) {
      points.add(new Point(times[i], values[i]));
    }
    return points;
  }

  List<Point> range(long from, long to, int maxPoints) {
    int start = firstAtOrAfter(from);
    int end = firstAtOrAfter(to);
    int count = Math.max(0, Math.min(end - start, maxPoints));
    List<Point> points = new ArrayList<>(count);
    for (int i = start; i < start + count; i++) {
      points.add(new Point(times[i], values[i]));
    }
    return points;
  }

  Point before(long time) {
    int at = firstAtOrAfter(time);
    return at == 0 ? null : new Point(times[at - 1], values[at - 1]);
  }

  /** Removes up to {@code maxRows} of the oldest points older than {@code time}. */
  int deleteBefore(long time, int maxRows) {
    int removed = Math.min(firstAtOrAfter(time), maxRows);
    if (removed > 0) {
      System.arraycopy(times, removed, times, 0, size - removed);
      System.arraycopy(values, removed, values, 0, size - removed);
      size -= removed;
    }
    return removed;
  }

  long timeAt(int index) {
    return times[index];
  }

  long valueAt(int index) {
    return values[index];
  }
}
