package dev.plot.thrift.security;

import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;
import org.apache.thrift.TProcessor;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.server.TThreadedSelectorServer;
import org.apache.thrift.transport.TServerTransport;
import org.apache.thrift.transport.TTransportException;
import org.apache.thrift.transport.layered.TFramedTransport;

/**
 * Builds the Thrift server that the limits and TLS setting call for. Without TLS it is the
 * non-blocking selector server; with TLS a thread-pool server, because libthrift has no
 * non-blocking TLS socket (one thread per connection, at most
 * {@value ThriftLimits#MAX_CONNECTIONS} of them).
 *
 * @param limits connection limits and the TLS switch
 * @param tls the server's TLS context; null unless {@link ThriftLimits#tls()} is set
 */
public record ThriftSecurity(ThriftLimits limits, SSLContext tls) {

  public ThriftSecurity {
    if (limits.tls() && tls == null) {
      throw new IllegalArgumentException("setting " + ThriftLimits.TLS
          + "=true needs a TLS identity (tls.cert-file and tls.key-file, or tls.keystore-file)");
    }
  }

  /** Plain TCP with default limits, as before security settings existed. */
  public static ThriftSecurity plain() {
    return new ThriftSecurity(ThriftLimits.defaults(), null);
  }

  /** A server ready to {@code serve()}, and its listening transport. */
  public record Built(TServer server, TServerTransport transport, int port,
      AutoCloseable resources) {
  }

  /**
   * Builds the server on the address.
   *
   * @param events receives connection events; it also makes the current connection known to
   *     the handler
   */
  public Built build(InetSocketAddress address, TProcessor processor,
      TProtocolFactory protocols, int maxFrameBytes, int workerThreads, int selectorThreads,
      ThriftConnections events) throws TTransportException {
    if (limits.tls()) {
      TlsServerSocket socket = new TlsServerSocket(address, tls, limits);
      TThreadPoolServer.Args args = new TThreadPoolServer.Args(socket)
          .processor(processor)
          .protocolFactory(protocols)
          .transportFactory(new TFramedTransport.Factory(maxFrameBytes))
          .minWorkerThreads(Math.min(workerThreads, limits.maxConnections()))
          // One thread per connection: the limit on connections is the limit on threads.
          .maxWorkerThreads(limits.maxConnections())
          // Stopping waits this long for calls in flight; idle connections end with the socket.
          .stopTimeoutVal(5)
          .stopTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS);
      TServer server = new TThreadPoolServer(args);
      server.setServerEventHandler(events);
      return new Built(server, socket, socket.getServerSocket().getLocalPort(), () -> { });
    }
    OpenConnections connections = new OpenConnections(limits, maxFrameBytes);
    GuardedServerSocket socket = new GuardedServerSocket(address, connections, maxFrameBytes);
    TThreadedSelectorServer.Args args = new TThreadedSelectorServer.Args(socket)
        .processor(processor)
        .protocolFactory(protocols)
        .selectorThreads(selectorThreads)
        .workerThreads(workerThreads);
    args.maxReadBufferBytes = Math.max(limits.maxBufferBytes(), maxFrameBytes + 4L);
    TServer server = new TThreadedSelectorServer(args);
    server.setServerEventHandler(events);
    return new Built(server, socket, socket.getPort(), connections);
  }
}
