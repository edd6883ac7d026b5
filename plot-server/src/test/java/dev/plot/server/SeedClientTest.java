package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plot.core.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original clients were Python: Debian's python3-thrift with the generated code calls the
 * seed's {@code plot} and {@code plot_point} over framed binary, unchanged.
 */
final class SeedClientTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @TempDir
  Path dataDir;

  @Test
  void pythonClient_savesWithPlotAndReadsNewestFirst() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "Debian's /usr/bin/python3 is required");
    try (PlotServer server = PlotServer.start(Settings.of("data.dir", dataDir.toString(),
        "thrift.port", "0", "http.port", "0"))) {
      List<String> lines = runPython(server.thriftPort());

      assertEquals(List.of(
          "{\"count\": 1440, \"first\": [3145728, 3014656, 2883584], \"last\": 131072}",
          "{\"base\": [24.0, 23.0, 22.0]}",
          "{\"saved\": 2}",
          "{\"error\": \"limit\", \"code\": 400}",
          "{\"refused\": \"rid\", \"index\": 1}",
          "{\"after_refusal\": [8, 7]}"), lines);
    }
  }

  private static List<String> runPython(int port) throws IOException, InterruptedException {
    Path script = Path.of("src/test/python/seed_client.py").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), script.toString(),
        "127.0.0.1", Integer.toString(port)).redirectErrorStream(true);
    builder.environment().put("PYTHONPATH",
        Path.of("../plot-thrift/src/main/gen-py").toAbsolutePath().normalize().toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("python client failed:\n" + output);
    }
    return output.lines().toList();
  }
}
