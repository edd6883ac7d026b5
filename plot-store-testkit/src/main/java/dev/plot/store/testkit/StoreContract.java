package dev.plot.store.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Rollup;
import dev.plot.api.Sample;
import dev.plot.api.StoredChart;
import dev.plot.api.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link PointStore} keeps. A store module (or a third-party plugin) extends
 * this class and says how to open an empty store and how to reopen it on the same data.
 */
public abstract class StoreContract {

  /** 2025-12-04T00:00:00Z, the reference time of plot's test cases. */
  protected static final long T0 = 1_764_806_400L;

  protected PointStore store;

  /** Opens a store holding nothing. */
  protected abstract PointStore openEmpty();

  /** Opens the store again on the data of the one last opened (which is closed already). */
  protected abstract PointStore reopen();

  @BeforeEach
  void openStore() {
    store = openEmpty();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  protected static WriteBatch batch(Sample... samples) {
    return WriteBatch.of(UUID.randomUUID().toString(), List.of(samples));
  }

  protected static Sample at(long cid, long rid, long time, long value) {
    return new Sample(cid, rid, time, value);
  }

  // ---- writes and the newest points ----

  @Test
  void newest_returnsNewestFirstByTime() {
    store.append(batch(at(3, 95, T0 + 60, 2), at(3, 95, T0, 1), at(3, 95, T0 + 120, 3)));

    assertEquals(List.of(new Point(T0 + 120, 3), new Point(T0 + 60, 2), new Point(T0, 1)),
        store.newest(3, 95, 10));
  }

  @Test
  void newest_equalTimesLaterCommitFirst() {
    store.append(batch(at(23, 1, T0, 600), at(23, 1, T0, 700)));
    store.append(batch(at(23, 1, T0 - 60, 5)));
    store.append(batch(at(23, 1, T0, 800)));

    assertEquals(List.of(new Point(T0, 800), new Point(T0, 700), new Point(T0, 600),
        new Point(T0 - 60, 5)), store.newest(23, 1, 10));
  }

  @Test
  void newest_limitCutsOldest() {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      samples.add(at(3, 1, T0 + i * 60L, i));
    }
    store.append(WriteBatch.of("b1", samples));

    List<Point> newest = store.newest(3, 1, 7);

    assertEquals(7, newest.size());
    assertEquals(new Point(T0 + 99 * 60L, 99), newest.get(0));
    assertEquals(new Point(T0 + 93 * 60L, 93), newest.get(6));
  }

  @Test
  void newest_unknownSeriesIsEmpty() {
    store.append(batch(at(3, 1, T0, 1)));

    assertEquals(List.of(), store.newest(3, 2, 10));
    assertEquals(List.of(), store.newest(4, 1, 10));
  }

  @Test
  void newest_seriesDoNotMix() {
    store.append(batch(at(3, 1, T0, 1), at(3, 2, T0, 2), at(4, 1, T0, 3)));

    assertEquals(List.of(new Point(T0, 2)), store.newest(3, 2, 10));
    assertEquals(List.of(new Point(T0, 3)), store.newest(4, 1, 10));
  }

  @Test
  void append_extremeValuesExact() {
    store.append(batch(at(18, 1, T0, Long.MAX_VALUE), at(18, 1, T0 + 60, -Long.MAX_VALUE),
        at(18, 1, T0 + 120, 9_007_199_254_740_993L), at(18, 1, T0 + 180, 0)));

    assertEquals(List.of(new Point(T0 + 180, 0), new Point(T0 + 120, 9_007_199_254_740_993L),
        new Point(T0 + 60, -Long.MAX_VALUE), new Point(T0, Long.MAX_VALUE)),
        store.newest(18, 1, 10));
  }

  @Test
  void append_largeIds() {
    long cid = Long.MAX_VALUE - 1;
    store.append(batch(at(cid, Integer.MAX_VALUE * 3L, T0, 5)));

    assertEquals(List.of(new Point(T0, 5)), store.newest(cid, Integer.MAX_VALUE * 3L, 1));
  }

  @Test
  void append_sameBatchIdSavedOnce() {
    WriteBatch once = WriteBatch.of("retry-me", List.of(at(3, 1, T0, 1), at(3, 1, T0 + 60, 2)));

    store.append(once);
    store.append(once);

    assertTrue(store.hasBatch("retry-me"));
    assertFalse(store.hasBatch("never-sent"));
    assertEquals(2, store.newest(3, 1, 10).size());
  }

  @Test
  void append_metaInSameTransaction() {
    store.append(new WriteBatch("with-meta", List.of(at(3, 1, T0, 1)),
        Map.of("rollup:3", String.valueOf(T0))));

    assertEquals(Optional.of(String.valueOf(T0)), store.meta("rollup:3"));
  }

