package dev.plot.store.mysql;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validated settings of the MySQL store; each key is described on
 * {@link MysqlStoreProvider}.
 *
 * @param url JDBC URL, {@code jdbc:mysql://...}
 * @param user database user
 * @param password database password
 * @param poolSize connections kept open, 1 or more
 * @param tablePattern table name of a cid's points, holding {@code {cid}} once
 * @param writeWaitMs milliseconds a write waits for the database to come back, 0 or more
 * @param retries transaction retries after a conflict or a lost connection, 0 or more
 * @param causalReads whether reads on a Galera cluster wait for writes committed elsewhere
 */
public record MysqlSettings(
    String url,
    String user,
    String password,
    int poolSize,
    String tablePattern,
    long writeWaitMs,
    int retries,
    boolean causalReads) {

  /** The default JDBC URL. */
  public static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/plot";
  /** The default table pattern. */
  public static final String DEFAULT_TABLE_PATTERN = "plot_{cid}";

  /** Letters MySQL takes in a table name without quoting, so a pattern cannot inject SQL. */
  private static final Pattern TABLE_PATTERN_SHAPE =
      Pattern.compile("[A-Za-z0-9_$]*\\{cid}[A-Za-z0-9_$]*");
  /** MySQL's longest table name, less the 19 digits of the largest cid. */
  private static final int MAX_PATTERN_TEXT = 64 - 19;

  public MysqlSettings {
    if (url == null || !url.startsWith("jdbc:mysql:")) {
      throw new IllegalArgumentException("setting " + MysqlStoreProvider.URL
          + " must be a jdbc:mysql: URL, not " + url);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("setting " + MysqlStoreProvider.POOL_SIZE
          + " must be 1 or more, not " + poolSize);
    }
    if (tablePattern == null || !TABLE_PATTERN_SHAPE.matcher(tablePattern).matches()
        || tablePattern.length() - "{cid}".length() > MAX_PATTERN_TEXT) {
      throw new IllegalArgumentException("setting " + MysqlStoreProvider.TABLE_PATTERN
          + " must hold {cid} once, other characters from A-Z a-z 0-9 _ $, at most "
          + MAX_PATTERN_TEXT + " of them, not " + tablePattern);
    }
    if (writeWaitMs < 0) {
      throw new IllegalArgumentException("setting " + MysqlStoreProvider.WRITE_WAIT_MS
          + " must be 0 or more, not " + writeWaitMs);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("setting " + MysqlStoreProvider.RETRIES
          + " must be 0 or more, not " + retries);
    }
    user = user == null ? "" : user;
    password = password == null ? "" : password;
  }

  /** Reads the settings from plot's dotted keys, with the documented defaults. */
  public static MysqlSettings from(Map<String, String> settings) {
    return new MysqlSettings(
        settings.getOrDefault(MysqlStoreProvider.URL, DEFAULT_URL),
        settings.getOrDefault(MysqlStoreProvider.USER, "plot"),
        settings.getOrDefault(MysqlStoreProvider.PASSWORD, ""),
        (int) integer(settings, MysqlStoreProvider.POOL_SIZE, 8),
        settings.getOrDefault(MysqlStoreProvider.TABLE_PATTERN, DEFAULT_TABLE_PATTERN),
        integer(settings, MysqlStoreProvider.WRITE_WAIT_MS, 30_000),
        (int) integer(settings, MysqlStoreProvider.RETRIES, 5),
        bool(settings, MysqlStoreProvider.CAUSAL_READS, true));
  }

  /** The table name of a cid's points. */
  public String tableOf(long cid) {
    return tablePattern.replace("{cid}", Long.toString(cid));
  }

  /** The settings without the password, for logs. */
  @Override
  public String toString() {
    return "MysqlSettings[url=" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize
        + ", tablePattern=" + tablePattern + ", writeWaitMs=" + writeWaitMs + ", retries="
        + retries + ", causalReads=" + causalReads + "]";
  }

  /** This URL with the password hidden, for logs. */
  public String safeUrl() {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static long integer(Map<String, String> settings, String key, long fallback) {
    String text = settings.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value > Integer.MAX_VALUE && !key.equals(MysqlStoreProvider.WRITE_WAIT_MS)) {
        throw new IllegalArgumentException("setting " + key + " is out of range: " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be an integer, not " + text);
    }
  }

  private static boolean bool(Map<String, String> settings, String key, boolean fallback) {
    String text = settings.get(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new IllegalArgumentException("setting " + key + " must be true or false, not " + text);
  }
}
