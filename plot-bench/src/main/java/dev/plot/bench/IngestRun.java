package dev.plot.bench;

import dev.plot.thrift.gen.Sample;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W1: sends a {@link Workload} to a plot server over Thrift with several concurrent clients,
 * each on its own connection taking the next batch in time-major order, and times from the
 * first send to the last acknowledgement. Then reads every series back and checks that the
 * server holds exactly the points sent and the right newest value.
 */
public final class IngestRun {

  /**
   * What one W1 run measured.
   *
   * @param points points acknowledged
   * @param seconds wall time from the first send to the last acknowledgement
   * @param storedPoints points read back from the server after the run
   * @param badSeries series whose count or newest value did not match what was sent
   */
  public record Result(long points, double seconds, long storedPoints, int badSeries) {

    public double pointsPerSecond() {
      return points / seconds;
    }
  }

  private final HostPort server;
  private final Workload workload;
  private final int clients;
  private final int batchSize;
  private final int timeoutMillis;

  /**
   * @param clients concurrent connections sending batches
   * @param batchSize samples per {@code save} call
   */
  public IngestRun(HostPort server, Workload workload, int clients, int batchSize,
      int timeoutMillis) {
    if (clients < 1 || batchSize < 1) {
      throw new IllegalArgumentException("clients and batch size must be 1 or more, not "
          + clients + " and " + batchSize);
    }
    this.server = server;
    this.workload = workload;
    this.clients = clients;
    this.batchSize = batchSize;
    this.timeoutMillis = timeoutMillis;
  }

  /** Runs the ingest and the check, printing progress to {@code progressOut}. */
  public Result run(PrintStream progressOut) throws Exception {
    List<ThriftConnection> connections = openConnections();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      AtomicInteger nextBatch = new AtomicInteger();
      AtomicLong acked = new AtomicLong();
      int batches = workload.batchCount(batchSize);
      long startNanos;
      long endNanos;
      try (Progress progress = new Progress("w1", "points", workload.totalPoints(), acked::get,
          progressOut)) {
        startNanos = System.nanoTime();
        List<Future<?>> sending = new ArrayList<>();
        for (ThriftConnection connection : connections) {
          sending.add(pool.submit(() -> send(connection, nextBatch, batches, acked)));
        }
        waitAll(sending);
        endNanos = System.nanoTime();
      }
      double seconds = (endNanos - startNanos) / 1e9;
      long[] stored = new long[1];
      int bad = check(connections, pool, stored);
      return new Result(acked.get(), seconds, stored[0], bad);
    } finally {
      pool.shutdownNow();
      connections.forEach(ThriftConnection::close);
    }
  }

  private List<ThriftConnection> openConnections() throws Exception {
    List<ThriftConnection> connections = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      connections.add(ThriftConnection.open(server, timeoutMillis));
    }
    return connections;
  }

  private Void send(ThriftConnection connection, AtomicInteger nextBatch, int batches,
      AtomicLong acked) throws Exception {
    for (int batch = nextBatch.getAndIncrement(); batch < batches;
        batch = nextBatch.getAndIncrement()) {
      List<Sample> samples = workload.thriftBatch(batch, batchSize);
      int saved = connection.api().save(samples);
      if (saved != samples.size()) {
        throw new IllegalStateException("server saved " + saved + " of " + samples.size()
            + " samples of batch " + batch);
      }
      acked.addAndGet(saved);
    }
    return null;
  }

  /** Reads every series back with a limit above what was sent, so extra points would show. */
  private int check(List<ThriftConnection> connections, ExecutorService pool, long[] stored)
      throws Exception {
    AtomicInteger nextSeries = new AtomicInteger();
    AtomicLong storedPoints = new AtomicLong();
    AtomicInteger badSeries = new AtomicInteger();
    int limit = workload.points() + 1;
    List<Future<?>> checking = new ArrayList<>();
    for (ThriftConnection connection : connections) {
      checking.add(pool.submit(() -> {
        for (int series = nextSeries.getAndIncrement(); series < workload.seriesCount();
            series = nextSeries.getAndIncrement()) {
          long rid = workload.rid(series);
          List<Long> values = connection.api().plot_point(workload.cid(), rid, limit);
          storedPoints.addAndGet(values.size());
          if (values.size() != workload.points()
              || values.get(0) != workload.newestValue(rid)) {
            badSeries.incrementAndGet();
          }
        }
        return null;
      }));
    }
    waitAll(checking);
    stored[0] = storedPoints.get();
    return badSeries.get();
  }

  static void waitAll(List<Future<?>> futures) throws Exception {
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        throw e;
      }
    }
  }
}
