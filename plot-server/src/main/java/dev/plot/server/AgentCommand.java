package dev.plot.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code plot agent}: agents that run on a host and send what they read to a server. */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Run a host agent that sends readings to a plot server.",
    subcommands = {NetflowCommand.class})
final class AgentCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
