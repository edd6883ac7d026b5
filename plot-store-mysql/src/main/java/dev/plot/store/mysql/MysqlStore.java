package dev.plot.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.plot.api.Category;
import dev.plot.api.CategoryRow;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.StoredChart;
import dev.plot.api.WriteBatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production store: MySQL or MariaDB, alone or as a Galera cluster. Each cid has its own
 * table ({@link MysqlSettings#tablePattern()}), keyed {@code (rid, time, id)} so the newest
 * points of a series are one backward range scan of the primary key; {@code id} is an
 * auto-increment that orders equal times by insertion. Tables with the original system's
 * layout are served as they stand, read by id as the original read them, and never altered.
 *
 * <p>Each {@link #append} is one transaction holding its points (as multi-row INSERTs) and its
 * batch id; it returns after the commit. See {@link Transactions} for waits and retries.
 */
public final class MysqlStore implements PointStore {

  /** Rows of one INSERT: about 50 kB of SQL, far below any max_allowed_packet. */
  private static final int ROWS_PER_INSERT = 1000;

  private static final Logger log = LoggerFactory.getLogger(MysqlStore.class);

  /** MySQL's error for a second row with the same unique key. */
  private static final int DUPLICATE_KEY = 1062;
  /** How long batch ids are kept for retries, in seconds. */
  private static final long BATCH_ID_KEEP_SECONDS = 86_400;
  /** How often old batch ids are pruned, in seconds. */
  private static final long BATCH_PRUNE_EVERY_SECONDS = 3_600;

  private final MysqlSettings settings;
  private final boolean cluster;
  private final HikariDataSource dataSource;
  private final SqlSessionFactory sessions;
  private final Transactions transactions;
  private final SeriesTables tables;
  private final AtomicLong lastBatchPrune = new AtomicLong();

  /**
   * Connects, creates or migrates plot's fixed tables, and checks they are InnoDB.
   *
   * @throws StoreException when the database cannot be reached or holds a schema plot cannot
   *     use
   */
  public MysqlStore(MysqlSettings settings) {
    this.settings = settings;
    this.cluster = Database.probeCluster(settings);
    this.dataSource = Database.open(settings, cluster);

    // Sessions run on connections the store borrows, commits and returns itself.
    ManagedTransactionFactory borrowed = new ManagedTransactionFactory();
    Properties keepOpen = new Properties();
    keepOpen.setProperty("closeConnection", "false");
    borrowed.setProperties(keepOpen);
    Configuration mybatis = new Configuration(new Environment("mysql", borrowed, dataSource));
    mybatis.addMapper(MysqlMapper.class);
    this.sessions = new SqlSessionFactoryBuilder().build(mybatis);
    this.transactions = new Transactions(dataSource, settings);
    this.tables = new SeriesTables(settings);
    log.info("mysql store open url={} user={} tables={} cluster={} causalReads={}",
        settings.safeUrl(), settings.user(), settings.tablePattern(), cluster,
        cluster && settings.causalReads());
  }

  /** Whether the database is a Galera cluster. */
  public boolean cluster() {
    return cluster;
  }

  // ---- writes ----

  @Override
  public int append(WriteBatch batch) {
    Map<Long, List<Sample>> byCid = new LinkedHashMap<>();
    for (Sample sample : batch.samples()) {
      byCid.computeIfAbsent(sample.cid(), cid -> new ArrayList<>()).add(sample);
    }
    int saved = transactions.write("append", attempt -> appendOnce(batch, byCid, attempt),
        tables::forgetAll);
    pruneBatchIds();
    return saved;
  }

  private int appendOnce(WriteBatch batch, Map<Long, List<Sample>> byCid,
      Transactions.Attempt attempt) throws SQLException {
    Connection connection = attempt.connection();
    Map<Long, SeriesTable> targets = ensureTables(byCid, connection);

    connection.setAutoCommit(false);
    try (SqlSession session = sessions.openSession(connection)) {
      MysqlMapper mapper = session.getMapper(MysqlMapper.class);
      if (!claimBatchId(batch, mapper)) {
        connection.rollback();
        return batch.samples().size();
      }
      for (Map.Entry<Long, List<Sample>> series : byCid.entrySet()) {
        insertPoints(connection, targets.get(series.getKey()).name(), series.getValue());
      }
      for (Map.Entry<String, String> entry : batch.meta().entrySet()) {
        mapper.mergeMeta(entry.getKey(), entry.getValue());
      }
      attempt.commit();
    }
    return batch.samples().size();
  }

  /**
   * Sends one cid's points as multi-row INSERTs written here. Only integers go into the text,
   * so it needs no escaping; binding a prepared batch and letting the driver rewrite it cost
   * the server more CPU than the database spent storing the rows (see BENCHMARKS.md).
   */
  private static void insertPoints(Connection connection, String table, List<Sample> samples)
      throws SQLException {
    String head = "INSERT INTO `" + table + "` (rid, time, value) VALUES ";
    try (Statement insert = connection.createStatement()) {
      for (int from = 0; from < samples.size(); from += ROWS_PER_INSERT) {
        int to = Math.min(samples.size(), from + ROWS_PER_INSERT);
        StringBuilder sql = new StringBuilder(head.length() + (to - from) * 48).append(head);
        for (int i = from; i < to; i++) {
          Sample sample = samples.get(i);
          sql.append(i == from ? "(" : ",(").append(sample.rid()).append(',')
              .append(sample.time()).append(',').append(sample.value()).append(')');
        }
        insert.executeUpdate(sql.toString());
      }
    }
  }

  /**
   * Inserts the batch id first, so a batch already committed (by an earlier attempt whose
   * commit was in doubt, or by another server retrying it) is found before any point is sent.
   * A concurrent insert of the same id waits for the other transaction, then sees its row.
   *
   * @return whether this transaction owns the batch; false when it committed already
   */
  private static boolean claimBatchId(WriteBatch batch, MysqlMapper mapper) {
    try {
      mapper.insertBatch(batch.batchId(), batch.samples().size(), nowSeconds());
      return true;
    } catch (PersistenceException e) {
      if (duplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  private static boolean duplicateKey(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** Finds or creates the table of each cid and checks every sample fits it, before BEGIN. */
  private Map<Long, SeriesTable> ensureTables(Map<Long, List<Sample>> byCid,
      Connection connection) {
    Map<Long, SeriesTable> targets = new LinkedHashMap<>();
    try (SqlSession session = sessions.openSession(connection)) {
      MysqlMapper mapper = session.getMapper(MysqlMapper.class);
      for (Map.Entry<Long, List<Sample>> series : byCid.entrySet()) {
        SeriesTable table = tables.ensure(series.getKey(), mapper);
        table.checkWritable(cluster);
        series.getValue().forEach(table::checkSample);
        targets.put(series.getKey(), table);
      }
    }
    return targets;
  }

  /** Deletes old batch ids now and then, outside any append's transaction. */
  private void pruneBatchIds() {
    long now = nowSeconds();
    long last = lastBatchPrune.get();
    if (now - last < BATCH_PRUNE_EVERY_SECONDS || !lastBatchPrune.compareAndSet(last, now)) {
      return;
    }
    try {
      transactions.read("prune of batch ids",
          attempt -> mapper(attempt, mapper -> mapper.pruneBatches(now - BATCH_ID_KEEP_SECONDS)));
    } catch (StoreException e) {
      // The ids stay a little longer; the next prune takes them.
      log.warn("mysql store - pruning old batch ids failed, kept for now: {}", e.getMessage());
    }
  }

  @Override
  public int deleteBefore(long cid, long time, int maxRows) {
    return transactions.write("delete", attempt -> mapper(attempt, mapper ->
        tables.find(cid, mapper).map(table -> mapper.deleteBefore(table.name(), time, maxRows))
            .orElse(0)), tables::forgetAll);
  }

  @Override
  public void putCategory(Category category) {
    transactions.write("category write", attempt -> mapper(attempt, mapper -> {
      mapper.mergeCategory(CategoryRow.of(category));
      return null;
    }), tables::forgetAll);
  }

  @Override
  public boolean insertCategory(Category category) {
    return transactions.write("category write", attempt -> mapper(attempt,
        mapper -> mapper.insertCategory(CategoryRow.of(category)) > 0), tables::forgetAll);
  }

  @Override
  public String putChart(StoredChart chart) {
    return transactions.write("chart write", attempt -> mapper(attempt, mapper -> {
      mapper.insertChart(chart.code(), chart.specKey(), chart.spec(), chart.created());
      String code = mapper.chartCodeByKey(chart.specKey());
      if (code == null) {
        throw new StoreException("chart code " + chart.code() + " is taken by another spec");
      }
      return code;
    }), tables::forgetAll);
  }

  @Override
  public void putMeta(String key, String value) {
    transactions.write("metadata write", attempt -> mapper(attempt, mapper -> {
      if (value == null) {
        mapper.deleteMeta(key);
      } else {
        mapper.mergeMeta(key, value);
      }
      return null;
    }), tables::forgetAll);
  }

  // ---- reads ----

  @Override
  public boolean hasBatch(String batchId) {
    return read("batch lookup", mapper -> mapper.countBatch(batchId) > 0);
  }

  @Override
  public List<Point> newest(long cid, long rid, int limit) {
    return transactions.read("read", attempt -> mapper(attempt, mapper -> tables.find(cid, mapper)
        .map(table -> table.original()
            ? points(table, mapper.originalNewest(table.name(), rid, limit))
            : PointQueries.newest(attempt.connection(), table.name(), rid, limit))
        .orElse(List.of())));
  }

  @Override
  public List<Point> range(long cid, long rid, long from, long to, int maxPoints) {
    return transactions.read("range read", attempt -> mapper(attempt, mapper -> tables
        .find(cid, mapper)
        .map(table -> table.original()
            ? points(table, mapper.originalRange(table.name(), rid, from, to, maxPoints))
            : PointQueries.range(attempt.connection(), table.name(), rid, from, to, maxPoints))
        .orElse(List.of())));
  }

  @Override
  public Optional<Point> before(long cid, long rid, long time) {
    return read("read", mapper -> tables.find(cid, mapper).flatMap(table -> table.original()
        ? Optional.ofNullable(mapper.originalBefore(table.name(), rid, time))
            .map(row -> row.toPoint(table.name()))
        : Optional.ofNullable(mapper.before(table.name(), rid, time))));
  }

  private static List<Point> points(SeriesTable table, List<OriginalRow> rows) {
    List<Point> points = new ArrayList<>(rows.size());
    for (OriginalRow row : rows) {
      points.add(row.toPoint(table.name()));
    }
    return points;
  }

  @Override
  public List<Long> rids(long cid) {
    return read("read", mapper -> tables.find(cid, mapper).map(table -> mapper.rids(table.name()))
        .orElse(List.of()));
  }

  @Override
  public Optional<Category> category(long cid) {
    return read("category read",
        mapper -> Optional.ofNullable(mapper.category(cid)).map(CategoryRow::toCategory));
  }

  @Override
  public List<Category> categories() {
    return read("category read",
        mapper -> mapper.categories().stream().map(CategoryRow::toCategory).toList());
  }

  @Override
  public Optional<StoredChart> chart(String code) {
    return read("chart read", mapper -> Optional.ofNullable(mapper.chart(code)));
  }

  @Override
  public Optional<String> meta(String key) {
    return read("metadata read", mapper -> Optional.ofNullable(mapper.meta(key)));
  }

  @Override
  public Map<String, String> metaWithPrefix(String prefix) {
    String pattern = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    return read("metadata read", mapper -> {
      Map<String, String> entries = new LinkedHashMap<>();
      for (Map<String, Object> row : mapper.metaLike(pattern)) {
        entries.put(String.valueOf(row.get("k")), String.valueOf(row.get("v")));
      }
      return entries;
    });
  }

  @Override
  public void close() {
    if (dataSource.isClosed()) {
      return;
    }
    dataSource.close();
    log.info("mysql store closed url={}", settings.safeUrl());
  }

  // ---- plumbing ----

  private <T> T read(String what, MapperCall<T> call) {
    return transactions.read(what, attempt -> mapper(attempt, call));
  }

  /** Runs a call on a session over the attempt's connection, in its autocommit mode. */
  private <T> T mapper(Transactions.Attempt attempt, MapperCall<T> call) {
    try (SqlSession session = sessions.openSession(attempt.connection())) {
      return call.apply(session.getMapper(MysqlMapper.class));
    }
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }

  @FunctionalInterface
  private interface MapperCall<T> {
    T apply(MysqlMapper mapper);
  }
}
