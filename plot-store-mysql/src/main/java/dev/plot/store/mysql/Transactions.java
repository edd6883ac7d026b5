package dev.plot.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.plot.api.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.exceptions.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reads once and writes until they commit. A write waits for a database that went away
 * up to {@link MysqlSettings#writeWaitMs()}, and retries a transaction that hit a conflict or
 * lost its connection up to {@link MysqlSettings#retries()} times; it reports success only
 * after its commit returned (or, when the commit was in doubt, after a later attempt found
 * its batch id committed). A read fails at once, so a chart never hangs on a dead database.
 */
final class Transactions {

  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  /** Pause before the first retry; it doubles up to {@link #MAX_PAUSE_MS}. */
  private static final long FIRST_PAUSE_MS = 20;
  private static final long MAX_PAUSE_MS = 1_000;

  private final HikariDataSource dataSource;
  private final MysqlSettings settings;

  Transactions(HikariDataSource dataSource, MysqlSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
  }

  /** One attempt of a unit of work on one connection, in autocommit mode when it starts. */
  @FunctionalInterface
  interface Work<T> {
    T run(Attempt attempt) throws SQLException;
  }

  /** The connection of one attempt, and whether its commit has been sent. */
  static final class Attempt {
    private final Connection connection;
    private final int number;
    private boolean commitSent;

    private Attempt(Connection connection, int number) {
      this.connection = connection;
      this.number = number;
    }

    Connection connection() {
      return connection;
    }

    /** 1 for the first attempt of a write. */
    int number() {
      return number;
    }

    /** Commits; from here until it returns, whether the transaction committed is unknown. */
    void commit() throws SQLException {
      commitSent = true;
      connection.commit();
    }
  }

  /**
   * Runs a read on one connection.
   *
   * @throws StoreException at once when the database is unreachable or the read fails
   */
  <T> T read(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(new Attempt(connection, 1));
    } catch (SQLException | PersistenceException e) {
      if (SqlFailure.of(e) == SqlFailure.NO_CONNECTION) {
        throw new StoreException("mysql " + what + " failed: the database is unreachable: "
            + SqlFailure.message(e), e);
      }
      throw new StoreException("mysql " + what + " failed: " + SqlFailure.message(e), e);
    }
  }

  /**
   * Runs a write until one attempt returns. Each attempt must be idempotent: an append looks
   * its batch id up first, so an attempt after a commit in doubt saves nothing twice.
   *
   * @param onMissingTable called before retrying after a table went missing
   * @throws StoreException when the database stayed away past the write wait, the retries ran
   *     out, or the failure is not one a retry can cure
   */
  <T> T write(String what, Work<T> work, Runnable onMissingTable) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.writeWaitMs());
    int failures = 0;
    boolean inDoubt = false;
    boolean waitLogged = false;
    for (int number = 1; ; number++) {
      Attempt attempt = null;
      try (Connection connection = dataSource.getConnection()) {
        attempt = new Attempt(connection, number);
        return work.run(attempt);
      } catch (SQLException | PersistenceException e) {
        SqlFailure failure = SqlFailure.of(e);
        boolean commitSent = attempt != null && attempt.commitSent;
        if (failure == SqlFailure.OTHER) {
          throw new StoreException("mysql " + what + " failed: " + SqlFailure.message(e), e);
        }
        if (failure == SqlFailure.LOST) {
          inDoubt |= commitSent;
          // The other idle connections most likely went down with this one.
          dataSource.getHikariPoolMXBean().softEvictConnections();
        }
        if (failure == SqlFailure.MISSING_TABLE) {
          onMissingTable.run();
        }
        if (failure != SqlFailure.NO_CONNECTION) {
          failures++;
        }
        // Conflicts are bounded by the retries alone; waiting for the database by the time.
        boolean outOfTime = failure != SqlFailure.CONFLICT && System.nanoTime() - deadline > 0;
        if (failures > settings.retries() || outOfTime) {
          throw gaveUp(what, failure, failures, inDoubt, e);
        }
        if (failure == SqlFailure.NO_CONNECTION && !waitLogged) {
          log.warn("mysql store - database unreachable, {} waits up to {}={} ms: {}", what,
              MysqlStoreProvider.WRITE_WAIT_MS, settings.writeWaitMs(), SqlFailure.message(e));
          waitLogged = true;
        } else if (failure != SqlFailure.NO_CONNECTION) {
          log.warn("mysql store - {} attempt {} failed ({}), retrying: {}", what, number,
              failure, SqlFailure.message(e));
        }
        pause(what, failures);
      }
    }
  }

  private StoreException gaveUp(String what, SqlFailure failure, int failures, boolean inDoubt,
      Exception cause) {
    String outcome = inDoubt
        ? "a commit was in doubt and could not be checked; retrying the same batch id saves it"
            + " at most once"
        : "nothing was saved";
    String reason = failure == SqlFailure.NO_CONNECTION
        ? "the database did not come back within " + MysqlStoreProvider.WRITE_WAIT_MS + "="
            + settings.writeWaitMs() + " ms"
        : "gave up after " + failures + " failed attempts (" + MysqlStoreProvider.RETRIES + "="
            + settings.retries() + ")";
    return new StoreException("mysql " + what + " failed: " + reason + "; " + outcome + ": "
        + SqlFailure.message(cause), cause);
  }

  private static void pause(String what, int failures) {
    long ceiling = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << Math.min(failures, 10));
    // Jitter keeps writers that failed together from retrying together.
    long millis = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("mysql " + what + " interrupted before it committed", e);
    }
  }
}
