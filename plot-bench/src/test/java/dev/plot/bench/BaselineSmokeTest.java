package dev.plot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the MariaDB baselines, tiny, in the test database; needs MariaDB on 127.0.0.1:3306. */
@Tag("mysql")
final class BaselineSmokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void baseline_reportsEveryResultWithMatchingCounts() throws IOException {
    Path results = dir.resolve("results.jsonl");

    // plot-server runs this command as `plot bench`; here it runs on its own.
    int exit = new CommandLine(new BenchMain()).execute("baseline", "--series", "20",
        "--points", "100", "--original-points", "1000", "--jdbc-url", env("PLOT_TEST_MYSQL_URL",
            "jdbc:mysql://127.0.0.1:3306/plot_test"),
        "--user", env("PLOT_TEST_MYSQL_USER", "plot"),
        "--password", env("PLOT_TEST_MYSQL_PASSWORD", "plot"),
        "--warmup", "5", "--reads", "20", "--seconds", "1", "--out", results.toString());

    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results)) {
      JsonNode entry = JSON.readTree(line);
      byName.put(entry.get("result").asText(), entry);
    }
    assertEquals(0, exit);
    assertEquals(1000, byName.get("baseline-w1-original-myisam").get("points").asLong());
    assertEquals(2000, byName.get("baseline-w1-jdbc-innodb").get("stored").asLong());
    assertEquals(0, byName.get("baseline-w2-jdbc-innodb").get("bad_reads").asInt());
    assertEquals(0, byName.get("baseline-w2-original-myisam").get("bad_reads").asInt());
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
