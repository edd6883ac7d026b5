package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plot.api.Point;
import dev.plot.core.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real file in examples/data imports whole: each row saved, the scale said, the repeated
 * hour of the temperature file kept twice, the missing samples left as gaps.
 */
final class ImportRealDataTest {

  private static final Path DATA = Path.of("../examples/data").toAbsolutePath().normalize();

  @TempDir
  Path dataDir;

  private PlotServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream savedOut;

  @BeforeEach
  void start() {
    server = PlotServer.start(Settings.of("data.dir", dataDir.toString(), "thrift.port", "0",
        "http.port", "0"));
    savedOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(savedOut);
    server.close();
  }

  private String importFile(String file, long cid, String scale) {
    out.reset();
    int exit = Main.run("import", DATA.resolve(file).toString(), "--cid", Long.toString(cid),
        "--rid", "1", "--scale", scale, "--server", "127.0.0.1:" + server.thriftPort());
    assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @ParameterizedTest
  @CsvSource({
      "ec2_network_in_257a54.csv, 101, 1, 4032",
      "ec2_cpu_utilization_825cc2.csv, 102, 1000, 4032",
      "rds_cpu_utilization_cc0c53.csv, 103, 10000, 4032",
      "elb_request_count_8c0756.csv, 104, 1, 4032",
      "machine_temperature_system_failure.csv, 105, 1000, 22695"})
  void import_keepsEveryRowAndSaysHowItScaled(String file, long cid, String scale, int rows) {
    String summary = importFile(file, cid, scale);

    assertEquals("imported " + DATA.resolve(file) + ": saved " + rows + " rows, refused 0;"
        + " values multiplied by " + scale + " and rounded half away from zero; times without"
        + " a zone read as UTC", summary);
    assertEquals(rows, server.service().newest(cid, 1, 100_000).size());
  }

  @Test
  void import_repeatedHourKeptAndDecimalsRounded() {
    importFile("machine_temperature_system_failure.csv", 105, "1000");

    long twoAm = LocalDateTime.of(2014, 1, 7, 2, 0).toEpochSecond(ZoneOffset.UTC);
    List<Point> hour = server.service().store().range(105, 1, twoAm, twoAm + 1, 10);
    assertEquals(2, hour.size(), "both readings of the repeated 02:00");
  }

  @Test
  void import_networkDecimalRoundsHalfAwayFromZero() {
    importFile("ec2_network_in_257a54.csv", 101, "1");

    // Line 1769 of the file reads "2014-04-16 03:29:00,64837.6": stored as 64838.
    long time = LocalDateTime.of(2014, 4, 16, 3, 29).toEpochSecond(ZoneOffset.UTC);
    assertEquals(List.of(new Point(time, 64838)),
        server.service().store().range(101, 1, time, time + 1, 10));
  }
}
