package dev.plot.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code w2}: newest-points reads of random series over Thrift and HTTP JSON. */
@Command(name = "w2", mixinStandardHelpOptions = true,
    description = "W2 reads: the newest points of random series; latency with one client,"
        + " reads/s with several. Run it after w1 on the same server.")
final class W2Command implements Callable<Integer> {

  @Mixin
  WorkloadOptions workload;

  @Option(names = "--thrift", defaultValue = "127.0.0.1:9090",
      description = "Thrift address of the server (default ${DEFAULT-VALUE})")
  String thrift;

  @Option(names = "--http", defaultValue = "127.0.0.1:8080",
      description = "HTTP address of the server (default ${DEFAULT-VALUE})")
  String http;

  @Option(names = "--transports", split = ",", defaultValue = "thrift,http",
      description = "thrift, http or both (default ${DEFAULT-VALUE})")
  List<String> transports;

  @Option(names = "--limit", defaultValue = "1440",
      description = "points per read (default ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--warmup", defaultValue = "2000",
      description = "untimed reads first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--reads", defaultValue = "5000",
      description = "timed reads with one client (default ${DEFAULT-VALUE})")
  int reads;

  @Option(names = "--clients", defaultValue = "8",
      description = "concurrent clients for reads/s (default ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--seconds", defaultValue = "10",
      description = "length of the reads/s run (default ${DEFAULT-VALUE})")
  double seconds;

  @Override
  public Integer call() throws Exception {
    Workload data = workload.workload();
    int failures = 0;
    for (String transport : transports) {
      SeriesReader.Factory readers = switch (transport) {
        case "thrift" -> ThriftSeriesReader.factory(HostPort.parse(thrift), data, limit,
            workload.timeoutMillis);
        case "http" -> HttpSeriesReader.factory(HostPort.parse(http), data, limit,
            workload.timeoutMillis);
        default -> throw new IllegalArgumentException("--transports takes thrift and http,"
            + " not " + transport);
      };
      failures += measure(transport, new ReadRun(data, readers));
    }
    return failures == 0 ? 0 : 1;
  }

  private int measure(String transport, ReadRun run) throws Exception {
    String name = "w2-" + transport;
    ReadRun.Latency latency;
    try {
      latency = run.latency(warmup, reads, 7, name + " latency", System.err);
    } catch (HttpSeriesReader.RouteMissingException e) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("store", workload.label);
      fields.put("skipped", e.getMessage());
      workload.log().report(name, fields);
      return 0;
    }
    ReadRun.Throughput throughput = run.throughput(clients, seconds, 100, name + " @" + clients,
        System.err);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("store", workload.label);
    fields.put("limit", limit);
    fields.put("reads", reads);
    fields.put("p50_ms", latency.millis(50));
    fields.put("p99_ms", latency.millis(99));
    fields.put("p999_ms", latency.millis(99.9));
    fields.put("mean_ms", W1Command.round(latency.histogram().getMean() / 1000));
    fields.put("clients", clients);
    fields.put("reads_per_s", Math.round(throughput.readsPerSecond()));
    fields.put("bad_reads", latency.badReads() + throughput.badReads());
    workload.log().report(name, fields);
    return latency.badReads() + throughput.badReads() == 0 ? 0 : 1;
  }
}
