package dev.plot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seeded W1 data set: {@code seriesCount} series (rids 1..n of one cid) of {@code points}
 * points each, {@link #STEP} seconds apart and ending at {@link #END_TIME}; values are a
 * mean-reverting random walk around 10^7, clipped at 0, like the peers' {@code gen_w1.py}
 * (same shape and seed, not the same numbers: Java's generator is not Python's).
 *
 * <p>Points are handed out in time-major order (each minute, every series), which is how a
 * live poller writes and how the peers were loaded.
 */
public final class Workload {

  /** Unix seconds of the newest point of every series. */
  public static final long END_TIME = 1_764_806_400L;
  /** Seconds between two points of a series. */
  public static final long STEP = 60;
  /** Centre of the random walk. */
  private static final double CENTRE = 1e7;

  private final long cid;
  private final int seriesCount;
  private final int points;
  /** Values in time-major order: index {@code point * seriesCount + series}. */
  private final long[] values;

  private Workload(long cid, int seriesCount, int points, long[] values) {
    this.cid = cid;
    this.seriesCount = seriesCount;
    this.points = points;
    this.values = values;
  }

  /**
   * Generates the data set.
   *
   * @throws IllegalArgumentException when a count is below 1 or the total exceeds an array
   */
  public static Workload generate(long cid, int seriesCount, int points, long seed) {
    if (seriesCount < 1 || points < 1) {
      throw new IllegalArgumentException("series and points must be 1 or more, not "
          + seriesCount + " and " + points);
    }
    long total = (long) seriesCount * points;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("at most 2^31 points, not " + total);
    }
    Random random = new Random(seed);
    long[] values = new long[(int) total];
    for (int series = 0; series < seriesCount; series++) {
      double value = 5e6 + random.nextDouble() * 1e7;
      for (int point = 0; point < points; point++) {
        value += random.nextGaussian() * 3e5 + (CENTRE - value) * 0.01;
        if (value < 0) {
          value = 0;
        }
        values[point * seriesCount + series] = (long) value;
      }
    }
    return new Workload(cid, seriesCount, points, values);
  }

  public long cid() {
    return cid;
  }

  public int seriesCount() {
    return seriesCount;
  }

  /** Points of each series. */
  public int points() {
    return points;
  }

  /** Points of all series together. */
  public int totalPoints() {
    return values.length;
  }

  /** The rid of the series at a 0-based index. */
  public long rid(int series) {
    return series + 1L;
  }

  /** Unix seconds of a 0-based point index; the last one is {@link #END_TIME}. */
  public long time(int point) {
    return END_TIME - (long) (points - 1 - point) * STEP;
  }

  /** The value of one series at one point. */
  public long value(int series, int point) {
    return values[point * seriesCount + series];
  }

  /** The newest value of the series with this rid. */
  public long newestValue(long rid) {
    return value((int) (rid - 1), points - 1);
  }

  /** How many batches of {@code batchSize} the whole set makes, the last maybe shorter. */
  public int batchCount(int batchSize) {
    return (int) ((values.length + (long) batchSize - 1) / batchSize);
  }

  /** A visitor of the samples of a batch. */
  @FunctionalInterface
  public interface SampleSink {
    void accept(long cid, long rid, long time, long value);
  }

  /** Hands the samples of batch {@code batch} (time-major order) to {@code sink}. */
  public void forEachInBatch(int batch, int batchSize, SampleSink sink) {
    int from = batch * batchSize;
    int to = Math.min(values.length, from + batchSize);
    for (int i = from; i < to; i++) {
      int point = i / seriesCount;
      int series = i % seriesCount;
      sink.accept(cid, rid(series), time(point), values[i]);
    }
  }

  /** The samples of one batch as plot's Thrift structs. */
  public List<dev.plot.thrift.gen.Sample> thriftBatch(int batch, int batchSize) {
    List<dev.plot.thrift.gen.Sample> samples = new ArrayList<>(batchSize);
    forEachInBatch(batch, batchSize, (c, r, t, v) -> {
      dev.plot.thrift.gen.Sample sample = new dev.plot.thrift.gen.Sample(c, r, v);
      sample.setTime(t);
      samples.add(sample);
    });
    return samples;
  }

  /** The samples of one batch as plot's API records. */
  public List<dev.plot.api.Sample> apiBatch(int batch, int batchSize) {
    List<dev.plot.api.Sample> samples = new ArrayList<>(batchSize);
    forEachInBatch(batch, batchSize,
        (c, r, t, v) -> samples.add(new dev.plot.api.Sample(c, r, t, v)));
    return samples;
  }
}
