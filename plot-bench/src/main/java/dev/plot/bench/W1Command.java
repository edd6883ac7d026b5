package dev.plot.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code w1}: ingest of the seeded data set over Thrift, then a check of what was stored. */
@Command(name = "w1", mixinStandardHelpOptions = true,
    description = "W1 ingest: send the series over Thrift with N clients, time first send to"
        + " last acknowledgement, then check the stored count. Run it on a fresh store.")
final class W1Command implements Callable<Integer> {

  @Mixin
  WorkloadOptions workload;

  @Option(names = "--thrift", defaultValue = "127.0.0.1:9090",
      description = "Thrift address of the server (default ${DEFAULT-VALUE})")
  String thrift;

  @Option(names = "--clients", defaultValue = "4",
      description = "concurrent connections (default ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--batch", defaultValue = "1000",
      description = "samples per save call (default ${DEFAULT-VALUE})")
  int batch;

  @Override
  public Integer call() throws Exception {
    Workload data = workload.workload();
    IngestRun.Result result = new IngestRun(HostPort.parse(thrift), data, clients, batch,
        workload.timeoutMillis).run(System.err);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("store", workload.label);
    fields.put("series", data.seriesCount());
    fields.put("points", result.points());
    fields.put("clients", clients);
    fields.put("batch", batch);
    fields.put("seconds", round(result.seconds()));
    fields.put("points_per_s", Math.round(result.pointsPerSecond()));
    fields.put("stored", result.storedPoints());
    fields.put("bad_series", result.badSeries());
    workload.log().report("w1", fields);
    boolean complete = result.storedPoints() == data.totalPoints() && result.badSeries() == 0;
    if (!complete) {
      System.err.printf(Locale.ROOT, "w1: the server holds %,d points (%d series wrong), not"
          + " %,d: was the store fresh?%n", result.storedPoints(), result.badSeries(),
          data.totalPoints());
    }
    return complete ? 0 : 1;
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
