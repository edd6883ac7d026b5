package dev.plot.store.mysql;

import dev.plot.api.Point;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * The point reads of plot's own tables in plain JDBC. MyBatis maps each row through
 * reflection, which cost more than the query itself for 1,440 points (see BENCHMARKS.md); the
 * SQL is the mapper's, and {@code table} is always a name made from the validated pattern.
 */
final class PointQueries {

  private PointQueries() {
  }

  static List<Point> newest(Connection connection, String table, long rid, int limit) {
    return points(connection, "SELECT time, value FROM `" + table + "` WHERE rid = ?"
        + " ORDER BY time DESC, id DESC LIMIT ?", limit, rid, limit);
  }

  static List<Point> range(Connection connection, String table, long rid, long from, long to,
      int limit) {
    return points(connection, "SELECT time, value FROM `" + table + "` WHERE rid = ?"
        + " AND time >= ? AND time < ? ORDER BY time, id LIMIT ?", limit, rid, from, to, limit);
  }

  private static List<Point> points(Connection connection, String sql, int expected,
      long... parameters) {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setLong(i + 1, parameters[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        List<Point> points = new ArrayList<>(Math.min(expected, 4096));
        while (rows.next()) {
          points.add(new Point(rows.getLong(1), rows.getLong(2)));
        }
        return points;
      }
    } catch (SQLException e) {
      // The store's retry and error rules read MyBatis's exception, as for mapper calls.
      throw new PersistenceException(e);
    }
  }
}
