package com.example.plot.memory;

import dev.plot.api.Category;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoredChart;
import dev.plot.api.WriteBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An example third-party store: everything in memory, one lock. It shows what a plugin
 * implements; it keeps nothing across a restart of the server.
 */
public final class MemoryStore implements PointStore {

  /** What a store holds; a second store over the same data stands for a reopened one. */
  public static final class Data {
    private final Map<Long, Map<Long, NavigableSet<Stored>>> points = new HashMap<>();
    private final Set<String> batches = new HashSet<>();
    private final Map<Long, Category> categories = new TreeMap<>();
    private final Map<String, StoredChart> charts = new HashMap<>();
    private final TreeMap<String, String> meta = new TreeMap<>();
    private long seq;
  }

  /** A point with the sequence that orders equal times by commit. */
  private record Stored(long time, long seq, long value) {
    static final Comparator<Stored> ORDER =
        Comparator.comparingLong(Stored::time).thenComparingLong(Stored::seq);

    Point point() {
      return new Point(time, value);
    }
  }

  private final Data data;

  public MemoryStore(Data data) {
    this.data = data;
  }

  @Override
  public int append(WriteBatch batch) {
    synchronized (data) {
      if (data.batches.add(batch.batchId())) {
        for (Sample sample : batch.samples()) {
          series(sample.cid(), sample.rid())
              .add(new Stored(sample.time(), ++data.seq, sample.value()));
        }
        data.meta.putAll(batch.meta());
      }
      return batch.samples().size();
    }
  }

  private NavigableSet<Stored> series(long cid, long rid) {
    return data.points.computeIfAbsent(cid, key -> new HashMap<>())
        .computeIfAbsent(rid, key -> new TreeSet<>(Stored.ORDER));
  }

  @Override
  public boolean hasBatch(String batchId) {
    synchronized (data) {
      return data.batches.contains(batchId);
    }
  }

  @Override
  public List<Point> newest(long cid, long rid, int limit) {
    synchronized (data) {
      return series(cid, rid).descendingSet().stream().limit(limit).map(Stored::point).toList();
    }
  }

  @Override
  public List<Point> range(long cid, long rid, long from, long to, int maxPoints) {
    synchronized (data) {
      return series(cid, rid)
          .subSet(new Stored(from, Long.MIN_VALUE, 0), true, new Stored(to, Long.MIN_VALUE, 0),
              false)
          .stream().limit(maxPoints).map(Stored::point).toList();
    }
  }

  @Override
  public Optional<Point> before(long cid, long rid, long time) {
    synchronized (data) {
      return Optional.ofNullable(series(cid, rid).lower(new Stored(time, Long.MIN_VALUE, 0)))
          .map(Stored::point);
    }
  }

  @Override
  public List<Long> rids(long cid) {
    synchronized (data) {
      return data.points.getOrDefault(cid, Map.of()).entrySet().stream()
          .filter(series -> !series.getValue().isEmpty())
          .map(Map.Entry::getKey).sorted().toList();
    }
  }

  @Override
  public int deleteBefore(long cid, long time, int maxRows) {
    synchronized (data) {
      int deleted = 0;
      for (NavigableSet<Stored> series : data.points.getOrDefault(cid, Map.of()).values()) {
        Iterator<Stored> oldest = series.iterator();
        while (deleted < maxRows && oldest.hasNext() && oldest.next().time() < time) {
          oldest.remove();
          deleted++;
        }
      }
      return deleted;
    }
  }

  @Override
  public Optional<Category> category(long cid) {
    synchronized (data) {
      return Optional.ofNullable(data.categories.get(cid));
    }
  }

  @Override
  public List<Category> categories() {
    synchronized (data) {
      return new ArrayList<>(data.categories.values());
    }
  }

  @Override
  public void putCategory(Category category) {
    synchronized (data) {
      data.categories.put(category.cid(), category);
    }
  }

  @Override
  public boolean insertCategory(Category category) {
    synchronized (data) {
      return data.categories.putIfAbsent(category.cid(), category) == null;
    }
  }

  @Override
  public String putChart(StoredChart chart) {
    synchronized (data) {
      for (StoredChart stored : data.charts.values()) {
        if (stored.specKey().equals(chart.specKey())) {
          return stored.code();
        }
      }
      data.charts.put(chart.code(), chart);
      return chart.code();
    }
  }

  @Override
  public Optional<StoredChart> chart(String code) {
    synchronized (data) {
      return Optional.ofNullable(data.charts.get(code));
    }
  }

  @Override
  public Optional<String> meta(String key) {
    synchronized (data) {
      return Optional.ofNullable(data.meta.get(key));
    }
  }

  @Override
  public Map<String, String> metaWithPrefix(String prefix) {
    synchronized (data) {
      return new TreeMap<>(data.meta.subMap(prefix, prefix + Character.MAX_VALUE));
    }
  }

  @Override
  public void putMeta(String key, String value) {
    synchronized (data) {
      if (value == null) {
        data.meta.remove(key);
      } else {
        data.meta.put(key, value);
      }
    }
  }

  @Override
  public void close() {
    // Nothing to release: the data lives as long as its holder keeps it.
  }
}
