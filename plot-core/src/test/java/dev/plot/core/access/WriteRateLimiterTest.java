package dev.plot.core.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class WriteRateLimiterTest {

  /** A clock moved by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();

  @Test
  void tryAcquire_refusesBeyondRateAndRefillsWithTime() throws Exception {
    WriteRateLimiter limiter = new WriteRateLimiter(2, clock);
    InetAddress client = InetAddress.getByName("10.0.0.5");

    assertTrue(limiter.tryAcquire(client));
    assertTrue(limiter.tryAcquire(client));
    assertFalse(limiter.tryAcquire(client));

    clock.advance(Duration.ofMillis(500));
    assertTrue(limiter.tryAcquire(client));
    assertFalse(limiter.tryAcquire(client));
  }

  @Test
  void tryAcquire_countsEachClientApart() throws Exception {
    WriteRateLimiter limiter = new WriteRateLimiter(1, clock);

    assertTrue(limiter.tryAcquire(InetAddress.getByName("10.0.0.5")));
    assertTrue(limiter.tryAcquire(InetAddress.getByName("10.0.0.6")));
    assertFalse(limiter.tryAcquire(InetAddress.getByName("10.0.0.5")));
  }

  @Test
  void tryAcquire_neverLimitsLoopback() throws Exception {
    WriteRateLimiter limiter = new WriteRateLimiter(1, clock);

    for (int i = 0; i < 100; i++) {
      assertTrue(limiter.tryAcquire(InetAddress.getByName("127.0.0.1")));
    }
  }

  @Test
  void tryAcquire_zeroIsOff() throws Exception {
    WriteRateLimiter limiter = new WriteRateLimiter(0, clock);

    for (int i = 0; i < 100; i++) {
      assertTrue(limiter.tryAcquire(InetAddress.getByName("10.0.0.5")));
    }
  }
}
