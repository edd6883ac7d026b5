package dev.plot.store.mysql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test database on the shared MariaDB, from {@code PLOT_TEST_MYSQL_URL}, {@code _USER} and
 * {@code _PASSWORD} (defaults {@code jdbc:mysql://127.0.0.1:3306/plot_test}, plot, plot).
 *
 * <p>Builds running at the same time on one machine share that database, so each test JVM
 * works in a schema of its own beside it ({@code plot_test_r} and a random number), dropped at
 * exit; where the user may not create one, it uses the configured database itself.
 */
final class TestDatabase {

  static final String USER = env("PLOT_TEST_MYSQL_USER", "plot");
  static final String PASSWORD = env("PLOT_TEST_MYSQL_PASSWORD", "plot");
  static final String URL = ownSchema(
      env("PLOT_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/plot_test"));

  private TestDatabase() {
  }

  /** Store settings for the test database, plus the given key, value pairs. */
  static Map<String, String> settings(String... keysAndValues) {
    return settingsAt(URL, keysAndValues);
  }

  static Map<String, String> settingsAt(String url, String... keysAndValues) {
    Map<String, String> settings = new HashMap<>();
    settings.put(MysqlStoreProvider.URL, url);
    settings.put(MysqlStoreProvider.USER, USER);
    settings.put(MysqlStoreProvider.PASSWORD, PASSWORD);
    settings.put(MysqlStoreProvider.POOL_SIZE, "4");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return settings;
  }

  static MysqlStore open(String... keysAndValues) {
    return new MysqlStore(MysqlSettings.from(settings(keysAndValues)));
  }

  static Connection connect() throws SQLException {
    return connect(URL);
  }

  static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, USER, PASSWORD);
  }

  /**
   * Drops plot's tables (the fixed ones and those named {@code plot_N} or {@code N}), leaving
   * anything else in the database alone.
   */
  static void dropPlotTables() {
    dropPlotTables(URL);
  }

  static void dropPlotTables(String url) {
    try (Connection connection = connect(url);
         Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM"
          + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        if (name.matches("plot_(category|chart|batch|meta|schema_history|[0-9]+)|[0-9]+")) {
          statement.execute("DROP TABLE IF EXISTS `" + name + "`");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot clean the test database " + url + ": "
          + e.getMessage(), e);
    }
  }

  /** The single number a query returns. */
  static long number(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The URL with its database replaced by a fresh one of this JVM's, or as given. */
  private static String ownSchema(String configured) {
    Matcher parts = Pattern.compile("(jdbc:mysql://[^/]+/)([A-Za-z0-9_$]+)(.*)")
        .matcher(configured);
    if (!parts.matches()) {
      return configured;
    }
    String schema = parts.group(2) + "_r" + Math.abs(new SecureRandom().nextInt());
    try (Connection connection = DriverManager.getConnection(configured, USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4");
    } catch (SQLException e) {
      System.out.println("tests use " + configured + " itself: cannot create a schema of"
          + " their own (" + e.getMessage() + ")");
      return configured;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(configured, schema)));
    return parts.group(1) + schema + parts.group(3);
  }

  private static void dropSchema(String configured, String schema) {
    try (Connection connection = DriverManager.getConnection(configured, USER, PASSWORD);
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
    } catch (SQLException e) {
      System.err.println("test schema " + schema + " left behind: " + e.getMessage());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
