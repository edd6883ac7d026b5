package dev.plot.store.mysql;

import dev.plot.api.Point;
import dev.plot.api.StoreException;
import java.math.BigInteger;

/**
 * A row of one of the original system's tables, whose {@code value} and {@code time} are
 * {@code bigint unsigned}: read wide, so a value past 2^63-1 is reported, never wrapped.
 */
public final class OriginalRow {

  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  public long id;
  public BigInteger time;
  public BigInteger value;

  /**
   * This row as a point.
   *
   * @throws StoreException naming the table and the row when a column exceeds 2^63-1
   */
  Point toPoint(String table) {
    return new Point(exact(table, "time", time), exact(table, "value", value));
  }

  private long exact(String table, String column, BigInteger number) {
    if (number == null) {
      throw new StoreException("row id=" + id + " of table `" + table + "` has no " + column);
    }
    if (number.compareTo(MAX) > 0) {
      throw new StoreException("row id=" + id + " of table `" + table + "` holds " + column
          + " " + number + ", above 2^63-1 = " + Long.MAX_VALUE + ", which plot cannot return");
    }
    return number.longValue();
  }
}
