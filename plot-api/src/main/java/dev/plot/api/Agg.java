package dev.plot.api;

import java.util.Locale;

/** An aggregate applied to the points of one time bucket, or across series. */
public enum Agg {
  AVG, MIN, MAX, SUM, LAST, COUNT;

  /** Parses an aggregate name in any case; the message names the accepted names. */
  public static Agg parse(String text) {
    for (Agg agg : values()) {
      if (agg.name().equalsIgnoreCase(text)) {
        return agg;
      }
    }
    throw new IllegalArgumentException(
        "must be one of avg, min, max, sum, last, count, not " + text);
  }

  /** The lower-case name used in JSON, Thrift and configuration. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
