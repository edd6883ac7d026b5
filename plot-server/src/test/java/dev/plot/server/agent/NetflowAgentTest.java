package dev.plot.server.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.core.Settings;
import dev.plot.server.PlotClient;
import dev.plot.server.PlotServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netflow agent against a real in-process server, through outages. */
final class NetflowAgentTest {

  private static final long T0 = 1_764_806_400L;
  private static final long ETH0 = 123_593_698L;
  private static final long LO = 437_306_077L;
  /** Bytes added to every rx and tx counter per reading; keeps each value's digit count. */
  private static final long DELTA = 100;

  @TempDir
  Path dir;

  private int port;
  private PlotServer server;
  private final MutableClock clock = new MutableClock();
  private Path netDev;

  @BeforeEach
  void freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    netDev = dir.resolve("net-dev");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void startServer() {
    server = PlotServer.start(Settings.of("data.dir", dir.resolve("store").toString(),
        "thrift.port", Integer.toString(port), "http.port", "0",
        "rollup.interval-seconds", "0", "retention.interval-seconds", "0"));
  }

  private void stopServer() {
    server.close();
    server = null;
  }

  private NetflowAgent agent(Path spool, long maxBytes) {
    return new NetflowAgent(() -> PlotClient.connect("127.0.0.1:" + port, false, 5000),
        new NetflowAgent.Options(netDev, 1, 2, 60, Set.of()), new InterfaceRids(Map.of()),
        new Spool(spool, maxBytes), clock);
  }

  /** Writes the real file with every byte counter raised by {@code k * DELTA}, at T0 + 60k. */
  private void reading(int k) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : NetDevTest.fixture().split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.indexOf('|') >= 0) {
        text.append(line).append('\n');
        continue;
      }
      String[] fields = line.substring(colon + 1).strip().split("\\s+");
      fields[0] = Long.toString(Long.parseLong(fields[0]) + k * DELTA);
      fields[8] = Long.toString(Long.parseLong(fields[8]) + k * DELTA);
      text.append(line, 0, colon + 1).append(' ').append(String.join(" ", fields)).append('\n');
    }
    Files.writeString(netDev, text, StandardCharsets.US_ASCII);
    clock.seconds = T0 + 60L * k;
  }

  private static List<Path> files(Path spool) throws IOException {
    try (Stream<Path> listing = Files.list(spool)) {
      return listing.toList();
    }
  }

  private PointStore store() {
    return server.service().store();
  }

  @Test
  void tick_sendsRxAndTxOfEveryInterfaceAsCounters() throws IOException {
    startServer();
    NetflowAgent agent = agent(dir.resolve("spool"), 1 << 20);

    for (int k = 0; k < 3; k++) {
      reading(k);
      agent.tick();
    }

    assertEquals(24, agent.samplesSent());
    assertEquals("counter", server.service().registry().require(1).kind().label());
    assertEquals("counter", server.service().registry().require(2).kind().label());
    assertEquals(new Point(T0, 874_354_587L), store().range(1, ETH0, 0, T0 + 1, 10).get(0));
    assertEquals(new Point(T0, 1_664_039_048L), store().range(2, LO, 0, T0 + 1, 10).get(0));
    assertEquals(List.of(new Point(T0 + 120, DELTA), new Point(T0 + 60, DELTA)),
        server.service().newest(1, ETH0, 10));
    assertEquals(List.of(ETH0, LO, 549_637_579L, 672_751_441L), store().rids(1));
    assertEquals(store().rids(1), store().rids(2));
  }

  @Test
  void tick_outageSpoolsAndRecoveryDeliversInOrder() throws IOException {
    startServer();
    NetflowAgent agent = agent(dir.resolve("spool"), 1 << 20);
    reading(0);
    agent.tick();
    stopServer();

    reading(1);
    agent.tick();
    reading(2);
    agent.tick();
    assertEquals(8, agent.samplesSent());
    startServer();
    reading(3);
    agent.tick();

    assertEquals(32, agent.samplesSent());
    assertEquals(0, agent.samplesDropped());
    assertEquals(List.of(), files(dir.resolve("spool")));
    for (long cid = 1; cid <= 2; cid++) {
      for (long rid : store().rids(cid)) {
        assertEquals(4, store().range(cid, rid, 0, Long.MAX_VALUE, 100).size(),
            "cid " + cid + " rid " + rid);
      }
    }
    assertEquals(List.of(new Point(T0 + 180, DELTA), new Point(T0 + 120, DELTA),
        new Point(T0 + 60, DELTA)), server.service().newest(2, ETH0, 10));
  }

  @Test
  void tick_fullSpoolDropsOnlyWhatDoesNotFitAndAgentRestartResends() throws IOException {
    reading(0);
    Path probe = dir.resolve("probe");
    long oneReading;
    NetflowAgent measuring = agent(probe, Long.MAX_VALUE);
    measuring.tick();
    oneReading = Files.size(files(probe).get(0));
    NetflowAgent agent = agent(dir.resolve("spool"), 2 * oneReading + oneReading / 2);

    for (int k = 0; k < 3; k++) {
      reading(k);
      agent.tick();
    }
    assertEquals(8, agent.samplesDropped());
    startServer();
    reading(3);
    NetflowAgent restarted = agent(dir.resolve("spool"), 2 * oneReading + oneReading / 2);
    restarted.tick();

    assertEquals(24, restarted.samplesSent());
    assertEquals(List.of(new Point(T0 + 180, 2 * DELTA), new Point(T0 + 60, DELTA)),
        server.service().newest(1, ETH0, 10));
  }

  /** A clock the test sets to the time of each reading. */
  private static final class MutableClock extends Clock {

    private volatile long seconds = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(seconds);
    }
  }
}
