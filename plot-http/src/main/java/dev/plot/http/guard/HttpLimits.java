package dev.plot.http.guard;

import dev.plot.core.Settings;

/**
 * Limits and TLS switch of the HTTP front end (the body limit is {@code http.max-body-bytes}
 * in {@link dev.plot.http.HttpConfig}).
 *
 * @param tls whether HTTP is served as HTTPS
 * @param idleTimeoutMillis how long a connection may go without sending or receiving a byte
 *     before it is closed; it also bounds how slowly a request may arrive
 * @param maxConnections most connections open at once; further clients wait to be accepted
 */
public record HttpLimits(boolean tls, long idleTimeoutMillis, int maxConnections) {

  public static final String TLS = "http.tls";
  public static final String IDLE_TIMEOUT = "http.idle-timeout-ms";
  public static final String MAX_CONNECTIONS = "http.max-connections";

  public static HttpLimits from(Settings settings) {
    HttpLimits limits = new HttpLimits(settings.getBoolean(TLS, false),
        settings.getLong(IDLE_TIMEOUT, 30_000), settings.getInt(MAX_CONNECTIONS, 1_000));
    if (limits.idleTimeoutMillis < 1) {
      throw new IllegalArgumentException("setting " + IDLE_TIMEOUT + " must be 1 or more");
    }
    if (limits.maxConnections < 1) {
      throw new IllegalArgumentException("setting " + MAX_CONNECTIONS + " must be 1 or more");
    }
    return limits;
  }

  public static HttpLimits defaults() {
    return from(new Settings(java.util.Map.of()));
  }
}
