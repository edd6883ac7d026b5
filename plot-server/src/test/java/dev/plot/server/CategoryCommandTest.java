package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Rollup;
import dev.plot.core.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plot category} against a real server over Thrift. */
final class CategoryCommandTest {

  @TempDir
  Path dataDir;

  private PlotServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream savedOut;

  @BeforeEach
  void start() {
    server = PlotServer.start(Settings.of("data.dir", dataDir.toString(), "thrift.port", "0",
        "http.port", "0", "rollup.interval-seconds", "0", "retention.interval-seconds", "0"));
    savedOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(savedOut);
    server.close();
  }

  @Test
  void category_definesCounterWithRollupAndPrintsIt() {
    String address = "127.0.0.1:" + server.thriftPort();

    int exit = Main.run("category", "--cid", "1", "--name", "rx bytes", "--unit", "B",
        "--kind", "counter", "--step", "60", "--wrap", "4294967296", "--retention", "172800",
        "--rollup-cid", "11", "--rollup-agg", "sum", "--rollup-zone", "Europe/Berlin",
        "--server", address);

    assertEquals(0, exit);
    assertEquals("cid=1 name=\"rx bytes\" kind=counter step=60 unit=B wrap=4294967296"
        + " zone=UTC retention=172800 rollup=sum every 86400s in Europe/Berlin to cid 11",
        out.toString(StandardCharsets.UTF_8).strip());
    assertEquals(new Category(1, "rx bytes", "B", null, 60, Kind.COUNTER, 4_294_967_296L, null,
        "UTC", 172_800, new Rollup(11, 86_400, Agg.SUM, "Europe/Berlin")),
        server.service().registry().require(1));
  }
}
