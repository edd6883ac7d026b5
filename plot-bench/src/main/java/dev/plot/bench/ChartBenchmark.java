package dev.plot.bench;

import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartSeries;
import dev.plot.core.chart.ChartSpec;
import dev.plot.core.chart.ChartType;
import dev.plot.http.chart.EmojiImages;
import dev.plot.http.chart.PngChart;
import dev.plot.http.chart.SvgChart;
import java.math.BigDecimal;
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

/**
 * Drawing one 1,440-point series as W3's 800×200 picture, without the read or the HTTP
 * exchange: what {@code /c/{code}.png} and {@code .svg} spend on the picture itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ChartBenchmark {

  private ChartData data;
  private PngChart png;
  private SvgChart svg;

  @Setup
  public void load() {
    Workload workload = Workload.generate(3, 1, 1440, 42);
    List<ChartData.Value> values = new ArrayList<>(workload.points());
    for (int point = 0; point < workload.points(); point++) {
      values.add(new ChartData.Value(workload.time(point),
          BigDecimal.valueOf(workload.value(0, point))));
    }
    ChartSpec spec = new ChartSpec("W3 traffic", List.of(new ChartSeries(3, 1, "rid 1")), 1440,
        null, null, null, null, null, null, "bytes", ChartType.LINE, 800, 200, null, false);
    data = new ChartData(spec,
        List.of(new ChartData.Series(3, 1, "rid 1", values)), Workload.STEP);
    // The server's default font; a machine without it falls back to the JDK's logical font.
    png = new PngChart("Noto Sans CJK SC", EmojiImages.none());
    svg = new SvgChart("Noto Sans CJK SC");
  }

  @Benchmark
  public byte[] chartPng1440() {
    return png.draw(data);
  }

  @Benchmark
  public byte[] chartSvg1440() {
    return svg.draw(data);
  }
}
