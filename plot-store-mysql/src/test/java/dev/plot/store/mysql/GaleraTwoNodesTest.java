package dev.plot.store.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Point;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.WriteBatch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two stores on two nodes of a Galera cluster, as two plot servers would be: causal reads,
 * one batch sent to both, conflicts on a shared row, MyISAM refused.
 */
@Tag("galera")
@ExtendWith(GaleraClusterExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
final class GaleraTwoNodesTest {

  private static final long T0 = 1_764_806_400L;

  private final GaleraCluster cluster = GaleraClusterExtension.cluster();

  private static MysqlStore open(String url, String... keysAndValues) {
    return new MysqlStore(MysqlSettings.from(TestDatabase.settingsAt(url, keysAndValues)));
  }

  @BeforeEach
  void freshTables() {
    TestDatabase.dropPlotTables(cluster.url(1));
  }

  @Test
  void newest_otherNodeSeesWriteAtOnce() {
    try (MysqlStore writer = open(cluster.url(1)); MysqlStore reader = open(cluster.url(3))) {
      for (int round = 0; round < 50; round++) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
          samples.add(new Sample(31, round + 1, T0 + i, i));
        }
        writer.append(WriteBatch.of("round-" + round, samples));

        assertEquals(200, reader.newest(31, round + 1, 1000).size(), "round " + round);
      }
    }
  }

  @Test
  void append_sameBatchOnTwoNodesSavedOnce() throws Exception {
    try (MysqlStore one = open(cluster.url(1)); MysqlStore two = open(cluster.url(2))) {
      one.append(WriteBatch.of("tables", List.of(new Sample(32, 2, T0, 0))));
      two.append(WriteBatch.of("tables-too", List.of(new Sample(32, 2, T0, 0))));
      for (int round = 0; round < 20; round++) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          samples.add(new Sample(32, 1, T0 + round * 100L + i, i));
        }
        WriteBatch retried = WriteBatch.of("twice-" + round, samples);

        assertEquals(List.of(100, 100), both(() -> one.append(retried),
            () -> two.append(retried)));
      }

      assertEquals(2_000, one.newest(32, 1, 10_000).size());
      assertEquals(2_000, two.newest(32, 1, 10_000).size());
    }
  }

  @Test
  void append_sameMetaKeyFromTwoNodesRetriedOnConflict() throws Exception {
    int batches = 300;
    // Eight writers on one row conflict often; the test is that each conflict is retried.
    try (MysqlStore one = open(cluster.url(1), MysqlStoreProvider.RETRIES, "50");
         MysqlStore two = open(cluster.url(2), MysqlStoreProvider.RETRIES, "50")) {
      one.append(WriteBatch.of("tables", List.of(new Sample(35, 3, T0, 0))));

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
          MysqlStore store = w % 2 == 0 ? one : two;
          long rid = w % 2 + 1;
          writers.add(() -> progress(store, rid, batches / 4));
        }
        for (Future<Integer> done : pool.invokeAll(writers)) {
          done.get();
        }
      } finally {
        pool.shutdown();
      }

      assertEquals(batches, one.newest(35, 1, 1000).size());
      assertEquals(batches, one.newest(35, 2, 1000).size());
      assertTrue(Set.of("rid 1", "rid 2").contains(two.meta("rollup:35").orElseThrow()));
    }
  }

  /** Appends batches that each also set one shared metadata row, as rollups do. */
  private int progress(MysqlStore store, long rid, int batches) {
    for (int i = 0; i < batches; i++) {
      store.append(new WriteBatch(UUID.randomUUID().toString(),
          List.of(new Sample(35, rid, T0, i)), Map.of("rollup:35", "rid " + rid)));
    }
    return batches;
  }

  @Test
  void append_originalMyIsamTableRefusedButReadable() throws Exception {
    try (Connection connection = DriverManager.getConnection(cluster.url(1),
        TestDatabase.USER, TestDatabase.PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE `33` (id int unsigned auto_increment primary key,"
          + " value bigint unsigned, time bigint unsigned, rid int unsigned, key(rid))"
          + " ENGINE=MyISAM");
      statement.execute("INSERT INTO `33` (value, time, rid) VALUES (11, " + T0 + ", 3)");
    }

    try (MysqlStore store = open(cluster.url(1), MysqlStoreProvider.TABLE_PATTERN, "{cid}")) {
      StoreException refused = assertThrows(StoreException.class, () -> store.append(
          WriteBatch.of("b", List.of(new Sample(33, 3, T0 + 60, 12)))));

      assertTrue(refused.getMessage().contains("does not replicate"), refused.getMessage());
      assertEquals(List.of(new Point(T0, 11)), store.newest(33, 3, 10));
    }
  }

  /** Runs two calls at once and returns their results in order. */
  private static <T> List<T> both(Callable<T> first, Callable<T> second) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> done : pool.invokeAll(List.of(first, second))) {
        results.add(done.get());
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }
}
