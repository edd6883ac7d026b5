package dev.plot.thrift.security;

import dev.plot.core.Settings;

/**
 * Limits and TLS switch of the Thrift front end.
 *
 * @param tls whether Thrift speaks TLS (thread-pool server) instead of plain TCP
 *     (non-blocking server)
 * @param maxConnections most connections open at once; more are closed on arrival
 * @param readTimeoutMillis how long a client may take to send one whole frame once it has
 *     started it; slower clients are dropped (with TLS: the longest wait for any read)
 * @param idleTimeoutMillis how long a connection may stay open without sending a frame
 * @param maxBufferBytes most bytes of frames being read at once across all connections
 */
public record ThriftLimits(boolean tls, int maxConnections, long readTimeoutMillis,
    long idleTimeoutMillis, long maxBufferBytes) {

  public static final String TLS = "thrift.tls";
  public static final String MAX_CONNECTIONS = "thrift.max-connections";
  public static final String READ_TIMEOUT = "thrift.read-timeout-ms";
  public static final String IDLE_TIMEOUT = "thrift.idle-timeout-ms";
  public static final String MAX_BUFFER = "thrift.max-buffer-bytes";

  public static ThriftLimits from(Settings settings) {
    ThriftLimits limits = new ThriftLimits(
        settings.getBoolean(TLS, false),
        settings.getInt(MAX_CONNECTIONS, 1_000),
        settings.getLong(READ_TIMEOUT, 30_000),
        settings.getLong(IDLE_TIMEOUT, 600_000),
        settings.getLong(MAX_BUFFER, 64L * 1024 * 1024));
    positive(MAX_CONNECTIONS, limits.maxConnections);
    positive(READ_TIMEOUT, limits.readTimeoutMillis);
    positive(IDLE_TIMEOUT, limits.idleTimeoutMillis);
    positive(MAX_BUFFER, limits.maxBufferBytes);
    if (limits.readTimeoutMillis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("setting " + READ_TIMEOUT + " is out of range");
    }
    return limits;
  }

  public static ThriftLimits defaults() {
    return from(new Settings(java.util.Map.of()));
  }

  private static void positive(String key, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("setting " + key + " must be 1 or more, not " + value);
    }
  }
}
