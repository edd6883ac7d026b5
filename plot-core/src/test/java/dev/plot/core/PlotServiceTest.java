package dev.plot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's rules over a real embedded store: validation, limits, base, auto-define. */
final class PlotServiceTest {

  private static final long T0 = 1_764_806_400L;

  @TempDir
  Path dataDir;

  private H2Store store;
  private PlotService service;

  @BeforeEach
  void open() {
    store = new H2Store(dataDir, false, 4);
    service = service(Map.of());
  }

  private PlotService service(Map<String, String> settings) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(T0), ZoneOffset.UTC);
    return new PlotService(store, CoreConfig.from(new Settings(settings)), clock);
  }

  @AfterEach
  void close() {
    service.close();
    store.close();
  }

  // ---- saving ----

  @Test
  void plot_stampsWithServerClockAndDefinesCategory() {
    service.plot(3, 95, 11);

    assertEquals(List.of(new Point(T0, 11)), service.newest(3, 95, 10));
    Category defined = service.registry().require(3);
    assertEquals("cid 3", defined.name());
    assertEquals(Kind.GAUGE, defined.kind());
    assertEquals(60, defined.step());
  }

  @Test
  void save_oneBadSampleRefusesBatchNamingIndex() {
    PlotError error = assertThrows(PlotError.class, () -> service.save(List.of(
        new Sample(3, 1, T0, 1), new Sample(3, 1, T0 + 60, 2), new Sample(3, 0, T0, 3))));

    assertEquals("rid", error.field());
    assertEquals(2, error.index());
    assertEquals(List.of(), service.newest(3, 1, 10));
    assertEquals(Optional.empty(), store.category(3), "a refused batch defines no category");
  }

  @Test
  void save_refusesEachBadField() {
    assertEquals("cid", refusal(new Sample(0, 1, T0, 1)).field());
    assertEquals("cid", refusal(new Sample(-4, 1, T0, 1)).field());
    assertEquals("rid", refusal(new Sample(3, -1, T0, 1)).field());
    assertEquals("time", refusal(new Sample(3, 1, -5, 1)).field());
    assertEquals("time", refusal(new Sample(3, 1, Validation.MAX_TIME + 1, 1)).field());
  }

  private PlotError refusal(Sample sample) {
    return assertThrows(PlotError.class, () -> service.save(List.of(sample)));
  }

  @Test
  void save_tooManySamplesNamesTheSetting() {
    PlotService small = service(Map.of(CoreConfig.MAX_BATCH, "2"));
    try {
      PlotError error = assertThrows(PlotError.class, () -> small.save(List.of(
          new Sample(3, 1, T0, 1), new Sample(3, 1, T0, 2), new Sample(3, 1, T0, 3))));
      assertEquals(PlotError.Code.TOO_LARGE, error.code());
      assertEquals("a batch holds at most limit.batch-samples=2 samples, not 3",
          error.getMessage());
    } finally {
      small.close();
    }
  }

  @Test
  void save_unknownCidRefusedWhenAutoDefineOff() {
    PlotService strict = service(Map.of(CoreConfig.AUTO_DEFINE, "false"));
    try {
      PlotError error = assertThrows(PlotError.class, () -> strict.plot(42, 1, 1));
      assertEquals("cid", error.field());
      assertEquals("category 42 is not defined and categories.auto-define is off; define it"
          + " first", error.getMessage());
      assertEquals(List.of(), strict.registry().all());
    } finally {
      strict.close();
    }
  }

  @Test
  void save_counterValueAtWrapRefused() {
    service.registry().define(new Category(13, "rx", "", null, 60, Kind.COUNTER,
        4_294_967_296L, null, "UTC", 0, null));

    PlotError error = assertThrows(PlotError.class,
        () -> service.save(List.of(new Sample(13, 1, T0, 4_294_967_296L))));

    assertEquals("value", error.field());
    assertEquals(List.of(), store.newest(13, 1, 10));
  }

  // ---- reading ----

  @Test
  void newest_limitBelowOneRefusedAboveMaxClamped() {
    service.save(List.of(new Sample(20, 1, T0, 1), new Sample(20, 1, T0 + 60, 2),
        new Sample(20, 1, T0 + 120, 3)));

    assertEquals("limit", assertThrows(PlotError.class,
        () -> service.newest(20, 1, 0)).field());
    assertEquals("limit", assertThrows(PlotError.class,
        () -> service.newest(20, 1, -1)).field());
    assertEquals(List.of(new Point(T0 + 120, 3), new Point(T0 + 60, 2), new Point(T0, 1)),
        service.newest(20, 1, Long.MAX_VALUE));
  }

  @Test
  void newest_baseDividesAsDouble() {
    service.save(List.of(new Sample(3, 95, T0, 1_441_792), new Sample(3, 95, T0 + 60, 16)));

    assertEquals(List.of(0.0001220703125, 11.0), service.newest(3, 95, 10, 131072));
    assertEquals("base", assertThrows(PlotError.class,
        () -> service.newest(3, 95, 10, 0)).field());
    assertEquals("base", assertThrows(PlotError.class,
        () -> service.newest(3, 95, 10, Double.NaN)).field());
    assertEquals("base", assertThrows(PlotError.class,
        () -> service.newest(3, 95, 10, Double.POSITIVE_INFINITY)).field());
  }

  @Test
  void newest_baseTooSmallForFiniteQuotientRefused() {
    service.save(List.of(new Sample(3, 1, T0, Long.MAX_VALUE)));

    PlotError error = assertThrows(PlotError.class,
        () -> service.newest(3, 1, 10, Double.MIN_VALUE));

    assertEquals("base", error.field());
  }

  @Test
  void newest_equalTimesKeptLaterSaveFirstLatePointByTime() {
    service.save(List.of(new Sample(23, 1, T0, 600), new Sample(23, 1, T0, 700)));
    service.save(List.of(new Sample(23, 1, T0 - 60, 5)));

    assertEquals(List.of(new Point(T0, 700), new Point(T0, 600), new Point(T0 - 60, 5)),
        service.newest(23, 1, 10));
  }

  // ---- groups ----

  @Test
  void groups_defineReadDelete() {
    service.defineGroup("host-3", List.of(95L, 14L));

    assertEquals(List.of(95L, 14L), service.group("host-3"));
    assertEquals(Map.of("host-3", List.of(95L, 14L)), service.groups());
    service.deleteGroup("host-3");
    assertEquals("group", assertThrows(PlotError.class, () -> service.group("host-3")).field());
    assertEquals("name", assertThrows(PlotError.class,
        () -> service.defineGroup("no spaces", List.of(1L))).field());
  }

  // ---- range reads ----

  @Test
  void range_gapsAreNullNeverZero() {
    service.save(List.of(new Sample(16, 1, T0, 5), new Sample(16, 1, T0 + 60, 6),
        new Sample(16, 1, T0 + 120, 7), new Sample(16, 1, T0 + 600, 8),
        new Sample(16, 1, T0 + 660, 9)));

    List<Bucket> buckets = service.range(new RangeQuery(16, List.of(1L), T0, T0 + 720, 60,
        null, null, false, null));

    assertEquals(12, buckets.size());
    assertEquals(T0 + 660, buckets.get(0).time());
    assertEquals("9", buckets.get(0).value().toPlainString());
    for (int i = 2; i <= 8; i++) {
      assertNull(buckets.get(i).value(), "bucket " + buckets.get(i).time());
    }
    assertEquals("5", buckets.get(11).value().toPlainString());
  }

  @Test
  void range_sumAndAvgExactBeyond64Bits() {
    service.save(List.of(new Sample(18, 1, T0, Long.MAX_VALUE),
        new Sample(18, 1, T0 + 1, Long.MAX_VALUE), new Sample(18, 1, T0 + 2, 1)));

    assertEquals("18446744073709551615", only(Agg.SUM));
    assertEquals("6148914691236517205", only(Agg.AVG));
    assertEquals("9223372036854775807", only(Agg.MAX));
    assertEquals("1", only(Agg.MIN));
    assertEquals("1", only(Agg.LAST));
    assertEquals("3", only(Agg.COUNT));
  }

  private String only(Agg agg) {
    List<Bucket> buckets = service.range(new RangeQuery(18, List.of(1L), T0, T0 + 60, 60, agg,
        null, false, null));
    assertEquals(1, buckets.size());
    return buckets.get(0).value().toPlainString();
  }

  @Test
  void range_combinesRidsMissingPartOfRange() {
    service.save(List.of(new Sample(3, 95, T0, 10), new Sample(3, 95, T0 + 60, 20),
        new Sample(3, 14, T0 + 60, 5)));

    List<Bucket> summed = service.range(new RangeQuery(3, List.of(95L, 14L), T0, T0 + 180, 60,
        Agg.SUM, Agg.SUM, false, null));

    assertNull(summed.get(0).value());
    assertEquals("25", summed.get(1).value().toPlainString());
    assertEquals("10", summed.get(2).value().toPlainString());
  }

}
