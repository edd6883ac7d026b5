package dev.plot.server;

import dev.plot.core.tls.TlsContexts;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.apache.thrift.TException;
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

  @Option(names = "--tls", description = "speak TLS; the server's certificate must be trusted"
      + " by --ca or by the system")
  boolean tls;

  @Option(names = "--ca", paramLabel = "FILE",
      description = "PEM file of the certificates to trust for --tls (implies --tls)")
  Path ca;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:PLOT_TOKEN}",
      description = "token presented once per connection (default: $PLOT_TOKEN)")
  String token;

  PlotClient connect() throws TException {
    SSLContext context = tls || ca != null ? TlsContexts.client(ca) : null;
    return PlotClient.connect(server, compact, timeoutMillis, context, token);
  }
}
