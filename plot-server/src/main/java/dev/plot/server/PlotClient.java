package dev.plot.server;

import dev.plot.thrift.gen.Plot;
import javax.net.ssl.SSLContext;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;

/** A Thrift connection to a plot server, as the {@code plot} client commands use it. */
public final class PlotClient implements AutoCloseable {

  private final TTransport transport;
  private final Plot.Client client;

  private PlotClient(TTransport transport, TProtocol protocol) {
    this.transport = transport;
    this.client = new Plot.Client(protocol);
  }

  /**
   * Connects to {@code host:port} with framed transport.
   *
   * @param server {@code host:port}, or {@code host} for port 9090
   * @param compact whether to speak the compact protocol instead of binary
   */
  public static PlotClient connect(String server, boolean compact, int timeoutMillis)
      throws TException {
    return connect(server, compact, timeoutMillis, null, null);
  }

  /**
   * Connects, over TLS when {@code tls} is given, and presents {@code token} once for the
   * connection when one is given.
   *
   * @param tls the client's TLS context (see {@link ClientTls}), or null for plain TCP
   * @param token the secret of a plot token, or null
   * @throws TException when the server refuses the token
   */
  public static PlotClient connect(String server, boolean compact, int timeoutMillis,
      SSLContext tls, String token) throws TException {
    HostPort address = HostPort.parse(server, 9090);
    TConfiguration configuration = TConfiguration.custom()
        .setMaxFrameSize(256 * 1024 * 1024)
        .setMaxMessageSize(256 * 1024 * 1024)
        .build();
    TSocket socket = tls == null
        ? new TSocket(configuration, address.host(), address.port(), timeoutMillis)
        : ClientTls.socket(tls, address.host(), address.port(), timeoutMillis);
    TTransport transport = new TFramedTransport(socket, 256 * 1024 * 1024);
    if (!transport.isOpen()) {
      transport.open();
    }
    TProtocol protocol = compact ? new TCompactProtocol(transport) : new TBinaryProtocol(transport);
    PlotClient client = new PlotClient(transport, protocol);
    if (token != null && !token.isBlank()) {
      try {
        client.api().authenticate(token.trim());
      } catch (TException e) {
        client.close();
        throw e;
      }
    }
    return client;
  }

  public Plot.Client api() {
    return client;
  }

  @Override
  public void close() {
    transport.close();
  }

  /** A {@code host:port} pair. */
  public record HostPort(String host, int port) {

    /** Parses {@code host:port}, {@code host} or {@code [v6]:port}. */
    public static HostPort parse(String text, int defaultPort) {
      String value = text.trim();
      if (value.startsWith("[")) {
        int close = value.indexOf(']');
        String host = value.substring(1, close);
        String rest = value.substring(close + 1);
        return new HostPort(host, rest.startsWith(":") ? port(rest.substring(1)) : defaultPort);
      }
      int colon = value.lastIndexOf(':');
      if (colon < 0 || value.indexOf(':') != colon) {
        return new HostPort(value, defaultPort);
      }
      return new HostPort(value.substring(0, colon), port(value.substring(colon + 1)));
    }

    private static int port(String text) {
      try {
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--server port must be 1 to 65535, not " + text);
      }
    }
  }
}
