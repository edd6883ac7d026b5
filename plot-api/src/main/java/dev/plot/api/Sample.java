package dev.plot.api;

/**
 * One value sent for one series, as a client sends it.
 *
 * @param cid category id, positive
 * @param rid related id (the thing measured), positive
 * @param time unix seconds, or {@link #NO_TIME} for the server's clock
 * @param value the stored integer
 */
public record Sample(long cid, long rid, long time, long value) {

  /** Marks a sample whose time the server fills in on arrival. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** A sample stamped by the server on arrival. */
  public static Sample untimed(long cid, long rid, long value) {
    return new Sample(cid, rid, NO_TIME, value);
  }

  public boolean hasTime() {
    return time != NO_TIME;
  }

  /** This sample with the given time. */
  public Sample at(long unixSeconds) {
    return new Sample(cid, rid, unixSeconds, value);
  }
}
