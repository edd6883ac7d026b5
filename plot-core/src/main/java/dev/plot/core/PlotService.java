package dev.plot.core;

import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What both front ends call: saving samples and reading series. Input is checked here, all or
 * nothing, before anything reaches the store.
 */
public final class PlotService implements AutoCloseable {

  /** Metadata key prefix of rid groups. */
  public static final String GROUP_PREFIX = "group:";

  private final PointStore store;
  private final CoreConfig config;
  private final Clock clock;
  private final Registry registry;
  private final WritePath writes;
  private final RangeReader ranges;

  public PlotService(PointStore store, CoreConfig config, Clock clock) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.registry = new Registry(store, config.autoDefine());
    this.writes = new WritePath(store, config);
    this.ranges = new RangeReader(store, config.maxLimit(), config.maxRangePoints());
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
    // Unknown cids are defined only once the whole batch has passed, so a refused batch
    // leaves no category behind.
    Map<Long, Category> undefined = new HashMap<>();
    Category category = null;
    for (int i = 0; i < samples.size(); i++) {
      Sample sample = samples.get(i);
      try {
        Validation.checkCid(sample.cid());
        // A batch is mostly one cid: look it up once per run of equal cids.
        if (category == null || category.cid() != sample.cid()) {
          category = registry.find(sample.cid()).orElse(null);
          if (category == null) {
            category = undefined.computeIfAbsent(sample.cid(), registry::defaultsForWrite);
          }
        }
        Validation.checkSample(sample, category);
      } catch (PlotError e) {
        throw samples.size() == 1 ? e : e.atIndex(i);
      } catch (StoreException e) {
        throw PlotError.unavailable("category registry unavailable: " + e.getMessage());
      }
      timed.add(sample.hasTime() ? sample : sample.at(now));
    }
    if (!undefined.isEmpty()) {
      defineFirstWritten(samples, undefined);
    }
    return timed;
  }

  private void defineFirstWritten(List<Sample> samples, Map<Long, Category> undefined) {
    Map<Long, Category> stored = new HashMap<>();
    try {
      for (Long cid : undefined.keySet()) {
        stored.put(cid, registry.forWrite(cid));
      }
    } catch (StoreException e) {
      throw PlotError.unavailable("category registry unavailable: " + e.getMessage());
    }
    for (int i = 0; i < samples.size(); i++) {
      Sample sample = samples.get(i);
      Category category = stored.get(sample.cid());
      // Another client may have defined the cid differently (a counter with a wrap) meanwhile.
      if (category != null && !category.equals(undefined.get(sample.cid()))) {
        try {
          Validation.checkSample(sample, category);
        } catch (PlotError e) {
          throw samples.size() == 1 ? e : e.atIndex(i);
        }
      }
    }
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
    // In long arithmetic: a maximum limit near 2^31 must not overflow the fetch size.
    int maxFetch = (int) Math.min(Integer.MAX_VALUE, 4L * config.maxLimit());
    int fetch = (int) Math.min(maxFetch, limit + 1L);
    while (true) {
      List<Point> raw = store.newest(category.cid(), rid, fetch);
      List<Point> oldestFirst = new ArrayList<>(raw.size());
      for (int i = raw.size() - 1; i >= 0; i--) {
        oldestFirst.add(raw.get(i));
      }
      List<Point> increases = CounterMath.increases(oldestFirst, category);
      if (increases.size() >= limit || raw.size() < fetch || fetch >= maxFetch) {
        int from = Math.max(0, increases.size() - limit);
        List<Point> newestFirst = new ArrayList<>(increases.size() - from);
        for (int i = increases.size() - 1; i >= from; i--) {
          newestFirst.add(increases.get(i));
        }
        return newestFirst;
      }
      fetch = (int) Math.min(fetch * 2L, maxFetch);
    }
  }

  /**
   * A range read: buckets newest first, each the exact aggregate of its points, null where a
   * bucket holds none. An unknown cid reads as a gauge with no points.
   */
  public List<Bucket> range(RangeQuery query) {
    Validation.checkCid(query.cid());
    Category category = registry.find(query.cid()).orElse(Category.defaults(query.cid()));
    try {
      return ranges.read(query, category);
    } catch (StoreException e) {
      throw PlotError.unavailable("read failed: " + e.getMessage());
    }
  }

  /** Names a group of rids, so reads can combine them as {@code group:NAME}. */
  public void defineGroup(String name, List<Long> rids) {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw PlotError.bad("name", "a group name has 1 to 64 of A-Z a-z 0-9 . _ -");
    }
    if (rids.isEmpty() || rids.size() > config.maxLimit()) {
      throw PlotError.bad("rids", "a group holds 1 to " + config.maxLimit() + " rids");
    }
    Validation.checkRids(rids, "rids");
    StringBuilder text = new StringBuilder();
    for (long rid : rids) {
      text.append(text.length() == 0 ? "" : ",").append(rid);
    }
    store.putMeta(GROUP_PREFIX + name, text.toString());
  }

  /** The rids of a named group; a 404 naming the group when it is not defined. */
  public List<Long> group(String name) {
    String rids = store.meta(GROUP_PREFIX + name).orElseThrow(
        () -> PlotError.notFound("group", "group " + name + " is not defined"));
    return java.util.Arrays.stream(rids.split(",")).map(Long::valueOf).toList();
  }

  /** Every group by name. */
  public java.util.Map<String, List<Long>> groups() {
    java.util.Map<String, List<Long>> groups = new java.util.TreeMap<>();
    store.metaWithPrefix(GROUP_PREFIX).forEach((key, rids) -> groups.put(
        key.substring(GROUP_PREFIX.length()),
        java.util.Arrays.stream(rids.split(",")).map(Long::valueOf).toList()));
    return groups;
  }

  /** Removes a group; reads naming it fail afterwards. */
  public void deleteGroup(String name) {
    group(name);
    store.putMeta(GROUP_PREFIX + name, null);
  }

  /** Stops taking writes, commits what is queued. The store is closed by its owner. */
  @Override
  public void close() {
    writes.close();
  }
}
