package dev.plot.bench;

import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreProvider;
import dev.plot.api.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * A store's hot paths: appending a 1,000-point batch (one minute of 1,000 series, committed
 * before the call returns) and reading the newest 1,440 points of a series.
 *
 * <p>The store is picked by its provider name with {@code -p store=NAME}, found with
 * {@link ServiceLoader} like {@code plot serve --store}: every store module on this jar's
 * classpath can be measured. The embedded store opens in a temporary directory; a MySQL store
 * reads {@code PLOT_TEST_MYSQL_URL}, {@code PLOT_TEST_MYSQL_USER} and
 * {@code PLOT_TEST_MYSQL_PASSWORD} (defaults: {@code plot_test} on 127.0.0.1, user and password
 * {@code plot}), the same variables as the store tests.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class StoreBenchmark {

  /** Series of the read benchmark, each preloaded with {@link #READ_POINTS} points. */
  static final int READ_SERIES = 100;
  static final int READ_POINTS = 1440;

  /** A store opened for one trial in a temporary directory, removed at the end. */
  @State(Scope.Benchmark)
  public static class OpenStore {

    @Param({"log", "h2"})
    public String store;

    PointStore points;
    private Path dataDir;

    @Setup(Level.Trial)
    public void open() throws IOException {
      dataDir = Files.createTempDirectory("plot-bench-store");
      Map<String, String> settings = new HashMap<>();
      settings.put("data.dir", dataDir.toString());
      settings.put("mysql.url", env("PLOT_TEST_MYSQL_URL",
          "jdbc:mysql://127.0.0.1:3306/plot_test"));
      settings.put("mysql.user", env("PLOT_TEST_MYSQL_USER", "plot"));
      settings.put("mysql.password", env("PLOT_TEST_MYSQL_PASSWORD", "plot"));
      List<String> known = new ArrayList<>();
      for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
        if (provider.name().equals(store)) {
          points = provider.open(settings);
          return;
        }
        known.add(provider.name());
      }
      throw new IllegalArgumentException("no store named " + store + " on the classpath;"
          + " available: " + known);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      if (points != null) {
        points.close();
      }
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null || value.isBlank() ? fallback : value;
    }
  }

  /** The next minute to append, so every batch holds new points (cid 4, rids 1..1000). */
  @State(Scope.Thread)
  public static class AppendCursor {
    private final Workload workload = Workload.generate(4, 1000, 1, 42);
    private long minute;

    WriteBatch next() {
      long time = Workload.END_TIME + 60 * minute++;
      List<Sample> samples = new ArrayList<>(workload.seriesCount());
      workload.forEachInBatch(0, workload.seriesCount(),
          (cid, rid, ignored, value) -> samples.add(new Sample(cid, rid, time, value)));
      return WriteBatch.of(UUID.randomUUID().toString(), samples);
    }
  }

  /** A store preloaded with {@link #READ_SERIES} series of cid 3. */
  @State(Scope.Benchmark)
  public static class LoadedStore {
    PointStore points;

    @Setup(Level.Trial)
    public void load(OpenStore open) {
      points = open.points;
      Workload workload = Workload.generate(3, READ_SERIES, READ_POINTS, 42);
      for (int batch = 0; batch < workload.batchCount(1000); batch++) {
        points.append(WriteBatch.of(UUID.randomUUID().toString(),
            workload.apiBatch(batch, 1000)));
      }
    }
  }

  /** Which series the next read asks for, cycling through all of them. */
  @State(Scope.Thread)
  public static class ReadCursor {
    private long next;

    long rid() {
      return 1 + next++ % READ_SERIES;
    }
  }

  @Benchmark
  public int storeAppendBatch1000(OpenStore open, AppendCursor cursor) {
    return open.points.append(cursor.next());
  }

  @Benchmark
  public List<Point> storeNewest1440(LoadedStore loaded, ReadCursor cursor) {
    return loaded.points.newest(3, cursor.rid(), READ_POINTS);
  }
}
