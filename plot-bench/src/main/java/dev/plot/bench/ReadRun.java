package dev.plot.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * W2: reads the newest points of random series, first with one client to measure latency
 * (after a warm-up, so the JIT has compiled both ends), then with several clients for a fixed
 * time to measure reads per second.
 */
public final class ReadRun {

  /**
   * Latency of sequential reads.
   *
   * @param histogram microseconds per read
   * @param badReads reads whose answer did not match the workload
   */
  public record Latency(Histogram histogram, long badReads) {

    /** The given percentile in milliseconds. */
    public double millis(double percentile) {
      return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  /**
   * Throughput of concurrent reads.
   *
   * @param reads reads completed
   * @param seconds wall time
   * @param badReads reads whose answer did not match the workload
   */
  public record Throughput(long reads, double seconds, long badReads) {

    public double readsPerSecond() {
      return reads / seconds;
    }
  }

  private final Workload workload;
  private final SeriesReader.Factory readers;

  public ReadRun(Workload workload, SeriesReader.Factory readers) {
    this.workload = workload;
    this.readers = readers;
  }

  /** Reads {@code warmup} random series untimed, then {@code reads} timed, one at a time. */
  public Latency latency(int warmup, int reads, long seed, String label, PrintStream out)
      throws Exception {
    Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    Random random = new Random(seed);
    AtomicLong done = new AtomicLong();
    long bad = 0;
    try (SeriesReader reader = readers.open();
         Progress progress = new Progress(label, "reads", warmup + reads, done::get, out)) {
      for (int i = 0; i < warmup; i++) {
        reader.read(randomRid(random));
        done.incrementAndGet();
      }
      for (int i = 0; i < reads; i++) {
        long rid = randomRid(random);
        long start = System.nanoTime();
        boolean good = reader.read(rid);
        histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
        if (!good) {
          bad++;
        }
        done.incrementAndGet();
      }
    }
    return new Latency(histogram, bad);
  }

  /** Runs {@code clients} readers on random series for {@code seconds}. */
  public Throughput throughput(int clients, double seconds, long seed, String label,
      PrintStream out) throws Exception {
    List<SeriesReader> open = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      open.add(readers.open());
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong done = new AtomicLong();
    AtomicLong bad = new AtomicLong();
    try (Progress progress = new Progress(label, "reads", 0, done::get, out)) {
      long start = System.nanoTime();
      long stop = start + (long) (seconds * 1e9);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        SeriesReader reader = open.get(i);
        Random random = new Random(seed + i);
        running.add(pool.submit(() -> {
          while (System.nanoTime() < stop) {
            if (!reader.read(randomRid(random))) {
              bad.incrementAndGet();
            }
            done.incrementAndGet();
          }
          return null;
        }));
      }
      IngestRun.waitAll(running);
      double elapsed = (System.nanoTime() - start) / 1e9;
      return new Throughput(done.get(), elapsed, bad.get());
    } finally {
      pool.shutdownNow();
      open.forEach(SeriesReader::close);
    }
  }

  private long randomRid(Random random) {
    return workload.rid(random.nextInt(workload.seriesCount()));
  }
}
