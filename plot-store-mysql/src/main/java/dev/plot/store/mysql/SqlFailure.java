package dev.plot.store.mysql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** What a failed database call means for a retry. */
enum SqlFailure {
  /**
   * No connection could be had, or only to a Galera node not yet synced: the database is
   * down, unreachable or rejoining; wait for it.
   */
  NO_CONNECTION,
  /** Deadlock, lock wait timeout or a Galera certification failure: retry the transaction. */
  CONFLICT,
  /** The connection broke mid-transaction: retry on another one, after a batch-id lookup. */
  LOST,
  /** A table went missing (dropped by someone): forget what is cached and retry. */
  MISSING_TABLE,
  /** Anything else (bad data, missing rights): retrying would fail the same way. */
  OTHER;

  private static final int LOCK_DEADLOCK = 1213;
  private static final int LOCK_WAIT_TIMEOUT = 1205;
  private static final int NO_SUCH_TABLE = 1146;
  /** Galera: the node is not part of the primary component (yet). */
  private static final int WSREP_NOT_READY = 1047;
  private static final int SERVER_SHUTDOWN = 1053;
  /** MariaDB: the connection was killed. */
  private static final int CONNECTION_KILLED = 1927;
  private static final int SERVER_GONE = 2006;
  private static final int SERVER_LOST = 2013;

  /** Classifies a failure by the first SQL error in its chain of causes. */
  static SqlFailure of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException) {
        // Thrown by the pool when no connection came within its timeout.
        return NO_CONNECTION;
      }
      if (cause instanceof SQLException sql) {
        return of(sql);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return OTHER;
  }

  private static SqlFailure of(SQLException sql) {
    int code = sql.getErrorCode();
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    if (code == LOCK_DEADLOCK || code == LOCK_WAIT_TIMEOUT || state.equals("40001")) {
      return CONFLICT;
    }
    if (code == WSREP_NOT_READY) {
      // A restarted node takes connections before it has caught up; it rejects statements
      // (and commits) untried, so nothing is in doubt.
      return NO_CONNECTION;
    }
    if (code == NO_SUCH_TABLE) {
      return MISSING_TABLE;
    }
    if (String.valueOf(sql.getMessage()).startsWith("No operations allowed after")) {
      // The driver closed the statement or connection under us after a failover.
      return LOST;
    }
    if (state.startsWith("08") || code == SERVER_SHUTDOWN
        || code == CONNECTION_KILLED || code == SERVER_GONE || code == SERVER_LOST) {
      return LOST;
    }
    if (sql.getNextException() != null && sql.getNextException() != sql) {
      return of(sql.getNextException());
    }
    if (sql.getCause() != null) {
      return of(sql.getCause());
    }
    return OTHER;
  }

  /** The message of the deepest cause, which names what the database said. */
  static String message(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return text == null ? root.getClass().getSimpleName() : text.replace('\n', ' ');
  }
}
