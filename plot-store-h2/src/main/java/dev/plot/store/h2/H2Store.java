package dev.plot.store.h2;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.plot.api.Category;
import dev.plot.api.CategoryRow;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.StoredChart;
import dev.plot.api.WriteBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one H2 database in file mode under the data directory. Writes go through
 * one lock, which makes the sequence that orders equal times follow commit order. H2 writes
 * each commit to its file before the commit returns, so an acknowledged point survives
 * {@code kill -9} of the server; {@code h2.fsync} also forces it to the disk.
 */
public final class H2Store implements PointStore {

  private static final Logger log = LoggerFactory.getLogger(H2Store.class);

  /** How long batch ids are kept for retries, in seconds. */
  private static final long BATCH_ID_KEEP_SECONDS = 86_400;

  /** H2's error code for a database file locked by another process. */
  private static final int DATABASE_IN_USE = 90020;

  private final HikariDataSource dataSource;
  private final SqlSessionFactory sessions;
  private final boolean fsync;
  private final Object writeLock = new Object();
  /** Series known to be in {@code plot_series}, so a write only records new ones. */
  private final Set<List<Long>> knownSeries =
      ConcurrentHashMap.newKeySet();
  private long lastSeq;
  private long lastBatchPrune;

  /**
   * Opens (creating when absent) the database {@code plot} in {@code dataDir}.
   *
   * @param fsync whether every commit is also forced to the disk
   */
  public H2Store(Path dataDir, boolean fsync, int poolSize) {
    this.fsync = fsync;
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create data directory " + dataDir + ": " + e.getMessage(),
          e);
    }
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("plot")
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;NON_KEYWORDS=VALUE";
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("plot");
    config.setPassword("");
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("plot-h2");
    config.setAutoCommit(true);
    this.dataSource = openPool(config, dataDir);
    migrate();

    Configuration mybatis = new Configuration(
        new Environment("h2", new JdbcTransactionFactory(), dataSource));
    mybatis.addMapper(H2Mapper.class);
    this.sessions = new SqlSessionFactoryBuilder().build(mybatis);
    try (SqlSession session = sessions.openSession()) {
      lastSeq = session.getMapper(H2Mapper.class).maxSeq();
    }
    log.info("h2 store open dir={} fsync={}", dataDir.toAbsolutePath(), fsync);
  }

  /** H2's own words for a locked file name a class of remedies; plot's name the directory. */
  private static HikariDataSource openPool(HikariConfig config, Path dataDir) {
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof java.sql.SQLException sql
            && sql.getErrorCode() == DATABASE_IN_USE) {
          throw new StoreException("data directory " + dataDir
              + " is in use by another plot server", e);
        }
      }
      throw e;
    }
  }

  private void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/h2")
        .table("plot_schema_history")
        .load()
        .migrate();
  }

  @Override
  public int append(WriteBatch batch) {
    synchronized (writeLock) {
      long firstSeq = lastSeq;
      try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
        H2Mapper mapper = session.getMapper(H2Mapper.class);
        if (mapper.countBatch(batch.batchId()) > 0) {
          return batch.samples().size();
        }
        long seq = firstSeq;
        Set<List<Long>> newSeries = new HashSet<>();
        for (Sample sample : batch.samples()) {
          mapper.insertPoint(sample.cid(), sample.rid(), sample.time(), ++seq, sample.value());
          List<Long> series = List.of(sample.cid(), sample.rid());
          if (!knownSeries.contains(series)) {
            newSeries.add(series);
          }
        }
        for (List<Long> series : newSeries) {
          mapper.mergeSeries(series.get(0), series.get(1));
        }
        long now = System.currentTimeMillis() / 1000;
        mapper.insertBatch(batch.batchId(), batch.samples().size(), now);
        for (Map.Entry<String, String> entry : batch.meta().entrySet()) {
          mapper.mergeMeta(entry.getKey(), entry.getValue());
        }
        if (now - lastBatchPrune > 3600) {
          mapper.pruneBatches(now - BATCH_ID_KEEP_SECONDS);
          lastBatchPrune = now;
        }
        session.flushStatements();
        session.commit();
        lastSeq = seq;
        knownSeries.addAll(newSeries);
      } catch (PersistenceException e) {
        throw new StoreException("h2 append failed: " + rootMessage(e), e);
      }
      if (fsync) {
        sync();
      }
      return batch.samples().size();
    }
  }

  private void sync() {
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT SYNC");
    } catch (SQLException e) {
      throw new StoreException("h2 sync failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasBatch(String batchId) {
    return read(mapper -> mapper.countBatch(batchId) > 0);
  }

  @Override
  public List<Point> newest(long cid, long rid, int limit) {
    return read(mapper -> mapper.newest(cid, rid, limit));
  }

  @Override
  public List<Point> range(long cid, long rid, long from, long to, int maxPoints) {
    return read(mapper -> mapper.range(cid, rid, from, to, maxPoints));
  }

  @Override
  public Optional<Point> before(long cid, long rid, long time) {
    return read(mapper -> Optional.ofNullable(mapper.before(cid, rid, time)));
  }

  @Override
  public List<Long> rids(long cid) {
    return read(mapper -> mapper.rids(cid));
  }

  @Override
  public int deleteBefore(long cid, long time, int maxRows) {
    synchronized (writeLock) {
      return write(mapper -> mapper.deleteBefore(cid, time, maxRows));
    }
  }

  @Override
  public Optional<Category> category(long cid) {
    return read(mapper -> Optional.ofNullable(mapper.category(cid)).map(CategoryRow::toCategory));
  }

  @Override
  public List<Category> categories() {
    return read(mapper -> mapper.categories().stream().map(CategoryRow::toCategory).toList());
  }

  @Override
  public void putCategory(Category category) {
    write(mapper -> {
      mapper.mergeCategory(CategoryRow.of(category));
      return null;
    });
  }

  @Override
  public boolean insertCategory(Category category) {
    // Under the write lock, two first writes to one new cid cannot both insert it.
    synchronized (writeLock) {
      return write(mapper -> mapper.insertCategory(CategoryRow.of(category)) > 0);
    }
  }

  @Override
  public String putChart(StoredChart chart) {
    synchronized (writeLock) {
      return write(mapper -> {
        String existing = mapper.chartCodeByKey(chart.specKey());
        if (existing != null) {
          return existing;
        }
        mapper.insertChart(chart.code(), chart.specKey(), chart.spec(), chart.created());
        return chart.code();
      });
    }
  }

  @Override
  public Optional<StoredChart> chart(String code) {
    return read(mapper -> Optional.ofNullable(mapper.chart(code)));
  }

  @Override
  public Optional<String> meta(String key) {
    return read(mapper -> Optional.ofNullable(mapper.meta(key)));
  }

  @Override
  public Map<String, String> metaWithPrefix(String prefix) {
    String pattern = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    return read(mapper -> {
      Map<String, String> entries = new LinkedHashMap<>();
      for (Map<String, Object> row : mapper.metaLike(pattern)) {
        entries.put(String.valueOf(value(row, "K")), String.valueOf(value(row, "V")));
      }
      return entries;
    });
  }

  private static Object value(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value != null ? value : row.get(column.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public void putMeta(String key, String value) {
    write(mapper -> {
      if (value == null) {
        mapper.deleteMeta(key);
      } else {
        mapper.mergeMeta(key, value);
      }
      return null;
    });
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      if (dataSource.isClosed()) {
        return;
      }
      try (Connection connection = dataSource.getConnection();
           Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      } catch (SQLException e) {
        // 90121: the database closed under the statement, which is what SHUTDOWN asks for.
        if (e.getErrorCode() != 90121) {
          log.warn("h2 shutdown reported reason={}", e.getMessage());
        }
      }
      dataSource.close();
      log.info("h2 store closed");
    }
  }

  private <T> T read(MapperCall<T> call) {
    try (SqlSession session = sessions.openSession(true)) {
      return call.apply(session.getMapper(H2Mapper.class));
    } catch (PersistenceException e) {
      throw new StoreException("h2 read failed: " + rootMessage(e), e);
    }
  }

  private <T> T write(MapperCall<T> call) {
    try (SqlSession session = sessions.openSession(false)) {
      T result = call.apply(session.getMapper(H2Mapper.class));
      session.commit();
      return result;
    } catch (PersistenceException e) {
      throw new StoreException("h2 write failed: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  @FunctionalInterface
  private interface MapperCall<T> {
    T apply(H2Mapper mapper);
  }

}
