package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plot.core.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code plot bench}'s workloads, tiny, against an in-process server over real sockets.
 * Asserts only that results come out and that the counts match what was sent.
 */
final class BenchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TINY = {"--series", "20", "--points", "30"};

  @TempDir
  Path dir;

  private PlotServer server;
  private Path results;

  @BeforeEach
  void startServer() {
    server = PlotServer.start(Settings.of("data.dir", dir.resolve("data").toString(),
        "thrift.port", "0", "http.port", "0"));
    results = dir.resolve("results.jsonl");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void w1ThenW2AndW3_reportResultsAndStoredCountsMatch() throws IOException {
    int w1 = bench("w1", "--thrift", thrift(), "--clients", "2", "--batch", "100");
    int w2 = bench("w2", "--thrift", thrift(), "--http", http(), "--warmup", "10", "--reads",
        "50", "--clients", "2", "--seconds", "1");
    int w3 = bench("w3", "--http", http(), "--warmup", "1", "--renders", "5");

    Map<String, JsonNode> byName = read();
    assertEquals(0, w1);
    assertEquals(600, byName.get("w1").get("points").asLong());
    assertEquals(600, byName.get("w1").get("stored").asLong());
    assertEquals(0, byName.get("w1").get("bad_series").asInt());
    assertEquals(0, w2);
    assertEquals(0, byName.get("w2-thrift").get("bad_reads").asInt());
    assertTrue(byName.get("w2-thrift").get("reads_per_s").asLong() > 0);
    assertTrue(byName.containsKey("w2-http"), "w2 over HTTP reports a result or a skip");
    assertEquals(0, w3);
    assertTrue(byName.containsKey("w3") || byName.containsKey("w3-png"),
        "w3 reports renders or a skip");
  }

  @Test
  void w1_onAStoreAlreadyHoldingTheSeries_failsTheCount() {
    bench("w1", "--thrift", thrift());

    int again = bench("w1", "--thrift", thrift());

    assertEquals(1, again);
  }

  private int bench(String command, String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("bench", command));
    args.addAll(List.of(TINY));
    args.addAll(List.of("--out", results.toString()));
    args.addAll(List.of(options));
    return Main.run(args.toArray(String[]::new));
  }

  private Map<String, JsonNode> read() throws IOException {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results)) {
      JsonNode entry = JSON.readTree(line);
      byName.put(entry.get("result").asText(), entry);
    }
    return byName;
  }

  private String thrift() {
    return "127.0.0.1:" + server.thriftPort();
  }

  private String http() {
    return "127.0.0.1:" + server.httpPort();
  }
}
