package dev.plot.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that pick the seeded data set and where results go; every command shares them. */
final class WorkloadOptions {

  @Option(names = "--series", defaultValue = "1000",
      description = "series, rids 1..N (default ${DEFAULT-VALUE})")
  int series;

  @Option(names = "--points", defaultValue = "1440",
      description = "points per series, 60 s apart (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--cid", defaultValue = "3",
      description = "category id (default ${DEFAULT-VALUE})")
  long cid;

  @Option(names = "--seed", defaultValue = "42",
      description = "seed of the random walk (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", description = "append each result as a JSON line to this file")
  Path out;

  @Option(names = "--label", defaultValue = "embedded",
      description = "name of the store under test, kept with the results"
          + " (default ${DEFAULT-VALUE})")
  String label;

  @Option(names = "--timeout-ms", defaultValue = "120000",
      description = "socket timeout, milliseconds (default ${DEFAULT-VALUE})")
  int timeoutMillis;

  Workload workload() {
    return Workload.generate(cid, series, points, seed);
  }

  ResultLog log() {
    return new ResultLog(out, System.out);
  }
}
