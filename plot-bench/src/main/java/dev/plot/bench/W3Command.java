package dev.plot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code w3}: creates a chart link of one series ({@code POST /api/v1/charts}) and times
 * {@code /c/{code}.png} and {@code .svg} renders. A server without chart links is reported as
 * skipped, not as a failure.
 */
@Command(name = "w3", mixinStandardHelpOptions = true,
    description = "W3 charts: p50/p99 of /c/{code}.png (800x200) and .svg of one series."
        + " Run it after w1 on the same server.")
final class W3Command implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  WorkloadOptions workload;

  @Option(names = "--http", defaultValue = "127.0.0.1:8080",
      description = "HTTP address of the server (default ${DEFAULT-VALUE})")
  String http;

  @Option(names = "--warmup", defaultValue = "50",
      description = "untimed renders first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--renders", defaultValue = "300",
      description = "timed renders per format (default ${DEFAULT-VALUE})")
  int renders;

  private HttpClient client;

  @Override
  public Integer call() throws Exception {
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(workload.timeoutMillis)).build();
    String code = createChart();
    if (code == null) {
      return 0;
    }
    for (String format : new String[] {"png", "svg"}) {
      render(code, format);
    }
    return 0;
  }

  /** Creates the chart link, or reports W3 as skipped and returns null. */
  private String createChart() throws IOException, InterruptedException {
    String spec = "{\"title\": \"w3\", \"series\": [{\"cid\": " + workload.cid
        + ", \"rid\": 1}], \"limit\": " + workload.points + ", \"width\": 800,"
        + " \"height\": 200}";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + http + "/api/v1/charts"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(spec)).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404 || response.statusCode() == 405) {
      skip("POST /api/v1/charts answered " + response.statusCode()
          + ": the server has no chart links yet");
      return null;
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException("POST /api/v1/charts answered " + response.statusCode() + ": "
          + response.body());
    }
    JsonNode code = JSON.readTree(response.body()).get("code");
    if (code == null) {
      throw new IOException("POST /api/v1/charts gave no code: " + response.body());
    }
    return code.asText();
  }

  private void skip(String reason) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("store", workload.label);
    fields.put("skipped", reason);
    workload.log().report("w3", fields);
  }

  private void render(String code, String format) throws Exception {
    URI uri = URI.create("http://" + http + "/c/" + code + "." + format);
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong done = new AtomicLong();
    long bytes = 0;
    try (Progress progress = new Progress("w3 " + format, "renders", warmup + renders,
        done::get, System.err)) {
      for (int i = 0; i < warmup + renders; i++) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request,
            HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - start) / 1000;
        if (response.statusCode() != 200) {
          throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        if (i >= warmup) {
          histogram.recordValue(Math.max(1, micros));
        }
        bytes = response.body().length;
        done.incrementAndGet();
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("store", workload.label);
    fields.put("renders", renders);
    fields.put("p50_ms", histogram.getValueAtPercentile(50) / 1000.0);
    fields.put("p99_ms", histogram.getValueAtPercentile(99) / 1000.0);
    fields.put("bytes", bytes);
    workload.log().report("w3-" + format, fields);
  }
}