  @Test
  void append_concurrentWritersLoseNothing() throws Exception {
    int writers = 4;
    int batches = 25;
    int perBatch = 200;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        long rid = w + 1;
        done.add(pool.submit(() -> {
          for (int b = 0; b < batches; b++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
              samples.add(at(5, rid, T0 + (long) b * perBatch + i, i));
            }
            store.append(WriteBatch.of(UUID.randomUUID().toString(), samples));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    for (long rid = 1; rid <= writers; rid++) {
      assertEquals(batches * perBatch, store.newest(5, rid, 100_000).size());
    }
    assertEquals(List.of(1L, 2L, 3L, 4L), store.rids(5));
  }

  @Test
  void reopen_keepsPointsCategoriesAndOrder() {
    store.append(batch(at(23, 1, T0, 600), at(23, 1, T0, 700)));
    store.putCategory(named(23, "VPS · 带宽 · 入 💩"));
    store.close();

    store = reopen();
    store.append(batch(at(23, 1, T0, 800)));

    assertEquals(List.of(new Point(T0, 800), new Point(T0, 700), new Point(T0, 600)),
        store.newest(23, 1, 10));
    assertEquals("VPS · 带宽 · 入 💩", store.category(23).orElseThrow().name());
  }

  // ---- ranges ----

  @Test
  void range_fromInclusiveToExclusiveOldestFirst() {
    store.append(batch(at(3, 1, T0, 1), at(3, 1, T0 + 60, 2), at(3, 1, T0 + 120, 3),
        at(3, 1, T0 + 60, 4)));

    assertEquals(List.of(new Point(T0 + 60, 2), new Point(T0 + 60, 4)),
        store.range(3, 1, T0 + 60, T0 + 120, 1000));
    assertEquals(List.of(new Point(T0, 1)), store.range(3, 1, 0, T0 + 120, 1));
  }

  @Test
  void before_findsNewestEarlierPoint() {
    store.append(batch(at(3, 1, T0, 1), at(3, 1, T0 + 60, 2), at(3, 1, T0 + 120, 3)));

    assertEquals(Optional.of(new Point(T0 + 60, 2)), store.before(3, 1, T0 + 120));
    assertEquals(Optional.empty(), store.before(3, 1, T0));
  }

  @Test
  void deleteBefore_removesOnlyOlderPoints() {
    store.append(batch(at(3, 1, T0, 1), at(3, 1, T0 + 60, 2), at(3, 2, T0, 3),
        at(3, 1, T0 + 120, 4)));

    int first = store.deleteBefore(3, T0 + 60, 1);
    int rest = store.deleteBefore(3, T0 + 60, 100);

    assertEquals(1, first);
    assertEquals(1, rest);
    assertEquals(List.of(new Point(T0 + 120, 4), new Point(T0 + 60, 2)), store.newest(3, 1, 10));
    assertEquals(List.of(), store.newest(3, 2, 10));
  }

  // ---- categories ----

  @Test
  void categories_roundTripEveryField() {
    Category counter = new Category(13, "VPS · 带宽 · 入", "Mbit/s", 131072.0, 60, Kind.COUNTER,
        4_294_967_296L, 180L, "America/New_York", 86_400 * 30L,
        new Rollup(14, 86_400, Agg.SUM, "Asia/Shanghai"));
    store.putCategory(counter);
    store.putCategory(named(2, "two"));

    assertEquals(Optional.of(counter), store.category(13));
    assertEquals(List.of(2L, 13L), store.categories().stream().map(Category::cid).toList());
    assertEquals(Optional.empty(), store.category(99));
  }

  @Test
  void insertCategory_keepsTheFirst() {
    assertTrue(store.insertCategory(named(7, "first")));
    assertFalse(store.insertCategory(named(7, "second")));

    assertEquals("first", store.category(7).orElseThrow().name());
  }

  @Test
  void insertCategory_racingWritersInsertOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> inserted = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "writer " + i;
        inserted.add(pool.submit(() -> store.insertCategory(named(8, name))));
      }
      int winners = 0;
      for (Future<Boolean> future : inserted) {
        winners += future.get() ? 1 : 0;
      }
      assertEquals(1, winners);
    } finally {
      pool.shutdown();
    }
  }

  // ---- chart links and metadata ----

  @Test
  void putChart_sameSpecKeyKeepsFirstCode() {
    String first = store.putChart(new StoredChart("Abc12345", "key1", "{\"t\":\"带宽\"}", T0));
    String second = store.putChart(new StoredChart("Zzz99999", "key1", "{\"t\":\"带宽\"}", T0));

    assertEquals("Abc12345", first);
    assertEquals("Abc12345", second);
    assertEquals("{\"t\":\"带宽\"}", store.chart("Abc12345").orElseThrow().spec());
    assertEquals(Optional.empty(), store.chart("Zzz99999"));
  }

  @Test
  void meta_putReadListRemove() {
    store.putMeta("group:web", "1,2,3");
    store.putMeta("group:db", "4");
    store.putMeta("other", "x");
    store.putMeta("group:db", "5");

    assertEquals(Map.of("group:web", "1,2,3", "group:db", "5"), store.metaWithPrefix("group:"));
    store.putMeta("group:web", null);
    assertEquals(Optional.empty(), store.meta("group:web"));
  }

  protected static Category named(long cid, String name) {
    return new Category(cid, name, "", null, 60, Kind.GAUGE, null, null, "UTC", 0, null);
  }
}
