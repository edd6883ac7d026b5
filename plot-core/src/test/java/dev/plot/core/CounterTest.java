package dev.plot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.Sample;
import dev.plot.store.h2.H2Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counter reads (CASES 1-3 and their edges) over the real embedded H2 store. */
final class CounterTest {

  private static final long T0 = 1_764_806_400L;
  private static final long WRAP_32 = 4_294_967_296L;

  @TempDir
  Path dataDir;

  private H2Store store;
  private PlotService service;

  @BeforeEach
  void open() {
    store = new H2Store(dataDir, false, 4);
    Clock clock = Clock.fixed(Instant.ofEpochSecond(T0 + 3600), ZoneOffset.UTC);
    service = new PlotService(store, CoreConfig.defaults(), clock);
  }

  @AfterEach
  void close() {
    service.close();
    store.close();
  }

  private void counter(long cid, Long wrap, Long maxGap) {
    service.registry().define(new Category(cid, "counter " + cid, "B", null, 60, Kind.COUNTER,
        wrap, maxGap, "UTC", 0, null));
  }

  private void save(long cid, long... timesAndValues) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i + 1 < timesAndValues.length; i += 2) {
      samples.add(new Sample(cid, 1, timesAndValues[i], timesAndValues[i + 1]));
    }
    service.save(samples);
  }

  private static List<Point> points(long... timesAndValues) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i + 1 < timesAndValues.length; i += 2) {
      points.add(new Point(timesAndValues[i], timesAndValues[i + 1]));
    }
    return points;
  }

  private List<String> range(long cid, long from, long to, long step, Agg agg, boolean rate) {
    return service.range(new RangeQuery(cid, List.of(1L), from, to, step, agg, null, rate, null))
        .stream()
        .map(bucket -> bucket.time() + "=" + (bucket.value() == null ? "null"
            : bucket.value().toPlainString()))
        .toList();
  }

  // ---- CASES 1-3 ----

  @Test
  void newest_resetCountedFromZero() {
    counter(11, null, null);
    save(11, T0, 1000, T0 + 60, 1060, T0 + 120, 1120, T0 + 180, 1180, T0 + 240, 40,
        T0 + 300, 100, T0 + 360, 160);

    assertEquals(points(T0 + 360, 60, T0 + 300, 60, T0 + 240, 40, T0 + 180, 60, T0 + 120, 60,
        T0 + 60, 60), service.newest(11, 1, 10));
  }

  @Test
  void newest_wrapsExactlyAt2Pow32() {
    counter(13, WRAP_32, null);
    save(13, T0, 4_294_967_294L, T0 + 60, 4_294_967_295L, T0 + 120, 0, T0 + 180, 1);

    assertEquals(points(T0 + 180, 1, T0 + 120, 1, T0 + 60, 1), service.newest(13, 1, 10));
  }

  @Test
  void save_valueAtWrapRefusedNothingStored() {
    counter(13, WRAP_32, null);
    save(13, T0, 4_294_967_294L);

    PlotError error = assertThrows(PlotError.class,
        () -> service.save(List.of(new Sample(13, 1, T0 + 60, WRAP_32))));

    assertEquals("value", error.field());
    assertEquals(points(T0, 4_294_967_294L), store.newest(13, 1, 10));
  }

  @Test
  void newest_restartDuringGapGivesNoPointAcrossGap() {
    counter(15, null, 180L);
    save(15, T0, 1000, T0 + 60, 1100, T0 + 120, 1200, T0 + 900, 50, T0 + 960, 150);

    assertEquals(points(T0 + 960, 100, T0 + 120, 100, T0 + 60, 100), service.newest(15, 1, 10));
  }

  // ---- edges ----

  @Test
  void newest_firstSampleGivesNoPoint() {
    counter(11, null, null);
    save(11, T0, 1000);

    assertEquals(List.of(), service.newest(11, 1, 10));
  }

  @Test
  void newest_gapExactlyMaxGapStillCounts() {
    counter(15, null, 180L);
    save(15, T0, 1000, T0 + 180, 1300, T0 + 361, 1400);

    assertEquals(points(T0 + 180, 300), service.newest(15, 1, 10));
  }

  @Test
  void newest_defaultMaxGapIsFiveSteps() {
    counter(11, null, null);
    save(11, T0, 0, T0 + 300, 5, T0 + 601, 9);

    assertEquals(points(T0 + 300, 5), service.newest(11, 1, 10));
  }

  @Test
  void newest_limitCountsIncreasesNotSamples() {
    counter(15, null, 180L);
    save(15, T0, 0, T0 + 60, 1, T0 + 1000, 2, T0 + 2000, 3, T0 + 2060, 5, T0 + 2120, 8);

    assertEquals(points(T0 + 2120, 3, T0 + 2060, 2), service.newest(15, 1, 2));
    assertEquals(points(T0 + 2120, 3, T0 + 2060, 2, T0 + 60, 1), service.newest(15, 1, 3));
  }

  @Test
  void newest_wrapTreatsEveryDecreaseAsWrap() {
    counter(13, 1000L, null);
    save(13, T0, 990, T0 + 60, 10);

    assertEquals(points(T0 + 60, 20), service.newest(13, 1, 10));
  }

  @Test
  void newest_equalTimeSampleGivesItsIncreaseAtThatTime() {
    counter(11, null, null);
    save(11, T0, 100, T0 + 60, 160);
    save(11, T0 + 60, 175);

    assertEquals(points(T0 + 60, 15, T0 + 60, 60), service.newest(11, 1, 10));
  }

  @Test
  void newest_baseDividesIncreases() {
    counter(11, null, null);
    save(11, T0, 0, T0 + 60, 7_864_320);

    assertEquals(List.of(1.0), service.newest(11, 1, 10, 7_864_320));
  }

  // ---- range reads of counters ----

  @Test
  void range_sumsIncreasesUsingSampleBeforeRange() {
    counter(11, null, null);
    save(11, T0, 1000, T0 + 60, 1060, T0 + 120, 1120, T0 + 180, 1180, T0 + 240, 40,
        T0 + 300, 100, T0 + 360, 160);

    assertEquals(List.of("1764806640=100", "1764806520=120"),
        range(11, T0 + 120, T0 + 360, 120, null, false));
  }

  @Test
  void range_rateIsIncreasePerSecond() {
    counter(11, null, null);
    save(11, T0, 0, T0 + 60, 600, T0 + 120, 630);

    assertEquals(List.of("1764806520=0.5", "1764806460=10"),
        range(11, T0 + 60, T0 + 180, 60, Agg.AVG, true));
  }

  @Test
  void range_rateFoldsEqualTimeIncreaseIntoItsStep() {
    counter(11, null, null);
    save(11, T0, 0, T0 + 60, 600);
    save(11, T0 + 60, 660);

    assertEquals(List.of("1764806460=11"), range(11, T0 + 60, T0 + 120, 60, Agg.SUM, true));
    assertEquals(List.of("1764806460=660"), range(11, T0 + 60, T0 + 120, 60, Agg.SUM, false));
  }

  @Test
  void range_gapLeavesNullBuckets() {
    counter(15, null, 180L);
    save(15, T0, 1000, T0 + 60, 1100, T0 + 120, 1200, T0 + 900, 50, T0 + 960, 150);

    List<String> buckets = range(15, T0, T0 + 1020, 60, Agg.SUM, false);

    assertEquals(17, buckets.size());
    assertEquals("1764807360=100", buckets.get(0));
    assertEquals("1764807300=null", buckets.get(1));
    assertEquals("1764806520=100", buckets.get(14));
    assertEquals("1764806460=100", buckets.get(15));
    assertEquals("1764806400=null", buckets.get(16));
    for (int i = 1; i <= 13; i++) {
      assertEquals(buckets.get(i).replaceAll("=.*", "") + "=null", buckets.get(i));
    }
  }

  @Test
  void range_hostSumsCountersOfRidsMissingPartOfRange() {
    counter(1, null, null);
    service.save(List.of(new Sample(1, 95, T0, 100), new Sample(1, 95, T0 + 60, 160),
        new Sample(1, 95, T0 + 120, 200), new Sample(1, 95, T0 + 180, 230),
        new Sample(1, 14, T0 + 60, 7), new Sample(1, 14, T0 + 120, 10)));

    List<String> summed = service.range(new RangeQuery(1, List.of(95L, 14L), T0, T0 + 240, 60,
        Agg.SUM, Agg.SUM, false, null)).stream()
        .map(bucket -> bucket.time() + "=" + (bucket.value() == null ? "null"
            : bucket.value().toPlainString()))
        .toList();

    assertEquals(List.of("1764806580=30", "1764806520=43", "1764806460=60", "1764806400=null"),
        summed);
  }
}
