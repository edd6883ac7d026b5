package dev.plot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code jmh}: runs the JMH benchmarks of this jar, passing every argument to JMH. */
@Command(name = "jmh", description = "JMH benchmarks of the hot paths; arguments go to JMH"
    + " (e.g. jmh -f 1 -wi 3 -i 5 Store, or jmh -h).")
final class JmhCommand implements Callable<Integer> {

  /** Every argument after {@code jmh}, options included, untouched. */
  @Unmatched
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    org.openjdk.jmh.Main.main(arguments.toArray(String[]::new));
    return 0;
  }
}
