package dev.plot.store.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Point;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.WriteBatch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the store: a {@code mariadbd} of the test's own is killed with
 * SIGKILL in the middle of a write loop and started again.
 */
@Tag("mysql")
final class RestartTest {

  private static final long T0 = 1_764_806_400L;
  private static final int POINTS_PER_BATCH = 50;

  private static OwnMariadb database;

  @BeforeAll
  static void startDatabase() throws Exception {
    database = OwnMariadb.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  private static MysqlStore open(String cidTable, long writeWaitMs) {
    Map<String, String> settings = new HashMap<>();
    settings.put(MysqlStoreProvider.URL, database.url());
    settings.put(MysqlStoreProvider.USER, "root");
    settings.put(MysqlStoreProvider.TABLE_PATTERN, cidTable + "_{cid}");
    settings.put(MysqlStoreProvider.WRITE_WAIT_MS, String.valueOf(writeWaitMs));
    return new MysqlStore(MysqlSettings.from(settings));
  }

  @Test
  void append_killedMidLoopKeepsEveryAcknowledgedPointOnce() throws Exception {
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failedBatches = new AtomicInteger();
    CountDownLatch beforeKill = new CountDownLatch(20);
    CountDownLatch afterRestart = new CountDownLatch(20);
    AtomicBoolean restarted = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();

    try (MysqlStore store = open("loop", 60_000)) {
      Thread writer = new Thread(() -> {
        for (long batch = 0; !stop.get(); batch++) {
          List<Sample> samples = new ArrayList<>();
          for (int i = 0; i < POINTS_PER_BATCH; i++) {
            long value = batch * POINTS_PER_BATCH + i;
            samples.add(new Sample(7, 1, T0 + value, value));
          }
          try {
            store.append(WriteBatch.of(UUID.randomUUID().toString(), samples));
          } catch (StoreException e) {
            failedBatches.incrementAndGet();
            continue;
          }
          samples.forEach(sample -> acknowledged.add(sample.value()));
          beforeKill.countDown();
          if (restarted.get()) {
            afterRestart.countDown();
          }
        }
      }, "restart-test-writer");
      writer.start();

      assertTrue(beforeKill.await(120, TimeUnit.SECONDS), "writes before the kill");
      database.kill();
      database.restart();
      restarted.set(true);
      assertTrue(afterRestart.await(120, TimeUnit.SECONDS), "writes after the restart");
      stop.set(true);
      writer.join();
    }

    Map<Long, Integer> copies = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(database.url(), "root", "");
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT value FROM loop_7")) {
      while (rows.next()) {
        copies.merge(rows.getLong(1), 1, Integer::sum);
      }
    }
    long present = acknowledged.stream().filter(copies::containsKey).count();
    long duplicates = copies.values().stream().filter(count -> count > 1).count();
    System.out.printf("restart test: acknowledged=%d present=%d duplicates=%d failed"
        + " batches=%d rows=%d%n", acknowledged.size(), present, duplicates, failedBatches.get(),
        copies.size());
    assertEquals(acknowledged.size(), present, "acknowledged points present");
    assertEquals(0, duplicates, "points saved twice");
  }

  @Test
  void append_databaseStaysDownFailsAfterWaitThenRecovers() throws Exception {
    try (MysqlStore store = open("down", 1_500)) {
      store.append(WriteBatch.of("before", List.of(new Sample(8, 1, T0, 1))));

      database.kill();
      try {
        StoreException write = assertThrows(StoreException.class, () -> store.append(
            WriteBatch.of("while-down", List.of(new Sample(8, 1, T0 + 60, 2)))));
        StoreException read = assertTimeoutPreemptively(Duration.ofSeconds(10),
            () -> assertThrows(StoreException.class, () -> store.newest(8, 1, 10)));

        assertTrue(write.getMessage().contains("mysql.write-wait-ms=1500"), write.getMessage());
        assertTrue(write.getMessage().contains("nothing was saved"), write.getMessage());
        assertTrue(read.getMessage().contains("unreachable"), read.getMessage());
      } finally {
        database.restart();
      }

      store.append(WriteBatch.of("after", List.of(new Sample(8, 1, T0 + 120, 3))));
      assertEquals(List.of(new Point(T0 + 120, 3), new Point(T0, 1)), store.newest(8, 1, 10));
    }
  }
}
