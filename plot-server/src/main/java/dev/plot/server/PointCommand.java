package dev.plot.server;

import dev.plot.core.Decimals;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plot point}: the seed's {@code plot_point}, printed on one line, newest first. */
@Command(name = "point", mixinStandardHelpOptions = true,
    description = "Print the newest points of a series, newest first, e.g. [11, 10, 8].")
final class PointCommand implements Callable<Integer> {

  @Option(names = "--cid", required = true, description = "category id")
  long cid;

  @Option(names = "--rid", required = true, description = "related id (the thing measured)")
  long rid;

  @Option(names = "--limit", defaultValue = "1440",
      description = "how many of the newest points (default ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--base", description = "divide every value by this, e.g. 131072 for Mbit/s")
  Double base;

  @Mixin
  ClientOptions client;

  @Override
  public Integer call() throws Exception {
    try (PlotClient plot = client.connect()) {
      StringJoiner line = new StringJoiner(", ", "[", "]");
      if (base == null) {
        List<Long> values = plot.api().plot_point(cid, rid, limit);
        values.forEach(value -> line.add(Long.toString(value)));
      } else {
        List<Double> values = plot.api().plot_point_base(cid, rid, limit, base);
        values.forEach(value -> line.add(Decimals.plain(value)));
      }
      System.out.println(line);
    }
    return 0;
  }
}
