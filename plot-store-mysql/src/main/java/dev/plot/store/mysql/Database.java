package dev.plot.store.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.plot.api.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the store's database: finds out whether it is a Galera cluster, opens the pool,
 * migrates plot's fixed tables and checks they are InnoDB.
 */
final class Database {

  /** The pool's wait for a connection, in milliseconds: how fast a read fails. */
  private static final long CONNECTION_TIMEOUT_MS = 1_000;
  /** plot's fixed tables; each must be InnoDB. */
  private static final List<String> FIXED_TABLES = List.of("plot_category", "plot_chart",
      "plot_batch", "plot_meta", "plot_schema_history");

  private Database() {
  }

  /**
   * The pool of a migrated, checked database.
   *
   * @throws StoreException when the database cannot be reached, migrated or used
   */
  static HikariDataSource open(MysqlSettings settings, boolean cluster) {
    HikariDataSource dataSource = openPool(settings, cluster);
    try {
      migrate(dataSource, settings);

      checkFixedTablesInnoDb(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return dataSource;
  }

  /** Whether the database at the URL is a Galera cluster, on one plain connection. */
  static boolean probeCluster(MysqlSettings settings) {
    Properties properties = new Properties();
    properties.setProperty("user", settings.user());
    properties.setProperty("password", settings.password());
    properties.setProperty("connectTimeout", "5000");
    try (Connection connection = DriverManager.getConnection(settings.url(), properties);
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
      return rows.next() && "ON".equalsIgnoreCase(rows.getString(2));
    } catch (SQLException e) {
      throw new StoreException("cannot reach the MySQL store at " + settings.safeUrl() + " as "
          + settings.user() + ": " + SqlFailure.message(e), e);
    }
  }

  private static HikariDataSource openPool(MysqlSettings settings, boolean cluster) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName("plot-mysql");
    config.setAutoCommit(true);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    // Multi-row INSERTs from JDBC batches, and no round trips for unchanged session state.
    driverDefault(config, settings, "rewriteBatchedStatements", "true");
    driverDefault(config, settings, "cachePrepStmts", "true");
    driverDefault(config, settings, "useLocalSessionState", "true");
    driverDefault(config, settings, "connectTimeout", "5000");
    // After a failover the next host must take writes too, not only reads.
    driverDefault(config, settings, "failOverReadOnly", "false");
    if (cluster && settings.causalReads()) {
      config.setConnectionInitSql("SET SESSION wsrep_sync_wait = 1");
    }
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open connections to the MySQL store at "
          + settings.safeUrl() + ": " + SqlFailure.message(e), e);
    }
  }

  /** Sets a driver property unless the URL sets it, so the URL has the last word. */
  private static void driverDefault(HikariConfig config, MysqlSettings settings, String key,
      String value) {
    if (!settings.url().contains(key + "=")) {
      config.addDataSourceProperty(key, value);
    }
  }

  private static void migrate(HikariDataSource dataSource, MysqlSettings settings) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/mysql")
          .table("plot_schema_history")
          // A schema holding the original's tables is not empty, and is still plot's to use.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the MySQL store at " + settings.safeUrl() + ": "
          + SqlFailure.message(e), e);
    }
  }

  private static void checkFixedTablesInnoDb(HikariDataSource dataSource) {
    String sql = "SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES"
        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('"
        + String.join("', '", FIXED_TABLES) + "')";
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        if (!"InnoDB".equalsIgnoreCase(rows.getString(2))) {
          throw new StoreException("table " + rows.getString(1) + " is " + rows.getString(2)
              + "; plot's own tables must be InnoDB: ALTER TABLE " + rows.getString(1)
              + " ENGINE=InnoDB");
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot check the MySQL store's tables: "
          + SqlFailure.message(e), e);
    }
  }
}
