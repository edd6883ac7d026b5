package dev.plot.core.access;

import dev.plot.core.Settings;

/**
 * Who may write and read, and the limits on one client or request.
 *
 * @param writeAllow networks whose clients may write without a token (the original's
 *     allow-list); loopback only by default
 * @param readOpen whether anyone who can connect may read series; when false a read needs an
 *     address on the allow-list or a token with scope read
 * @param writeRate write requests per second per client address; 0 means no limit. Loopback
 *     clients are never limited
 * @param tokenReloadMillis how often a server reads the tokens from the store again, in ms
 */
public record AccessConfig(Networks writeAllow, boolean readOpen, double writeRate,
    long tokenReloadMillis) {

  public static final String WRITE_ALLOW = "access.write-allow";
  public static final String READ_OPEN = "access.read-open";
  public static final String WRITE_RATE = "limit.write-rate";
  public static final String TOKEN_RELOAD = "access.token-reload-ms";

  /** The default allow-list: this machine only. */
  public static final String LOOPBACK = "127.0.0.0/8,::1/128";

  public static AccessConfig from(Settings settings) {
    AccessConfig config = new AccessConfig(
        Networks.parse(WRITE_ALLOW, settings.get(WRITE_ALLOW, LOOPBACK)),
        settings.getBoolean(READ_OPEN, true),
        rate(settings),
        settings.getLong(TOKEN_RELOAD, 5_000));
    if (config.tokenReloadMillis < 1) {
      throw new IllegalArgumentException("setting " + TOKEN_RELOAD + " must be 1 or more");
    }
    return config;
  }

  public static AccessConfig defaults() {
    return from(new Settings(java.util.Map.of()));
  }

  private static double rate(Settings settings) {
    String text = settings.get(WRITE_RATE, "0");
    try {
      double rate = Double.parseDouble(text);
      if (!Double.isFinite(rate) || rate < 0) {
        throw new NumberFormatException();
      }
      return rate;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + WRITE_RATE
          + " must be 0 (off) or a positive number of requests per second, not " + text);
    }
  }
}
