package dev.plot.bench;

import dev.plot.thrift.gen.Plot;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;

/** One framed, binary-protocol Thrift connection to a plot server, as its clients speak it. */
public final class ThriftConnection implements AutoCloseable {

  /** Largest frame either side may send, bytes. */
  private static final int MAX_FRAME = 256 * 1024 * 1024;

  private final TTransport transport;
  private final Plot.Client client;

  private ThriftConnection(TTransport transport) {
    this.transport = transport;
    this.client = new Plot.Client(new TBinaryProtocol(transport));
  }

  /**
   * Opens a connection.
   *
   * @param timeoutMillis socket timeout, milliseconds
   * @throws TTransportException when the server cannot be reached
   */
  public static ThriftConnection open(HostPort server, int timeoutMillis)
      throws TTransportException {
    TConfiguration configuration = TConfiguration.custom()
        .setMaxFrameSize(MAX_FRAME)
        .setMaxMessageSize(MAX_FRAME)
        .build();
    TSocket socket = new TSocket(configuration, server.host(), server.port(), timeoutMillis);
    TTransport transport = new TFramedTransport(socket, MAX_FRAME);
    transport.open();
    return new ThriftConnection(transport);
  }

  public Plot.Client api() {
    return client;
  }

  @Override
  public void close() {
    transport.close();
  }
}
