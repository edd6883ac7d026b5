package dev.plot.core;

import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What both front ends call: saving samples and reading series. Input is checked here, all or
 * nothing, before anything reaches the store.
 */
public final class PlotService implements AutoCloseable {

  private final PointStore store;
  private final CoreConfig config;
  private final Clock clock;
  private final Registry registry;
  private final WritePath writes;

  public PlotService(PointStore store, CoreConfig config, Clock clock) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.registry = new Registry(store, config.autoDefine());
    this.writes = new WritePath(store, config);
  }

  public CoreConfig config() {
    return config;
  }

  public Registry registry() {
    return registry;
  }

  public PointStore store() {
    return store;
  }

  public WritePath writes() {
    return writes;
  }

  /** The seed's call: one value stamped with the server's clock. */
  public void plot(long cid, long rid, long value) {
    save(List.of(Sample.untimed(cid, rid, value)));
  }

  /**
   * Saves a batch after checking every sample; one bad sample refuses the whole batch with its
   * index. Returns after the commit.
   */
  public int save(List<Sample> samples) {
    List<Sample> timed = prepare(samples);
    return writes.save(timed);
  }

  /**
   * Checks a batch and stamps untimed samples, without saving it.
   *
   * @throws PlotError naming the index of the first bad sample
   */
  public List<Sample> prepare(List<Sample> samples) {
    if (samples.size() > config.maxBatchSamples()) {
      throw PlotError.of(PlotError.Code.TOO_LARGE, "samples", "a batch holds at most "
          + CoreConfig.MAX_BATCH + "=" + config.maxBatchSamples() + " samples, not "
          + samples.size());
    }
    long now = clock.millis() / 1000;
    List<Sample> timed = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      Sample sample = samples.get(i);
      try {
        Validation.checkCid(sample.cid());
        Category category = registry.forWrite(sample.cid());
        Validation.checkSample(sample, category);
      } catch (PlotError e) {
        throw samples.size() == 1 ? e : e.atIndex(i);
      }
      timed.add(sample.hasTime() ? sample : sample.at(now));
    }
    return timed;
  }

  /**
   * The newest points of a series, newest first: the stored integers for a gauge, the
   * increases for a counter. An unknown series gives an empty list.
   */
  public List<Point> newest(long cid, long rid, long limit) {
    Validation.checkCid(cid);
    Validation.checkRid(rid);
    int clamped = Validation.clampLimit(limit, config.maxLimit());
    Optional<Category> category = registry.find(cid);
    try {
      if (category.isPresent() && category.get().kind() == Kind.COUNTER) {
        return newestIncreases(category.get(), rid, clamped);
      }
      return store.newest(cid, rid, clamped);
    } catch (StoreException e) {
      throw PlotError.unavailable("read failed: " + e.getMessage());
    }
  }

  /** {@link #newest} with each value divided by {@code base}. */
  public List<Double> newest(long cid, long rid, long limit, double base) {
    Validation.checkBase(base);
    List<Point> points = newest(cid, rid, limit);
    List<Double> values = new ArrayList<>(points.size());
    for (Point point : points) {
      values.add(divide(point.value(), base));
    }
    return values;
  }

  /** A value divided by a base; refuses a base so small that the quotient is not finite. */
  public static double divide(long value, double base) {
    double quotient = value / base;
    if (!Double.isFinite(quotient)) {
      throw PlotError.bad("base", "base " + base + " is too small: " + value
          + " divided by it is not a finite number");
    }
    return quotient;
  }

  private List<Point> newestIncreases(Category category, long rid, int limit) {
    // Increases need one sample more than points, and a gap drops points: widen until enough.
    int fetch = limit + 1;
    while (true) {
      List<Point> raw = store.newest(category.cid(), rid, fetch);
      List<Point> oldestFirst = new ArrayList<>(raw.size());
      for (int i = raw.size() - 1; i >= 0; i--) {
        oldestFirst.add(raw.get(i));
      }
      List<Point> increases = CounterMath.increases(oldestFirst, category);
      if (increases.size() >= limit || raw.size() < fetch || fetch >= config.maxLimit() * 4) {
        int from = Math.max(0, increases.size() - limit);
        List<Point> newestFirst = new ArrayList<>(increases.size() - from);
        for (int i = increases.size() - 1; i >= from; i--) {
          newestFirst.add(increases.get(i));
        }
        return newestFirst;
      }
      fetch = (int) Math.min((long) fetch * 2, (long) config.maxLimit() * 4);
    }
  }

  /** Stops taking writes, commits what is queued. The store is closed by its owner. */
  @Override
  public void close() {
    writes.close();
  }
}
