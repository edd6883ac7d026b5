package dev.plot.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MariaDB baselines on the W1 data set, over JDBC:
 * <ul>
 *   <li>the original's write path: one autocommitted single-row INSERT per point into a MyISAM
 *       table shaped like the 2012 service's (auto-increment id, value, time, indexed rid), and
 *       its read, {@code ORDER BY id DESC};</li>
 *   <li>raw multi-row INSERT batches into InnoDB with key (rid, time), each batch committed
 *       before the next is sent, which is the ceiling for plot's MySQL store, and its read, one
 *       range scan of the key.</li>
 * </ul>
 */
public final class MariaDbBaseline {

  /** The original's table, named like plot's: the cid prefixed. */
  static final String ORIGINAL_TABLE = "original_3";
  /** The batched table with the key plot's own MySQL tables have. */
  static final String BATCHED_TABLE = "batched_3";

  private final String url;
  private final String user;
  private final String password;
  private final Workload workload;

  /**
   * @param url JDBC URL of the database the tables are created in (it is created if absent)
   */
  public MariaDbBaseline(String url, String user, String password, Workload workload) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.workload = workload;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Drops and creates both tables. */
  public void createTables() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + ORIGINAL_TABLE);
      statement.execute("DROP TABLE IF EXISTS " + BATCHED_TABLE);
      statement.execute("CREATE TABLE " + ORIGINAL_TABLE + " (id int unsigned NOT NULL"
          + " AUTO_INCREMENT PRIMARY KEY, value bigint unsigned NOT NULL, time bigint unsigned"
          + " NOT NULL, rid int unsigned NOT NULL, KEY rid (rid)) ENGINE=MyISAM");
      statement.execute("CREATE TABLE " + BATCHED_TABLE + " (rid int unsigned NOT NULL,"
          + " time bigint unsigned NOT NULL, value bigint unsigned NOT NULL,"
          + " PRIMARY KEY (rid, time)) ENGINE=InnoDB");
    }
  }

  /** Drops both tables. */
  public void dropTables() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + ORIGINAL_TABLE);
      statement.execute("DROP TABLE IF EXISTS " + BATCHED_TABLE);
    }
  }

  /**
   * The original's write path on the first {@code points} points (time-major): one
   * autocommitted INSERT per point, one connection, as the 2012 server did per Thrift call.
   *
   * @return seconds taken
   */
  public double originalInserts(int points, PrintStream out) throws SQLException {
    AtomicLong done = new AtomicLong();
    int total = Math.min(points, workload.totalPoints());
    try (Connection connection = connect();
         PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ORIGINAL_TABLE
             + " (value, time, rid) VALUES (?, ?, ?)");
         Progress progress = new Progress("original inserts", "points", total, done::get, out)) {
      connection.setAutoCommit(true);
      long start = System.nanoTime();
      int batch = 0;
      int[] left = {total};
      while (left[0] > 0) {
        workload.forEachInBatch(batch++, 1000, (cid, rid, time, value) -> {
          if (left[0] <= 0) {
            return;
          }
          try {
            insert.setLong(1, value);
            insert.setLong(2, time);
            insert.setLong(3, rid);
            insert.executeUpdate();
          } catch (SQLException e) {
            throw new IllegalStateException("insert failed: " + e.getMessage(), e);
          }
          left[0]--;
          done.incrementAndGet();
        });
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /**
   * Loads the rest of the original's table quickly (multi-row INSERTs, untimed), so its read
   * can be measured on the full data set.
   */
  public void fillOriginal(int skipPoints) throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(true);
      int batches = workload.batchCount(1000);
      for (int batch = skipPoints / 1000; batch < batches; batch++) {
        insertBatch(connection, ORIGINAL_TABLE, "(value, time, rid)", batch, 1000, true);
      }
    }
  }

  /**
   * Raw multi-row INSERT batches into the InnoDB table, {@code clients} connections taking
   * batches in time-major order, each batch committed alone.
   *
   * @return seconds from the first send to the last commit
   */
  public double batchedInserts(int clients, int batchSize, PrintStream out) throws Exception {
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong done = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    int batches = workload.batchCount(batchSize);
    try {
      for (int i = 0; i < clients; i++) {
        Connection connection = connect();
        connection.setAutoCommit(false);
        connections.add(connection);
      }
      try (Progress progress = new Progress("jdbc batches", "points", workload.totalPoints(),
          done::get, out)) {
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (Connection connection : connections) {
          running.add(pool.submit(() -> {
            for (int batch = next.getAndIncrement(); batch < batches;
                batch = next.getAndIncrement()) {
              done.addAndGet(insertBatch(connection, BATCHED_TABLE, "(rid, time, value)", batch,
                  batchSize, false));
              connection.commit();
            }
            return null;
          }));
        }
        IngestRun.waitAll(running);
        return (System.nanoTime() - start) / 1e9;
      }
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /** One multi-row INSERT of a batch; the column order is the one {@code columns} names. */
  private int insertBatch(Connection connection, String table, String columns, int batch,
      int batchSize, boolean valueFirst) throws SQLException {
    StringBuilder sql = new StringBuilder(64 + batchSize * 40);
    sql.append("INSERT INTO ").append(table).append(' ').append(columns).append(" VALUES ");
    int[] rows = {0};
    workload.forEachInBatch(batch, batchSize, (cid, rid, time, value) -> {
      if (rows[0]++ > 0) {
        sql.append(',');
      }
      if (valueFirst) {
        sql.append('(').append(value).append(',').append(time).append(',').append(rid);
      } else {
        sql.append('(').append(rid).append(',').append(time).append(',').append(value);
      }
      sql.append(')');
    });
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql.toString());
    }
    return rows[0];
  }

  /** Counts the rows of a table. */
  public long count(String table) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A reader of the newest points of a series from one of the two tables, over JDBC. */
  public SeriesReader.Factory readers(String table, int limit) {
    String order = table.equals(ORIGINAL_TABLE) ? "id" : "time";
    String sql = "SELECT value FROM " + table + " WHERE rid = ? ORDER BY " + order
        + " DESC LIMIT ?";
    return () -> {
      Connection connection = connect();
      PreparedStatement select = connection.prepareStatement(sql);
      return new SeriesReader() {
        @Override
        public boolean read(long rid) throws SQLException {
          select.setLong(1, rid);
          select.setInt(2, limit);
          int count = 0;
          long newest = -1;
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              long value = rows.getLong(1);
              if (count++ == 0) {
                newest = value;
              }
            }
          }
          return count == Math.min(limit, workload.points())
              && newest == workload.newestValue(rid);
        }

        @Override
        public void close() {
          try {
            connection.close();
          } catch (SQLException e) {
            // Closing after the measurement: nothing to recover, the figures are taken.
          }
        }
      };
    };
  }
}
