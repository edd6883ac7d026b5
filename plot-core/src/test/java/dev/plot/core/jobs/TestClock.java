package dev.plot.core.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets by hand, so jobs see exactly the time the test means. */
final class TestClock extends Clock {

  private volatile long seconds;

  TestClock(long seconds) {
    this.seconds = seconds;
  }

  void set(long unixSeconds) {
    seconds = unixSeconds;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(seconds);
  }
}
