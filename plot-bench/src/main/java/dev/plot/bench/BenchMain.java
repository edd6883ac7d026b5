package dev.plot.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code plot bench}: the load generator's workloads against a running server
 * ({@code w1}, {@code w2}, {@code w3}), the MariaDB baselines ({@code baseline}) and the JMH
 * benchmarks ({@code jmh}, taking JMH's own arguments).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "plot-bench 0.1.0",
    description = "Benchmarks of plot: workloads W1-W3 over real sockets, MariaDB baselines,"
        + " and JMH benchmarks of the hot paths.",
    subcommands = {W1Command.class, W2Command.class, W3Command.class, BaselineCommand.class,
        JmhCommand.class})
public final class BenchMain implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
