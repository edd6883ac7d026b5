package dev.plot.bench;

/**
 * Reads the newest points of one series from a server under test, over one connection. Not
 * thread-safe: each client thread opens its own.
 */
public interface SeriesReader extends AutoCloseable {

  /**
   * Reads the newest {@code limit} points of series {@code rid} and checks them against the
   * workload.
   *
   * @return whether the answer held the expected number of points and the right newest value
   * @throws Exception when the read failed
   */
  boolean read(long rid) throws Exception;

  @Override
  void close();

  /** Opens one reader per client thread. */
  @FunctionalInterface
  interface Factory {
    SeriesReader open() throws Exception;
  }
}
