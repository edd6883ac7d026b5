package dev.plot.core.access;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Write requests per second per client address: a token bucket per address holding one
 * second's worth of requests. Loopback clients are never limited, so local tools and the
 * server's own agents keep working. The table of addresses is bounded: when full, buckets that
 * have refilled completely are dropped, as they hold nothing worth remembering.
 */
public final class WriteRateLimiter {

  /** Most client addresses remembered at once. */
  static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final Clock clock;
  private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perSecond write requests allowed per second and client; 0 turns the limit off
   */
  public WriteRateLimiter(double perSecond, Clock clock) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("write rate must be 0 (off) or more, not " + perSecond);
    }
    this.perSecond = perSecond;
    this.clock = clock;
  }

  public boolean enabled() {
    return perSecond > 0;
  }

  /** Takes one request from the client's allowance; false when it has none left. */
  public boolean tryAcquire(InetAddress client) {
    if (perSecond <= 0 || client == null || client.isLoopbackAddress()) {
      return true;
    }
    long now = clock.millis();
    if (buckets.size() >= MAX_CLIENTS) {
      evictFull(now);
    }
    Bucket bucket = buckets.computeIfAbsent(client, address -> new Bucket(perSecond, now));
    synchronized (bucket) {
      bucket.refill(perSecond, now);
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    }
  }

  private void evictFull(long now) {
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      synchronized (bucket) {
        bucket.refill(perSecond, now);
        if (bucket.tokens >= perSecond) {
          it.remove();
        }
      }
    }
  }

  /** Requests left for one client and when they were last counted. */
  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }

    void refill(double perSecond, long now) {
      if (now > updated) {
        tokens = Math.min(perSecond, tokens + (now - updated) * perSecond / 1000.0);
        updated = now;
      }
    }
  }
}
