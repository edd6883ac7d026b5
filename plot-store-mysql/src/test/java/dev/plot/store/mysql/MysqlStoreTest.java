package dev.plot.store.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.StoreProvider;
import dev.plot.api.WriteBatch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the MySQL store adds to the contract: its tables, keys, races and settings. */
@Tag("mysql")
final class MysqlStoreTest {

  private static final long T0 = 1_764_806_400L;

  @BeforeEach
  void freshTables() {
    TestDatabase.dropPlotTables();
  }

  // ---- tables and keys ----

  @Test
  void newest_isRangeScanOfPrimaryKey() throws Exception {
    try (MysqlStore store = TestDatabase.open()) {
      List<Sample> samples = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        samples.add(new Sample(3, 1 + i % 20, T0 + i, i));
      }
      store.append(WriteBatch.of("explain", samples));
    }

    try (Connection connection = TestDatabase.connect();
         Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE TABLE plot_3");
      try (ResultSet plan = statement.executeQuery("EXPLAIN SELECT time, value FROM plot_3"
          + " WHERE rid = 7 ORDER BY time DESC, id DESC LIMIT 1440")) {
        assertTrue(plan.next());
        assertEquals("PRIMARY", plan.getString("key"));
        assertTrue(List.of("ref", "range").contains(plan.getString("type")),
            "access type " + plan.getString("type"));
        String extra = String.valueOf(plan.getString("Extra"));
        assertFalse(extra.contains("filesort"), "extra: " + extra);
        assertFalse(plan.next());
      }
    }
  }

  @Test
  void append_createsInnoDbTableNamedByPattern() throws Exception {
    try (MysqlStore store = TestDatabase.open(MysqlStoreProvider.TABLE_PATTERN, "plot_{cid}")) {
      store.append(WriteBatch.of("b", List.of(new Sample(13, 3, T0, 11))));
    }

    try (Connection connection = TestDatabase.connect()) {
      assertEquals(1, TestDatabase.number(connection, "SELECT COUNT(*) FROM"
          + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
          + " AND TABLE_NAME = 'plot_13' AND ENGINE = 'InnoDB'"
          + " AND TABLE_COLLATION LIKE 'utf8mb4%'"));
    }
  }

  @Test
  void append_serversRacingOnNewCidAllSucceed() throws Exception {
    int writers = 8;
    try (MysqlStore one = TestDatabase.open(); MysqlStore two = TestDatabase.open()) {
      List<Callable<Integer>> firstWrites = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        PointStore store = w % 2 == 0 ? one : two;
        long rid = w + 1;
        firstWrites.add(() -> store.append(WriteBatch.of(UUID.randomUUID().toString(),
            List.of(new Sample(41, rid, T0, rid)))));
      }

      ExecutorService pool = Executors.newFixedThreadPool(writers);
      try {
        for (Future<Integer> done : pool.invokeAll(firstWrites)) {
          assertEquals(1, done.get());
        }
      } finally {
        pool.shutdown();
      }

      for (long rid = 1; rid <= writers; rid++) {
        assertEquals(List.of(new Point(T0, rid)), one.newest(41, rid, 10));
      }
    }
  }

  @Test
  void append_sameBatchFromTwoServersAtOnceSavedOnce() throws Exception {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      samples.add(new Sample(42, 1, T0 + i, i));
    }
    WriteBatch retried = WriteBatch.of("sent-twice", samples);

    try (MysqlStore one = TestDatabase.open(); MysqlStore two = TestDatabase.open()) {
      one.append(WriteBatch.of("table-exists", List.of(new Sample(42, 2, T0, 0))));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Integer>> sends = List.of(() -> one.append(retried),
            () -> two.append(retried), () -> one.append(retried), () -> two.append(retried));
        for (Future<Integer> done : pool.invokeAll(sends)) {
          assertEquals(500, done.get());
        }
      } finally {
        pool.shutdown();
      }

      assertEquals(500, one.newest(42, 1, 10_000).size());
    }
  }

  // ---- engines: plot's own tables are InnoDB ----

  @Test
  void append_refusesMyIsamTableOfPlotsLayout() throws Exception {
    try (Connection connection = TestDatabase.connect();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE plot_44 (rid BIGINT NOT NULL, time BIGINT NOT NULL,"
          + " id BIGINT NOT NULL AUTO_INCREMENT, value BIGINT NOT NULL,"
          + " PRIMARY KEY (rid, time, id), KEY (id)) ENGINE=MyISAM");
    }

    try (MysqlStore store = TestDatabase.open()) {
      StoreException refused = assertThrows(StoreException.class,
          () -> store.append(WriteBatch.of("b", List.of(new Sample(44, 1, T0, 1)))));

      assertTrue(refused.getMessage().contains("must be InnoDB"), refused.getMessage());
      assertEquals(List.of(), store.newest(44, 1, 10));
    }
  }

  @Test
  void open_refusesMyIsamFixedTable() throws Exception {
    TestDatabase.open().close();
    try (Connection connection = TestDatabase.connect();
         Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE plot_category ENGINE=MyISAM");
    }

    StoreException refused = assertThrows(StoreException.class, TestDatabase::open);

    assertTrue(refused.getMessage().contains("plot_category is MyISAM"), refused.getMessage());
  }

  @Test
  void append_tableDroppedBehindTheStoreIsCreatedAgain() throws Exception {
    try (MysqlStore store = TestDatabase.open()) {
      store.append(WriteBatch.of("first", List.of(new Sample(45, 1, T0, 1))));
      try (Connection connection = TestDatabase.connect();
           Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE plot_45");
      }

      store.append(WriteBatch.of("second", List.of(new Sample(45, 1, T0 + 60, 2))));

      assertEquals(List.of(new Point(T0 + 60, 2)), store.newest(45, 1, 10));
    }
  }

  // ---- settings ----

  @Test
  void provider_foundByNameMysql() {
    List<String> names = ServiceLoader.load(StoreProvider.class).stream()
        .map(provider -> provider.get().name())
        .toList();

    assertTrue(names.contains("mysql"), "providers: " + names);
  }

  @ParameterizedTest
  @CsvSource({
      "mysql.url, jdbc:postgresql://127.0.0.1/plot",
      "mysql.pool-size, 0",
      "mysql.pool-size, eight",
      "mysql.table-pattern, plot",
      "mysql.table-pattern, plot_{cid}_{cid}",
      "mysql.table-pattern, plot-{cid}",
      "mysql.table-pattern, 'x`; DROP TABLE plot_meta; -- {cid}'",
      "mysql.write-wait-ms, -1",
      "mysql.retries, -1",
      "mysql.causal-reads, yes",
  })
  void open_invalidSettingNamed(String key, String value) {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new MysqlStoreProvider().open(TestDatabase.settings(key, value)));

    assertTrue(refused.getMessage().contains(key), refused.getMessage());
  }

  @Test
  void open_unreachableDatabaseNamed() {
    StoreException refused = assertThrows(StoreException.class, () -> new MysqlStoreProvider()
        .open(TestDatabase.settingsAt("jdbc:mysql://127.0.0.1:1/plot")));

    assertTrue(refused.getMessage().contains("cannot reach"), refused.getMessage());
  }

  @Test
  void settings_passwordNotInText() {
    MysqlSettings settings = MysqlSettings.from(TestDatabase.settings(
        MysqlStoreProvider.PASSWORD, "s3cret"));

    assertFalse(settings.toString().contains("s3cret"), settings.toString());
  }
}
