package dev.plot.store.mysql;

import dev.plot.api.PointStore;
import dev.plot.api.StoreProvider;
import java.util.List;
import java.util.Map;

/**
 * Provides the MySQL store as {@code --store mysql}: MySQL 8, MariaDB 10.6 or newer, or a
 * MariaDB Galera cluster reached through a multi-host JDBC URL.
 */
public final class MysqlStoreProvider implements StoreProvider {

  /**
   * JDBC URL of the database, {@code jdbc:mysql://127.0.0.1:3306/plot} by default. Several
   * hosts ({@code jdbc:mysql://h1:3306,h2:3306/plot}) fail over to the next one when the one in
   * use goes away, for a Galera cluster.
   */
  public static final String URL = "mysql.url";
  /** User name for the database, {@code plot} by default. */
  public static final String USER = "mysql.user";
  /** Password of that user, empty by default. */
  public static final String PASSWORD = "mysql.password";
  /** Connections kept open to the database, 8 by default. */
  public static final String POOL_SIZE = "mysql.pool-size";
  /**
   * Name of the table holding one cid's points, where {@code {cid}} stands for the decimal
   * cid: {@code plot_{cid}} by default; {@code {cid}} serves the original system's tables.
   */
  public static final String TABLE_PATTERN = "mysql.table-pattern";
  /**
   * Milliseconds a write waits for a database that went away before it fails, 30000 by
   * default; 0 fails at once. A write is never acknowledged without its commit.
   */
  public static final String WRITE_WAIT_MS = "mysql.write-wait-ms";
  /**
   * How many times a transaction is retried after a deadlock or write conflict (error 1213 or
   * 1205) or a connection lost before its commit was known, 5 by default.
   */
  public static final String RETRIES = "mysql.retries";
  /**
   * On a Galera cluster, whether reads wait until the node they run on has applied every
   * write committed anywhere before them ({@code wsrep_sync_wait=1}), true by default. It
   * gives read-your-writes across servers for about 2 ms per read; plain servers ignore it.
   */
  public static final String CAUSAL_READS = "mysql.causal-reads";

  @Override
  public String name() {
    return "mysql";
  }

  /**
   * Opens the store, creating or migrating plot's fixed tables.
   *
   * @throws IllegalArgumentException when a setting is invalid, naming it
   * @throws dev.plot.api.StoreException when the database cannot be reached or its schema is
   *     not one plot can use
   */
  @Override
  public PointStore open(Map<String, String> settings) {
    return new MysqlStore(MysqlSettings.from(settings));
  }

  /** None: every key this store reads is in plot's settings catalog, which checks them. */
  @Override
  public List<String> settingPrefixes() {
    return List.of();
  }
}
