package dev.plot.bench;

import dev.plot.api.Point;
import dev.plot.core.PlotService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** Base conversion of one 1,440-point series, as {@code plot_point_base} does it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class BaseBenchmark {

  /** The seed's base: bytes per second to Mbit/s. */
  private static final double MBIT = 1024 * 1024 / 8.0;

  private List<Point> series;

  @Setup
  public void load() {
    Workload workload = Workload.generate(3, 1, 1440, 42);
    series = new ArrayList<>(1440);
    for (int point = workload.points() - 1; point >= 0; point--) {
      series.add(new Point(workload.time(point), workload.value(0, point)));
    }
  }

  @Benchmark
  public List<Double> baseDivideSeries1440() {
    // The loop of PlotService.newest(cid, rid, limit, base), without the read.
    List<Double> values = new ArrayList<>(series.size());
    for (Point point : series) {
      values.add(PlotService.divide(point.value(), MBIT));
    }
    return values;
  }
}
