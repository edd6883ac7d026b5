package dev.plot.store.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.WriteBatch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node of a Galera cluster dies with kill -9 under writes from two stores on two nodes, and
 * comes back; every acknowledged point must be on every node exactly once.
 */
@Tag("galera")
@ExtendWith(GaleraClusterExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
final class GaleraNodeFailureTest {

  private static final long T0 = 1_764_806_400L;
  private static final int WRITERS_PER_STORE = 2;
  private static final int POINTS_PER_BATCH = 100;
  private static final long CID = 34;

  private final GaleraCluster cluster = GaleraClusterExtension.cluster();

  private static MysqlStore open(String url, String... keysAndValues) {
    return new MysqlStore(MysqlSettings.from(TestDatabase.settingsAt(url, keysAndValues)));
  }

  @Test
  void append_nodeKilledMidLoopKeepsEveryAcknowledgedPointOnEveryNodeOnce() throws Exception {
    TestDatabase.dropPlotTables(cluster.url(1));
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicLong failedBatches = new AtomicLong();
    AtomicLong longestAppendMs = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch beforeKill = new CountDownLatch(40);
    CountDownLatch whileDown = new CountDownLatch(40);
    CountDownLatch afterRestart = new CountDownLatch(40);
    AtomicLong phase = new AtomicLong();

    List<Thread> writers = new ArrayList<>();
    try (MysqlStore one = open(cluster.url(1, 2, 3), MysqlStoreProvider.WRITE_WAIT_MS, "60000");
         MysqlStore two = open(cluster.url(2, 3, 1), MysqlStoreProvider.WRITE_WAIT_MS, "60000")) {
      for (int w = 0; w < 2 * WRITERS_PER_STORE; w++) {
        MysqlStore store = w < WRITERS_PER_STORE ? one : two;
        long writer = w;
        writers.add(new Thread(() -> {
          for (long batch = 0; !stop.get(); batch++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < POINTS_PER_BATCH; i++) {
              long value = writer * 1_000_000_000L + batch * POINTS_PER_BATCH + i;
              samples.add(new Sample(CID, writer + 1, T0 + batch, value));
            }
            long started = System.nanoTime();
            try {
              store.append(WriteBatch.of(UUID.randomUUID().toString(), samples));
            } catch (StoreException e) {
              failedBatches.incrementAndGet();
              System.out.println("galera node-kill test: append failed: " + e.getMessage());
              continue;
            }
            longestAppendMs.accumulateAndGet(
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
            samples.forEach(sample -> acknowledged.add(sample.value()));
            List.of(beforeKill, whileDown, afterRestart).get((int) phase.get()).countDown();
          }
        }, "galera-writer-" + w));
      }
      writers.forEach(Thread::start);

      assertTrue(beforeKill.await(60, TimeUnit.SECONDS), "writes before the kill");
      cluster.kill(1);
      phase.set(1);
      assertTrue(whileDown.await(60, TimeUnit.SECONDS), "writes with node 1 down");
      phase.set(2);
      cluster.restartMissing();
      assertTrue(afterRestart.await(60, TimeUnit.SECONDS), "writes after the restart");
      stop.set(true);
      for (Thread thread : writers) {
        thread.join();
      }
    } finally {
      stop.set(true);
    }

    for (int node = 1; node <= 3; node++) {
      Map<Long, Integer> copies = values(node);
      long present = acknowledged.stream().filter(copies::containsKey).count();
      long duplicates = copies.values().stream().filter(count -> count > 1).count();
      System.out.printf("galera node-kill test: node%d acknowledged=%d present=%d"
          + " duplicates=%d rows=%d failed batches=%d longest append=%d ms%n", node,
          acknowledged.size(), present, duplicates, copies.size(), failedBatches.get(),
          longestAppendMs.get());
      assertEquals(acknowledged.size(), present, "acknowledged points on node" + node);
      assertEquals(0, duplicates, "points saved twice on node" + node);
    }
  }

  /** Every value of the test's table and how often it occurs, read on one node. */
  private Map<Long, Integer> values(int node) throws SQLException {
    Map<Long, Integer> copies = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(cluster.url(node),
        TestDatabase.USER, TestDatabase.PASSWORD);
         Statement statement = connection.createStatement()) {
      // Waits until this node has applied everything committed before the read.
      statement.execute("SET SESSION wsrep_sync_wait = 1");
      try (ResultSet rows = statement.executeQuery("SELECT value FROM plot_" + CID)) {
        while (rows.next()) {
          copies.merge(rows.getLong(1), 1, Integer::sum);
        }
      }
    }
    return copies;
  }
}
