package dev.plot.server;

import dev.plot.bench.BenchMain;
import dev.plot.thrift.gen.PlotError;
import java.io.PrintWriter;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.transport.TTransportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code plot} command: the server and its clients. */
@Command(name = "plot", mixinStandardHelpOptions = true, version = "plot 0.1.0",
    description = "Chart statistics: save numbers in one call, show them through a short link.",
    subcommands = {ServeCommand.class, PointCommand.class, PutCommand.class,
        ImportCommand.class, SettingsCommand.class, TokenCommand.class, AgentCommand.class,
        CategoryCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, for tests. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    // The load generator and the JMH benchmarks ship in the same jar as the server they measure.
    commandLine.addSubcommand("bench", new CommandLine(new BenchMain()));
    commandLine.setExecutionExceptionHandler(Main::oneLineError);
    return commandLine.execute(args);
  }

  /** Errors are one clear line on stderr and a non-zero exit code, never a stack trace. */
  private static int oneLineError(Exception e, CommandLine commandLine,
      CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println("plot: " + describe(e));
    err.flush();
    return 1;
  }

  static String describe(Exception e) {
    if (e instanceof PlotError error) {
      return error.getMessage() + (error.isSetField() ? " (field " + error.getField() + ")" : "");
    }
    if (e instanceof TApplicationException application) {
      return application.getMessage();
    }
    if (e instanceof TTransportException) {
      return "cannot reach the server: " + e.getMessage();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
