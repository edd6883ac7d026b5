package dev.plot.server;

import dev.plot.thrift.gen.Sample;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plot put}: saves one value. */
@Command(name = "put", mixinStandardHelpOptions = true,
    description = "Save one value to a series; without --time the server's clock stamps it.")
final class PutCommand implements Callable<Integer> {

  @Option(names = "--cid", required = true, description = "category id")
  long cid;

  @Option(names = "--rid", required = true, description = "related id")
  long rid;

  @Option(names = "--value", required = true, description = "the integer to save")
  long value;

  @Option(names = "--time", description = "unix seconds (default: the server's clock)")
  Long time;

  @Mixin
  ClientOptions client;

  @Override
  public Integer call() throws Exception {
    Sample sample = new Sample(cid, rid, value);
    if (time != null) {
      sample.setTime(time);
    }
    try (PlotClient plot = client.connect()) {
      int saved = plot.api().save(List.of(sample));
      System.out.println("saved " + saved);
    }
    return 0;
  }
}
