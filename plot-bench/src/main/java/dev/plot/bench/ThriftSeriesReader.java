package dev.plot.bench;

import java.util.List;

/** Reads series with Thrift {@code plot_point}, the seed's call. */
public final class ThriftSeriesReader implements SeriesReader {

  private final ThriftConnection connection;
  private final Workload workload;
  private final int limit;

  public ThriftSeriesReader(ThriftConnection connection, Workload workload, int limit) {
    this.connection = connection;
    this.workload = workload;
    this.limit = limit;
  }

  /** A factory opening one connection per reader. */
  public static Factory factory(HostPort server, Workload workload, int limit,
      int timeoutMillis) {
    return () -> new ThriftSeriesReader(ThriftConnection.open(server, timeoutMillis), workload,
        limit);
  }

  @Override
  public boolean read(long rid) throws Exception {
    List<Long> values = connection.api().plot_point(workload.cid(), rid, limit);
    return values.size() == Math.min(limit, workload.points())
        && values.get(0) == workload.newestValue(rid);
  }

  @Override
  public void close() {
    connection.close();
  }
}
