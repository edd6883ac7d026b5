package dev.plot.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Rollup;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.core.CoreConfig;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rollups over a real store (see the subclasses), with a clock set by hand. */
abstract class RollupJobTest {

  /** Opens the store under test in an empty directory. */
  abstract PointStore openStore(Path dir);

  private static final long T0 = 1_764_806_400L;

  @TempDir
  Path dataDir;

  private final TestClock clock = new TestClock(T0);
  private PointStore store;
  private final List<PlotService> services = new ArrayList<>();

  @BeforeEach
  void open() {
    store = openStore(dataDir);
  }

  @AfterEach
  void close() {
    services.forEach(PlotService::close);
    store.close();
  }

  private PlotService service(PointStore over) {
    PlotService service = new PlotService(over, CoreConfig.defaults(), clock);
    services.add(service);
    return service;
  }

  private RollupJob job(PointStore over, String... settings) {
    return new RollupJob(service(over), JobsConfig.from(Settings.of(settings)), clock);
  }

  private void define(long cid, Kind kind, long step, Rollup rollup) {
    store.putCategory(new Category(cid, "cid " + cid, "", null, step, kind, null, null, "UTC", 0,
        rollup));
  }

  private void save(long cid, long rid, long... timesAndValues) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i + 1 < timesAndValues.length; i += 2) {
      samples.add(new Sample(cid, rid, timesAndValues[i], timesAndValues[i + 1]));
    }
    service(store).save(samples);
  }

  private static List<Point> points(long... timesAndValues) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i + 1 < timesAndValues.length; i += 2) {
      points.add(new Point(timesAndValues[i], timesAndValues[i + 1]));
    }
    return points;
  }

  // ---- CASES 10: day buckets in a zone ----

  private void hourlyOnesAcrossSpringForward() {
    define(21, Kind.GAUGE, 3600, new Rollup(121, 86_400, Agg.SUM, "America/New_York"));
    List<Long> timesAndValues = new ArrayList<>();
    for (long t = 1_394_254_800L; t <= 1_394_506_800L; t += 3600) {
      timesAndValues.add(t);
      timesAndValues.add(1L);
    }
    save(21, 1, timesAndValues.stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void runOnce_dayBucketsInZoneWith23HourDay() {
    hourlyOnesAcrossSpringForward();
    clock.set(1_394_600_000L);

    job(store).runOnce();

    assertEquals(71, store.range(21, 1, 0, Long.MAX_VALUE, 100).size());
    assertEquals(points(1_394_424_000L, 24, 1_394_341_200L, 23, 1_394_254_800L, 24),
        store.newest(121, 1, 10));
    Category target = store.category(121).orElseThrow();
    assertEquals(86_400, target.step());
    assertEquals("America/New_York", target.zone());
  }

  @Test
  void runOnce_bucketClosesOnlyAfterLateness() {
    hourlyOnesAcrossSpringForward();
    long lastDayEnd = 1_394_510_400L;
    RollupJob job = job(store, JobsConfig.ROLLUP_LATENESS, "300");

    clock.set(lastDayEnd + 299);
    job.runOnce();
    assertEquals(points(1_394_341_200L, 23, 1_394_254_800L, 24), store.newest(121, 1, 10));

    clock.set(lastDayEnd + 300);
    job.runOnce();
    assertEquals(points(1_394_424_000L, 24, 1_394_341_200L, 23, 1_394_254_800L, 24),
        store.newest(121, 1, 10));
    assertEquals(3, job.pointsWritten());
    assertEquals(2, job.runs());
  }

  // ---- lateness, gaps, counters ----

  @Test
  void runOnce_latePointWithinLatenessCountsLaterOneDoesNot() {
    define(5, Kind.GAUGE, 10, new Rollup(105, 60, Agg.SUM, "UTC"));
    RollupJob job = job(store, JobsConfig.ROLLUP_LATENESS, "300");
    save(5, 1, T0 + 10, 1);

    clock.set(T0 + 359);
    job.runOnce();
    save(5, 1, T0 + 50, 2);
    clock.set(T0 + 360);
    job.runOnce();
    save(5, 1, T0 + 20, 4);
    clock.set(T0 + 3600);
    job.runOnce();

    assertEquals(points(T0, 3), store.newest(105, 1, 10));
  }

  @Test
  void runOnce_emptyBucketsWriteNothingAndGapIsSkipped() {
    define(5, Kind.GAUGE, 60, new Rollup(105, 60, Agg.MAX, "UTC"));
    save(5, 1, T0, 7, T0 + 30, 9, T0 + 86_400 * 30, 4);
    clock.set(T0 + 86_400 * 31);

    RollupJob job = job(store, JobsConfig.ROLLUP_CHUNK, "5");
    job.runOnce();

    assertEquals(points(T0 + 86_400 * 30, 4, T0, 9), store.newest(105, 1, 10));
    assertEquals(2, job.batchesWritten());
    assertEquals(Optional.of(Long.toString(T0 + 86_400 * 31 - 300)),
        store.meta(RollupJob.watermarkKey(5, 105, 1)));
  }

  @Test
  void runOnce_counterSumsIncreasesPerRid() {
    define(1, Kind.COUNTER, 60, new Rollup(101, 86_400, Agg.SUM, "UTC"));
    save(1, 3, T0 - 120, 1000, T0 - 60, 1500, T0, 1600, T0 + 60, 100, T0 + 120, 300);
    save(1, 4, T0 + 60, 10, T0 + 120, 15);
    clock.set(T0 + 86_400 * 2);

    job(store).runOnce();

    assertEquals(points(T0, 400, T0 - 86_400, 500), store.newest(101, 3, 10));
    assertEquals(points(T0, 5), store.newest(101, 4, 10));
  }

  @Test
  void runOnce_avgRoundedHalfAwayFromZero() {
    define(5, Kind.GAUGE, 10, new Rollup(105, 60, Agg.AVG, "UTC"));
    save(5, 1, T0, 1, T0 + 10, 2, T0 + 60, 5, T0 + 70, 5, T0 + 80, 6);
    clock.set(T0 + 3600);

    job(store).runOnce();

    assertEquals(points(T0 + 60, 5, T0, 2), store.newest(105, 1, 10));
  }

  // ---- restart in the middle of a run ----

  /**
   * The store, calling {@code before} ahead of the append with the given number and
   * {@code after} once it has committed.
   */
  private PointStore onAppend(int number, Runnable before, Runnable after) {
    AtomicInteger appends = new AtomicInteger();
    return (PointStore) Proxy.newProxyInstance(PointStore.class.getClassLoader(),
        new Class<?>[] {PointStore.class}, (proxy, method, args) -> {
          boolean hooked = method.getName().equals("append")
              && appends.incrementAndGet() == number;
          if (hooked) {
            before.run();
          }
          Object result;
          try {
            result = method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (hooked) {
            after.run();
          }
          return result;
        });
  }

  private static void nothing() {
  }

  private void tenMinutes() {
    define(5, Kind.GAUGE, 10, new Rollup(105, 60, Agg.SUM, "UTC"));
    List<Long> timesAndValues = new ArrayList<>();
    for (long t = T0; t < T0 + 600; t += 20) {
      timesAndValues.add(t);
      timesAndValues.add(t - T0);
    }
    save(5, 1, timesAndValues.stream().mapToLong(Long::longValue).toArray());
    clock.set(T0 + 3600);
  }

  private static List<Point> tenMinuteSums() {
    List<Point> expected = new ArrayList<>();
    for (long minute = 9; minute >= 0; minute--) {
      long first = minute * 60;
      expected.add(new Point(T0 + first, first + (first + 20) + (first + 40)));
    }
    return expected;
  }

  @Test
  void runOnce_restartAfterFailureBeforeCommitCountsEachBucketOnce() {
    tenMinutes();
    PointStore failing = onAppend(4, () -> {
      throw new StoreException("connection lost before commit");
    }, RollupJobTest::nothing);

    assertThrows(StoreException.class,
        () -> job(failing, JobsConfig.ROLLUP_CHUNK, "1").runOnce());
    assertEquals(3, store.newest(105, 1, 100).size());
    job(store, JobsConfig.ROLLUP_CHUNK, "1").runOnce();

    assertEquals(tenMinuteSums(), store.newest(105, 1, 100));
  }

  @Test
  void runOnce_restartAfterCommitInDoubtCountsEachBucketOnce() {
    tenMinutes();
    PointStore inDoubt = onAppend(2, RollupJobTest::nothing, () -> {
      throw new StoreException("connection lost after commit");
    });

    assertThrows(StoreException.class,
        () -> job(inDoubt, JobsConfig.ROLLUP_CHUNK, "3").runOnce());
    assertEquals(6, store.newest(105, 1, 100).size());
    RollupJob restarted = job(store, JobsConfig.ROLLUP_CHUNK, "3");
    restarted.runOnce();
    restarted.runOnce();

    assertEquals(tenMinuteSums(), store.newest(105, 1, 100));
    assertEquals(4, restarted.pointsWritten());
  }

  @Test
  void runOnce_stoppedAfterSomeBucketsNextJobResumes() {
    tenMinutes();
    AtomicReference<RollupJob> first = new AtomicReference<>();
    first.set(job(onAppend(3, RollupJobTest::nothing, () -> first.get().close()),
        JobsConfig.ROLLUP_CHUNK, "1"));

    first.get().runOnce();
    assertEquals(3, first.get().pointsWritten());
    assertEquals(3, store.newest(105, 1, 100).size());
    job(store, JobsConfig.ROLLUP_CHUNK, "4").runOnce();

    assertEquals(tenMinuteSums(), store.newest(105, 1, 100));
  }

  @Test
  void runOnce_twoServersRacingOnOneChunkWriteItOnce() {
    tenMinutes();
    RollupJob other = job(store, JobsConfig.ROLLUP_CHUNK, "10");
    RollupJob racing = job(onAppend(1, other::runOnce, RollupJobTest::nothing),
        JobsConfig.ROLLUP_CHUNK, "10");

    racing.runOnce();

    assertEquals(tenMinuteSums(), store.newest(105, 1, 100));
    assertEquals(1, racing.batchesWritten());
    assertEquals(1, other.batchesWritten());
  }
}
