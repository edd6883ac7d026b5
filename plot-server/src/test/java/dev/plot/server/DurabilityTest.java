package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.thrift.gen.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged point survives the server being killed, and a clean stop. */
final class DurabilityTest {

  private static final long T0 = 1_764_806_400L;
  private static final int WRITERS = 3;

  private String serverLog = "";
  private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

  @TempDir
  Path dataDir;

  @ParameterizedTest
  @ValueSource(strings = {"log", "h2"})
  void killNine_keepsEveryAcknowledgedPoint(String store) throws Exception {
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    ServerProcess server = ServerProcess.start(dataDir, "--store", store);
    try {
      CountDownLatch enough = new CountDownLatch(1);
      AtomicBoolean killed = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        long rid = w + 1;
        Thread writer = new Thread(() -> writeUntilKilled(server, rid, acknowledged, enough,
            killed));
        writers.add(writer);
        writer.start();
      }
      enough.await();
      // The kill lands right after acknowledgements, while the other writers are mid-call.
      serverLog = server.log();
      server.killNine();
      killed.set(true);
      for (Thread writer : writers) {
        writer.join();
      }
    } finally {
      server.close();
    }

    try (ServerProcess restarted = ServerProcess.start(dataDir, "--store", store);
         PlotClient client = PlotClient.connect("127.0.0.1:" + restarted.thriftPort, false,
             30_000)) {
      Set<Long> stored = new HashSet<>();
      for (long rid = 1; rid <= WRITERS; rid++) {
        stored.addAll(client.api().plot_point(3, rid, 100_000));
      }
      assertTrue(acknowledged.size() >= 3000, "acknowledged " + acknowledged.size()
          + ", writers failed before the kill: " + failures + "\n" + serverLog);
      Set<Long> lost = new HashSet<>(acknowledged);
      lost.removeAll(stored);
      assertEquals(Set.of(), lost, "acknowledged points missing after kill -9");
    }
  }

  private void writeUntilKilled(ServerProcess server, long rid, Set<Long> acknowledged,
      CountDownLatch enough, AtomicBoolean killed) {
    try (PlotClient client = PlotClient.connect("127.0.0.1:" + server.thriftPort, false,
        10_000)) {
      for (int batch = 0; !killed.get(); batch++) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          long value = rid * 1_000_000_000L + batch * 100L + i;
          Sample sample = new Sample(3, rid, value);
          sample.setTime(T0 + batch * 100L + i);
          samples.add(sample);
        }
        client.api().save(samples);
        for (Sample sample : samples) {
          acknowledged.add(sample.getValue());
        }
        if (acknowledged.size() >= 3000) {
          enough.countDown();
        }
      }
    } catch (Exception e) {
      // Expected once the server is killed: the batch in flight may or may not be stored.
      if (!killed.get()) {
        failures.add(e.toString());
      }
      enough.countDown();
    }
  }

  @Test
  void stop_drainsAndKeepsEveryPoint() throws Exception {
    try (ServerProcess server = ServerProcess.start(dataDir);
         PlotClient client = PlotClient.connect("127.0.0.1:" + server.thriftPort, false,
             30_000)) {
      for (int i = 0; i < 50; i++) {
        client.api().plot(7, 1, i);
      }
      assertEquals(143, server.stop(), "exit code of SIGTERM through the shutdown hook");
    }
    try (ServerProcess restarted = ServerProcess.start(dataDir);
         PlotClient client = PlotClient.connect("127.0.0.1:" + restarted.thriftPort, false,
             30_000)) {
      List<Long> newest = client.api().plot_point(7, 1, 100);
      assertEquals(50, newest.size());
      assertEquals(49L, newest.get(0));
      assertEquals(0L, newest.get(49));
    }
  }
}
