package dev.plot.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baseline}: the MariaDB baselines on the same data set as {@code w1}: the original's
 * one-INSERT-per-point write path on MyISAM, raw multi-row JDBC batches into InnoDB, and the
 * newest-points read on both tables.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "MariaDB baselines: the original's write path (MyISAM, one autocommitted"
        + " INSERT per point) and raw multi-row JDBC batches (InnoDB, key rid,time), W1 and W2.")
final class BaselineCommand implements Callable<Integer> {

  @Mixin
  WorkloadOptions workload;

  @Option(names = "--jdbc-url", defaultValue = "jdbc:mysql://127.0.0.1:3306/plot_bench"
      + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true",
      description = "JDBC URL; with createDatabaseIfNotExist=true, as the default has, the"
          + " database is created if absent (default ${DEFAULT-VALUE})")
  String url;

  @Option(names = "--user", defaultValue = "root", description = "user (default ${DEFAULT-VALUE})")
  String user;

  @Option(names = "--password", defaultValue = "", description = "password (default empty)")
  String password;

  @Option(names = "--original-points", defaultValue = "50000",
      description = "points written the original's way, a multiple of 1000; the rate is"
          + " extrapolated from them (default ${DEFAULT-VALUE})")
  int originalPoints;

  @Option(names = "--clients", defaultValue = "4",
      description = "connections sending JDBC batches (default ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--batch", defaultValue = "1000",
      description = "rows per multi-row INSERT (default ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--limit", defaultValue = "1440",
      description = "points per read (default ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--warmup", defaultValue = "1000",
      description = "untimed reads first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--reads", defaultValue = "2000",
      description = "timed reads with one client (default ${DEFAULT-VALUE})")
  int reads;

  @Option(names = "--read-clients", defaultValue = "8",
      description = "concurrent clients for reads/s (default ${DEFAULT-VALUE})")
  int readClients;

  @Option(names = "--seconds", defaultValue = "10",
      description = "length of the reads/s runs (default ${DEFAULT-VALUE})")
  double seconds;

  @Option(names = "--keep", description = "keep the tables afterwards")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    if (originalPoints < 1000 || originalPoints % 1000 != 0) {
      throw new IllegalArgumentException("--original-points must be a positive multiple of"
          + " 1000, not " + originalPoints);
    }
    Workload data = workload.workload();
    MariaDbBaseline baseline = new MariaDbBaseline(url, user, password, data);
    baseline.createTables();
    try {
      ingest(baseline, data);
      read(baseline, data, MariaDbBaseline.BATCHED_TABLE, "baseline-w2-jdbc-innodb");
      read(baseline, data, MariaDbBaseline.ORIGINAL_TABLE, "baseline-w2-original-myisam");
    } finally {
      if (!keep) {
        baseline.dropTables();
      }
    }
    return 0;
  }

  private void ingest(MariaDbBaseline baseline, Workload data) throws Exception {
    int written = Math.min(originalPoints, data.totalPoints());
    double originalSeconds = baseline.originalInserts(written, System.err);
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("points", written);
    original.put("seconds", W1Command.round(originalSeconds));
    original.put("points_per_s", Math.round(written / originalSeconds));
    workload.log().report("baseline-w1-original-myisam", original);

    double batchedSeconds = baseline.batchedInserts(clients, batch, System.err);
    long stored = baseline.count(MariaDbBaseline.BATCHED_TABLE);
    Map<String, Object> batched = new LinkedHashMap<>();
    batched.put("points", data.totalPoints());
    batched.put("clients", clients);
    batched.put("batch", batch);
    batched.put("seconds", W1Command.round(batchedSeconds));
    batched.put("points_per_s", Math.round(data.totalPoints() / batchedSeconds));
    batched.put("stored", stored);
    workload.log().report("baseline-w1-jdbc-innodb", batched);

    baseline.fillOriginal(written);
  }

  private void read(MariaDbBaseline baseline, Workload data, String table, String name)
      throws Exception {
    ReadRun run = new ReadRun(data, baseline.readers(table, limit));
    ReadRun.Latency latency = run.latency(warmup, reads, 7, name + " latency", System.err);
    ReadRun.Throughput throughput = run.throughput(readClients, seconds, 100,
        name + " @" + readClients, System.err);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("limit", limit);
    fields.put("reads", reads);
    fields.put("p50_ms", latency.millis(50));
    fields.put("p99_ms", latency.millis(99));
    fields.put("p999_ms", latency.millis(99.9));
    fields.put("clients", readClients);
    fields.put("reads_per_s", Math.round(throughput.readsPerSecond()));
    fields.put("bad_reads", latency.badReads() + throughput.badReads());
    workload.log().report(name, fields);
  }
}
