package dev.plot.store.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Point;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.WriteBatch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The original system's tables, built with its DDL (named by the bare cid, MyISAM, unsigned
 * columns, an index on rid) and filled its way (one {@code INSERT DELAYED} per point), served
 * with {@code mysql.table-pattern={cid}}.
 */
@Tag("mysql")
final class OriginalTablesTest {

  /** The original's table, as its code created it after error 1146. */
  private static final String ORIGINAL_DDL = "CREATE TABLE `%s` (id int unsigned auto_increment"
      + " primary key, value bigint unsigned, time bigint unsigned, rid int unsigned, key(rid))"
      + " ENGINE=MyISAM";

  private static final long T0 = 1_764_806_400L;

  @BeforeEach
  void originalTables() throws SQLException {
    TestDatabase.dropPlotTables();
    try (Connection connection = TestDatabase.connect();
         Statement statement = connection.createStatement()) {
      statement.execute(String.format(ORIGINAL_DDL, "1"));
      statement.execute(String.format(ORIGINAL_DDL, "3"));
      // Host 3's bandwidth and two virtual machines, one point per minute, the original's way.
      for (int minute = 0; minute < 5; minute++) {
        long time = T0 + minute * 60L;
        saveTheOriginalWay(statement, 3, 3, 8 + minute, time);
        saveTheOriginalWay(statement, 1, 95, 100 + minute, time);
        saveTheOriginalWay(statement, 1, 14, 0, time);
      }
      // A point that arrived late: the original reads it first anyway, by id.
      saveTheOriginalWay(statement, 3, 3, 7, T0 - 3600);
      statement.execute("FLUSH TABLES `1`, `3`");
    }
  }

  private static void saveTheOriginalWay(Statement statement, long cid, long rid, long value,
      long time) throws SQLException {
    statement.execute("INSERT DELAYED INTO `" + cid + "` (value, time, rid) VALUES (" + value
        + ", " + time + ", " + rid + ")");
  }

  private static MysqlStore openOnOriginal() {
    return TestDatabase.open(MysqlStoreProvider.TABLE_PATTERN, "{cid}");
  }

  @Test
  void newest_readsByIdNewestFirst() {
    try (MysqlStore store = openOnOriginal()) {
      assertEquals(List.of(7L, 12L, 11L, 10L), store.newest(3, 3, 4).stream()
          .map(Point::value).toList());
      assertEquals(List.of(104L, 103L), store.newest(1, 95, 2).stream()
          .map(Point::value).toList());
      assertEquals(5, store.newest(1, 14, 1440).size());
      assertEquals(List.of(), store.newest(1, 3, 10));
    }
  }

  @Test
  void append_addsRowsTheOriginalReadsToo() throws SQLException {
    try (MysqlStore store = openOnOriginal()) {
      store.append(WriteBatch.of("new", List.of(new Sample(3, 3, T0 + 300, 13),
          new Sample(3, 3, T0 + 360, 14))));

      assertEquals(new Point(T0 + 360, 14), store.newest(3, 3, 1).get(0));
      assertEquals(List.of(3L), store.rids(3));
    }
    try (Connection connection = TestDatabase.connect()) {
      assertEquals(14, TestDatabase.number(connection,
          "SELECT value FROM `3` WHERE rid = 3 ORDER BY id DESC LIMIT 1"));
    }
  }

  @Test
  void append_neverAltersTheTable() throws SQLException {
    String before = createStatement("3");

    try (MysqlStore store = openOnOriginal()) {
      store.append(WriteBatch.of("new", List.of(new Sample(3, 3, T0 + 300, 13))));
    }

    assertEquals(before.replaceAll(" AUTO_INCREMENT=\\d+", ""),
        createStatement("3").replaceAll(" AUTO_INCREMENT=\\d+", ""));
  }

  @Test
  void append_newCidGetsPlotsInnoDbTable() throws SQLException {
    try (MysqlStore store = openOnOriginal()) {
      store.append(WriteBatch.of("new", List.of(new Sample(5, 1, T0, 1))));

      assertEquals(List.of(new Point(T0, 1)), store.newest(5, 1, 10));
    }
    assertTrue(createStatement("5").contains("ENGINE=InnoDB"), createStatement("5"));
  }

  @ParameterizedTest
  @CsvSource({
      "value, 3, -1, 1764806400",
      "value, 3, -9223372036854775807, 1764806400",
      "rid, 4294967296, 1, 1764806400",
      "time, 3, 1, -60",
  })
  void append_outsideOriginalRangeRefusedNamingField(String field, long rid, long value,
      long time) {
    try (MysqlStore store = openOnOriginal()) {
      StoreException refused = assertThrows(StoreException.class, () -> store.append(
          WriteBatch.of("bad", List.of(new Sample(3, 3, T0, 1), new Sample(3, rid, time, value)))));

      assertTrue(refused.getMessage().startsWith(field + ": "), refused.getMessage());
      assertEquals(6, store.newest(3, 3, 100).size());
    }
  }

  @Test
  void append_originalRangeEdgesAccepted() {
    try (MysqlStore store = openOnOriginal()) {
      store.append(WriteBatch.of("edges", List.of(
          new Sample(3, 4_294_967_295L, T0, Long.MAX_VALUE), new Sample(3, 1, T0, 0))));

      assertEquals(List.of(new Point(T0, Long.MAX_VALUE)), store.newest(3, 4_294_967_295L, 1));
      assertEquals(List.of(new Point(T0, 0)), store.newest(3, 1, 1));
    }
  }

  @Test
  void newest_valueAbove63BitsIsErrorNamingRow() throws SQLException {
    try (Connection connection = TestDatabase.connect();
         Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO `3` (id, value, time, rid)"
          + " VALUES (1000, 18446744073709551615, " + T0 + ", 3)");
    }

    try (MysqlStore store = openOnOriginal()) {
      StoreException refused = assertThrows(StoreException.class, () -> store.newest(3, 3, 10));

      assertTrue(refused.getMessage().contains("row id=1000"), refused.getMessage());
      assertTrue(refused.getMessage().contains("18446744073709551615"), refused.getMessage());
    }
  }

  @Test
  void rangeAndBefore_followIdOrder() {
    try (MysqlStore store = openOnOriginal()) {
      assertEquals(List.of(new Point(T0 + 60, 101), new Point(T0 + 120, 102)),
          store.range(1, 95, T0 + 60, T0 + 180, 100));
      assertEquals(Optional.of(new Point(T0 + 180, 103)), store.before(1, 95, T0 + 240));
    }
  }

  private static String createStatement(String table) throws SQLException {
    try (Connection connection = TestDatabase.connect();
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
      rows.next();
      return rows.getString(2);
    }
  }
}
