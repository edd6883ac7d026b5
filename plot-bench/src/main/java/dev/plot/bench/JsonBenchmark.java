package dev.plot.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plot.api.Point;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * JSON encoding of a 1,440-point series in the shape of the series API and {@code /c/{code}.json}
 * ({@code {"cid", "rid", "points": [[time, value]]}}), with Jackson's streaming generator and
 * with its object mapper, the two ways a handler would write it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class JsonBenchmark {

  private final JsonFactory factory = new JsonFactory();
  private final ObjectMapper mapper = new ObjectMapper();
  private List<Point> series;
  private List<long[]> pairs;

  @Setup
  public void load() {
    Workload workload = Workload.generate(3, 1, 1440, 42);
    series = new ArrayList<>(1440);
    pairs = new ArrayList<>(1440);
    for (int point = workload.points() - 1; point >= 0; point--) {
      series.add(new Point(workload.time(point), workload.value(0, point)));
      pairs.add(new long[] {workload.time(point), workload.value(0, point)});
    }
  }

  @Benchmark
  public byte[] jsonEncodeSeries1440Streaming() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
    try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeNumberField("cid", 3);
      json.writeNumberField("rid", 1);
      json.writeArrayFieldStart("points");
      for (Point point : series) {
        json.writeStartArray();
        json.writeNumber(point.time());
        json.writeNumber(point.value());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  @Benchmark
  public byte[] jsonEncodeSeries1440Mapper() throws IOException {
    return mapper.writeValueAsBytes(Map.of("cid", 3, "rid", 1, "points", pairs));
  }
}
