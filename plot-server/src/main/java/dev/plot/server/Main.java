package dev.plot.server;

import dev.plot.bench.BenchMain;
import dev.plot.thrift.gen.PlotError;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
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
    registerConverters(commandLine);
    commandLine.setParameterExceptionHandler(Main::oneLineUsageError);
    commandLine.setExecutionExceptionHandler(Main::oneLineError);
    return commandLine.execute(args);
  }

  /** Picocli's own messages say "is not a long"; these name the range a number must be in. */
  private static void registerConverters(CommandLine commandLine) {
    CommandLine.ITypeConverter<Integer> integer = text -> (int) integer(text,
        Integer.MIN_VALUE, Integer.MAX_VALUE);
    CommandLine.ITypeConverter<Long> longInteger = text -> integer(text, Long.MIN_VALUE,
        Long.MAX_VALUE);
    commandLine.registerConverter(Integer.class, integer);
    commandLine.registerConverter(int.class, integer);
    commandLine.registerConverter(Long.class, longInteger);
    commandLine.registerConverter(long.class, longInteger);
    commandLine.registerConverter(BigDecimal.class, text -> {
      try {
        return new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + text + "' is not a decimal number");
      }
    });
  }

  private static long integer(String text, long min, long max) {
    BigInteger value;
    try {
      value = new BigInteger(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not an integer");
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new CommandLine.TypeConversionException("'" + text + "' is out of range " + min
          + ".." + max);
    }
    return value.longValue();
  }

  /**
   * A mistyped option is one line and a pointer to the help, not the whole usage text, which
   * would push the line that matters off the screen.
   */
  private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println("plot: " + lowerFirst(e.getMessage()));
    err.println("see '" + commandLine.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String lowerFirst(String message) {
    if (message == null || message.length() < 2 || Character.isUpperCase(message.charAt(1))) {
      return message;
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
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
    Throwable root = StartupErrors.root(e);
    if (root != e) {
      return StartupErrors.message(root);
    }
    if (e instanceof PlotError error) {
      return error.getMessage() + (error.isSetField() ? " (field " + error.getField() + ")" : "");
    }
    if (e instanceof TApplicationException application) {
      return application.getMessage();
    }
    if (e instanceof TTransportException) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      // A TLS or HTTP reply read as a Thrift frame length gives an absurd size.
      return "cannot reach the server: " + message + (message.startsWith("Frame size")
          ? "; is it plot's Thrift port, and does it need --tls?" : "");
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
