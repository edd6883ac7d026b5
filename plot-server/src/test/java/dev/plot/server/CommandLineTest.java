package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
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

  private String err() {
    return err.toString(StandardCharsets.UTF_8).strip();
  }

  /** What {@code plot} itself printed on stderr, without the server's log lines. */
  private String errWithoutLog() {
    return err().lines().filter(line -> !line.matches("^[\\d:.TZ-]+ (INFO|WARN|DEBUG) .*"))
        .collect(Collectors.joining("\n"));
  }

  /** {@code plot serve} that must fail; a bounded wait, since one that starts never returns. */
  private int serve(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "serve";
    System.arraycopy(args, 0, command, 1, args.length);
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> plot(command));
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

  @Test
  void import_headerAfterAByteOrderMarkIsAHeader() throws Exception {
    Path csv = dataDir.resolve("excel.csv");
    Files.writeString(csv, "\uFEFFcid,rid,time,value\n3,41,1764806400,5\n");

    assertEquals(0, plot("import", csv.toString(), "--server", address));
    assertTrue(out().contains("saved 1 rows, refused 0"), out());
  }

  @Test
  void wrongTypeOption_isOneLineAndHint() {
    assertEquals(2, plot("point", "--cid", "abc", "--rid", "1", "--server", address));
    assertEquals("plot: invalid value for option '--cid': 'abc' is not an integer\n"
        + "see 'plot point --help'", err());
  }

  @Test
  void outOfRangeOptions_nameTheRange() {
    assertEquals(2, plot("point", "--cid", "1", "--rid", "1", "--limit", "99999999999",
        "--server", address));
    assertEquals("plot: invalid value for option '--limit': '99999999999' is out of range"
        + " -2147483648..2147483647\nsee 'plot point --help'", err());

    assertEquals(2, plot("put", "--cid", "1", "--rid", "1", "--value", "9223372036854775808",
        "--server", address));
    assertEquals("plot: invalid value for option '--value': '9223372036854775808' is out of"
        + " range -9223372036854775808..9223372036854775807\nsee 'plot put --help'", err());
  }

  @Test
  void import_badOptionsAreRefusedNamingTheOption() throws Exception {
    Path csv = dataDir.resolve("two.csv");
    Files.writeString(csv, "timestamp,value\n2014-01-07 02:00:00,1\n");

    assertEquals(2, plot("import", csv.toString(), "--cid", "7", "--rid", "1", "--scale", "NaN",
        "--server", address));
    assertEquals("plot: invalid value for option '--scale': 'NaN' is not a decimal number\n"
        + "see 'plot import --help'", err());
    assertEquals(2, plot("import", csv.toString(), "--cid", "7", "--rid", "1", "--scale", "0",
        "--server", address));
    assertEquals("plot: --scale must not be 0, which would save every value as 0\n"
        + "see 'plot import --help'", err());
    assertEquals(2, plot("import", csv.toString(), "--cid", "7", "--rid", "1", "--batch", "0",
        "--server", address));
    assertEquals("plot: --batch must be 1 or more, not 0\nsee 'plot import --help'", err());
    assertEquals(2, plot("import", csv.toString(), "--cid", "7", "--rid", "1", "--zone",
        "Mars/X", "--server", address));
    assertEquals("plot: --zone: unknown time zone Mars/X; give a region such as Europe/Berlin"
        + " or an offset such as +02:00\nsee 'plot import --help'", err());
  }

  @Test
  void import_seriesColumnsWithCidAndRidIsRefusedAndSendsNothing() throws Exception {
    plot("put", "--cid", "3", "--rid", "1", "--value", "1", "--time", "1764806000",
        "--server", address);
    Path csv = dataDir.resolve("points.csv");
    Files.writeString(csv, "cid,rid,time,value\n3,1,1764806400,5\n3,2,1764806460,6\n");

    assertEquals(2, plot("import", csv.toString(), "--cid", "3", "--rid", "1",
        "--server", address));
    assertEquals("plot: " + csv + " has cid and rid columns; --cid and --rid are only for"
        + " timestamp,value files\nsee 'plot import --help'", err());
    plot("point", "--cid", "3", "--rid", "1", "--server", address);
    assertEquals("[1]", out());

    Path headerless = dataDir.resolve("headerless.csv");
    Files.writeString(headerless, "\n3,1,1764806400,5\n");
    assertEquals(2, plot("import", headerless.toString(), "--cid", "3", "--server", address));
    assertEquals("plot: " + headerless + " has cid and rid columns; --cid and --rid are only"
        + " for timestamp,value files\nsee 'plot import --help'", err());
  }

  @Test
  void import_missingAndNonUtf8FilesAreNamed() throws Exception {
    Path missing = dataDir.resolve("nonexist.csv");
    assertEquals(1, plot("import", missing.toString(), "--server", address));
    assertEquals("plot: cannot read " + missing + ": no such file", err());

    Path binary = dataDir.resolve("binary.csv");
    Files.write(binary, new byte[] {'t', 'i', 'm', 'e', ',', 'v', '\n', '1', ',', '2', '\n',
        (byte) 0xff, (byte) 0xfe, ',', '1', '\n'});
    assertEquals(1, plot("import", binary.toString(), "--cid", "3", "--rid", "1",
        "--server", address));
    assertEquals("plot: " + binary + " is not UTF-8 text (line 3)", err());
  }

  @Test
  void serve_busyThriftPortIsOneLine() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      assertEquals(1, serve("--data-dir", dataDir.resolve("busy").toString(), "--thrift-port",
          Integer.toString(port), "--http-port", "0"));
      assertEquals("plot: port " + port + " is in use (thrift.port)", errWithoutLog());
      assertEquals(1, serve("--data-dir", dataDir.resolve("busy").toString(), "--thrift-port",
          "0", "--http-port", Integer.toString(port)));
      assertEquals("plot: port " + port + " is in use (http.port)", errWithoutLog());
    }
    // The failed starts closed the store they had opened, so the directory is free again.
    PlotServer.start(Settings.of("data.dir", dataDir.resolve("busy").toString(),
        "thrift.port", "0", "http.port", "0")).close();
  }

  @Test
  void serve_badSettingsAreOneLine() {
    String dir = dataDir.resolve("bad").toString();
    assertEquals(1, serve("--data-dir", dir, "--thrift-port", "70000", "--http-port", "0"));
    assertEquals("plot: setting thrift.port 70000 is out of range 0..65535", errWithoutLog());
    assertEquals(1, serve("--data-dir", dir, "--store", "nosuch", "--thrift-port", "0"));
    assertEquals("plot: no store named nosuch; available: [log, h2, mysql]", errWithoutLog());
    assertEquals(1, serve("--data-dir", dir, "--thrift-port", "0", "--http-port", "0",
        "-D", "limit.max-points=abc"));
    assertEquals("plot: setting limit.max-points must be an integer, not abc", errWithoutLog());
    assertEquals(1, serve("--data-dir", dir, "-D", "log.fsync=yes"));
    assertEquals("plot: setting log.fsync must be true or false, not yes", errWithoutLog());
  }

  @Test
  void serve_unknownSettingIsRefused() throws Exception {
    String dir = dataDir.resolve("unknown").toString();
    assertEquals(1, serve("--data-dir", dir, "-D", "no.such.key=1"));
    assertEquals("plot: unknown setting no.such.key; 'plot settings' lists them", errWithoutLog());

    Path config = dataDir.resolve("plot.properties");
    Files.writeString(config, "thrift.port=0\nlimit.max-point=5\n");
    assertEquals(1, serve("--data-dir", dir, "--config", config.toString()));
    assertEquals("plot: unknown setting limit.max-point in " + config
        + "; 'plot settings' lists them", errWithoutLog());
  }

  @Test
  void serve_dataDirOfAnotherServerIsOneLine() throws Exception {
    Path dir = dataDir.resolve("taken");
    ServerProcess other = ServerProcess.start(dir);
    try {
      assertEquals(1, serve("--data-dir", dir.toString(), "--thrift-port", "0",
          "--http-port", "0"));
      assertEquals("plot: data directory " + dir.resolve("log")
          + " is in use by another plot server", errWithoutLog());
    } finally {
      other.close();
    }
  }

  @Test
  void serve_h2DataDirOfAnotherServerIsOneLine() throws Exception {
    Path dir = dataDir.resolve("taken-h2");
    ServerProcess other = ServerProcess.start(dir, "--store", "h2");
    try {
      assertEquals(1, serve("--store", "h2", "--data-dir", dir.toString(), "--thrift-port",
          "0", "--http-port", "0"));
      assertEquals("plot: data directory " + dir + " is in use by another plot server",
          errWithoutLog());
    } finally {
      other.close();
    }
  }
}
