package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code plot} client commands against a real server over Thrift. */
final class CommandLineTest {

  @TempDir
  Path dataDir;

  private PlotServer server;
  private String address;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void start() {
    server = PlotServer.start(Settings.of("data.dir", dataDir.resolve("store").toString(),
        "thrift.port", "0", "http.port", "0"));
    address = "127.0.0.1:" + server.thriftPort();
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(savedOut);
    System.setErr(savedErr);
    server.close();
  }

  private int plot(String... args) {
    out.reset();
    err.reset();
    return Main.run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void point_printsSeedFormNewestFirst() {
    plot("put", "--cid", "3", "--rid", "95", "--value", "1441792", "--time", "1764806400",
        "--server", address);
    plot("put", "--cid", "3", "--rid", "95", "--value", "16", "--time", "1764806460",
        "--server", address);
    plot("put", "--cid", "3", "--rid", "95", "--value", "1310720", "--time", "1764806520",
        "--server", address);

    assertEquals(0, plot("point", "--cid", "3", "--rid", "95", "--limit", "1440",
        "--server", address));
    assertEquals("[1310720, 16, 1441792]", out());
    assertEquals(0, plot("point", "--cid", "3", "--rid", "95", "--limit", "1440",
        "--base", "131072", "--server", address));
    assertEquals("[10.0, 0.0001220703125, 11.0]", out());
  }

  @Test
  void point_badLimitIsOneLineAndNonZeroExit() {
    assertEquals(1, plot("point", "--cid", "3", "--rid", "95", "--limit", "0",
        "--server", address));
    assertEquals("plot: limit must be 1 or more, not 0 (field limit)",
        err.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void point_unreachableServerIsOneLine() throws Exception {
    int closedPort = ServerProcess.freePort();
    assertEquals(1, plot("point", "--cid", "3", "--rid", "95", "--server",
        "127.0.0.1:" + closedPort));
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertTrue(message.startsWith("plot: cannot reach the server"), message);
    assertEquals(1, message.lines().count());
  }

  @Test
  void import_keepsEveryRowOfRepeatedHourAndScales() throws Exception {
    Path csv = dataDir.resolve("temperature.csv");
    Files.writeString(csv, "timestamp,value\n"
        + "2014-01-07 02:00:00,73.9675\n"
        + "2014-01-07 02:05:00,74.0007\n"
        + "2014-01-07 02:00:00,80.5\n"
        + "not a time,1\n"
        + "2014-01-07 02:10:00,abc\n"
        + "2014-01-07 02:15:00,-0.0005\n");

    int exit = plot("import", csv.toString(), "--cid", "105", "--rid", "1", "--scale", "1000",
        "--server", address);

    assertEquals(2, exit);
    assertEquals("imported " + csv + ": saved 4 rows, refused 2; values multiplied by 1000 and"
        + " rounded half away from zero; times without a zone read as UTC\n"
        + "line 5: time: not unix seconds nor YYYY-MM-DD HH:MM:SS: not a time\n"
        + "line 6: value: not a number: abc", out());
    plot("point", "--cid", "105", "--rid", "1", "--server", address);
    assertEquals("[-1, 74001, 80500, 73968]", out());
  }

  @Test
  void import_fourColumnsNamesServerRefusalByLine() throws Exception {
    Path csv = dataDir.resolve("points.csv");
    Files.writeString(csv, "cid,rid,time,value\n3,1,1764806400,5\n3,0,1764806460,6\n"
        + "3,1,1764806520,7\n");

    assertEquals(2, plot("import", csv.toString(), "--server", address));
    assertTrue(out().contains("saved 2 rows, refused 1"), out());
    assertTrue(out().contains("line 3: rid must be a positive 64-bit integer, not 0"), out());
  }
}
