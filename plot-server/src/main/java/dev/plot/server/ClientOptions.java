package dev.plot.server;

import org.apache.thrift.transport.TTransportException;
import picocli.CommandLine.Option;

/** Options every client command shares: where the server is and how to speak to it. */
final class ClientOptions {

  @Option(names = "--server", defaultValue = "127.0.0.1:9090",
      description = "Thrift address of the server, host:port (default ${DEFAULT-VALUE})")
  String server;

  @Option(names = "--compact", description = "speak the compact protocol instead of binary")
  boolean compact;

  @Option(names = "--timeout-ms", defaultValue = "30000",
      description = "socket timeout in milliseconds (default ${DEFAULT-VALUE})")
  int timeoutMillis;

  PlotClient connect() throws TTransportException {
    return PlotClient.connect(server, compact, timeoutMillis);
  }
}
