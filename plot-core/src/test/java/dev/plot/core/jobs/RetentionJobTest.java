package dev.plot.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Rollup;
import dev.plot.api.Sample;
import dev.plot.core.CoreConfig;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention over a real store (see the subclasses), with a clock set by hand. */
abstract class RetentionJobTest {

  /** Opens the store under test in an empty directory. */
  abstract PointStore openStore(Path dir);

  private static final long T0 = 1_764_806_400L;

  @TempDir
  Path dataDir;

  private final TestClock clock = new TestClock(T0);
  private PointStore store;
  private PlotService service;

  @BeforeEach
  void open() {
    store = openStore(dataDir);
    service = new PlotService(store, CoreConfig.defaults(), clock);
  }

  @AfterEach
  void close() {
    service.close();
    store.close();
  }

  private RetentionJob job(String... settings) {
    return new RetentionJob(store, JobsConfig.from(Settings.of(settings)), clock);
  }

  private void define(long cid, Kind kind, long retention, Rollup rollup) {
    store.putCategory(new Category(cid, "cid " + cid, "", null, 60, kind, null, null, "UTC",
        retention, rollup));
  }

  private void minutes(long cid, long rid, long from, int count) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(new Sample(cid, rid, from + 60L * i, i));
    }
    service.save(samples);
  }

  @Test
  void runOnce_deletesOlderThanRetentionInSmallSteps() {
    define(7, Kind.GAUGE, 600, null);
    define(8, Kind.GAUGE, 0, null);
    minutes(7, 1, T0, 20);
    minutes(7, 2, T0, 3);
    minutes(8, 1, T0, 20);
    clock.set(T0 + 1200);
    RetentionJob job = job(JobsConfig.RETENTION_DELETE_ROWS, "4", JobsConfig.RETENTION_PAUSE,
        "0");

    job.runOnce();

    assertEquals(13, job.pointsDeleted());
    assertEquals(4, job.steps());
    assertEquals(new Point(T0 + 600, 10), store.range(7, 1, 0, Long.MAX_VALUE, 100).get(0));
    assertEquals(10, store.range(7, 1, 0, Long.MAX_VALUE, 100).size());
    assertEquals(List.of(), store.range(7, 2, 0, Long.MAX_VALUE, 100));
    assertEquals(20, store.range(8, 1, 0, Long.MAX_VALUE, 100).size());
  }

  @Test
  void runOnce_keepsPointsTheRollupHasNotRead() {
    define(7, Kind.GAUGE, 600, new Rollup(107, 300, Agg.SUM, "UTC"));
    minutes(7, 1, T0, 20);
    clock.set(T0 + 1200);
    RetentionJob retention = job(JobsConfig.RETENTION_PAUSE, "0");

    retention.runOnce();
    assertEquals(0, retention.pointsDeleted());
    clock.set(T0 + 900);
    new RollupJob(service, JobsConfig.from(Settings.of(JobsConfig.ROLLUP_LATENESS, "300")),
        clock).runOnce();
    clock.set(T0 + 1200);
    retention.runOnce();

    assertEquals(new Point(T0 + 600, 10), store.range(7, 1, 0, Long.MAX_VALUE, 100).get(0));
    assertEquals(10, retention.pointsDeleted());
    assertEquals(2, retention.runs());
  }
}
