package dev.plot.thrift;

import dev.plot.thrift.gen.Plot;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadedSelectorServer;
import org.apache.thrift.transport.TNonblockingServerSocket;
import org.apache.thrift.transport.TNonblockingSocket;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Thrift front end: framed transport, binary protocol by default, a non-blocking acceptor
 * with selector threads and a pool of workers. A frame larger than the configured maximum
 * closes the connection before any of it is read.
 */
public final class ThriftServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ThriftServer.class);

  private final ThriftConfig config;
  private final TServer server;
  private final TNonblockingServerSocket socket;
  private final Thread serving;
  private final CountDownLatch started = new CountDownLatch(1);

  public ThriftServer(ThriftConfig config, Plot.Iface handler) throws TTransportException {
    this.config = config;
    this.socket = new FrameLimitedServerSocket(
        new TNonblockingServerSocket.NonblockingAbstractServerSocketArgs()
            .bindAddr(new InetSocketAddress(config.host(), config.port())),
        config.maxFrameBytes());
    TThreadedSelectorServer.Args args = new TThreadedSelectorServer.Args(socket)
        .processor(new Plot.Processor<>(handler))
        .protocolFactory(protocolFactory(config))
        .selectorThreads(config.selectorThreads())
        .workerThreads(config.workerThreads());
    // The budget for frames being read on all connections together; a frame within the
    // per-connection limit waits for room rather than being dropped.
    args.maxReadBufferBytes = Math.max(config.maxFrameBytes() * 8L, 128L * 1024 * 1024);
    this.server = new TThreadedSelectorServer(args);
    this.serving = new Thread(server::serve, "plot-thrift");
  }

  private static TProtocolFactory protocolFactory(ThriftConfig config) {
    long limit = config.maxFrameBytes();
    return config.protocol().equals("compact")
        ? new TCompactProtocol.Factory(limit, limit)
        : new TBinaryProtocol.Factory(limit, limit);
  }

  /** Starts serving in the background and returns once the socket listens. */
  public void start() {
    server.setServerEventHandler(new StartSignal(started));
    serving.start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("thrift server did not start within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the thrift server", e);
    }
    log.info("thrift listening host={} port={} protocol={} maxFrameBytes={}", config.host(),
        port(), config.protocol(), config.maxFrameBytes());
  }

  /** The port the server listens on, which differs from the configured one when that is 0. */
  public int port() {
    return socket.getPort();
  }

  @Override
  public void close() {
    server.stop();
    try {
      serving.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("thrift stopped");
  }

  /**
   * Gives every accepted connection the configured frame limit: libthrift's selector server
   * closes a connection whose frame is larger than its transport's limit, before reading it.
   */
  private static final class FrameLimitedServerSocket extends TNonblockingServerSocket {
    private final int maxFrameBytes;

    FrameLimitedServerSocket(NonblockingAbstractServerSocketArgs args, int maxFrameBytes)
        throws TTransportException {
      super(args);
      this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public TNonblockingSocket accept() throws TTransportException {
      TNonblockingSocket accepted = super.accept();
      if (accepted != null) {
        accepted.setMaxFrameSize(maxFrameBytes);
      }
      return accepted;
    }
  }

  /** Counts the server down once it is ready to accept connections. */
  private static final class StartSignal implements org.apache.thrift.server.TServerEventHandler {
    private final CountDownLatch started;

    StartSignal(CountDownLatch started) {
      this.started = started;
    }

    @Override
    public void preServe() {
      started.countDown();
    }

    @Override
    public org.apache.thrift.server.ServerContext createContext(
        org.apache.thrift.protocol.TProtocol input, org.apache.thrift.protocol.TProtocol output) {
      return null;
    }

    @Override
    public void deleteContext(org.apache.thrift.server.ServerContext context,
        org.apache.thrift.protocol.TProtocol input, org.apache.thrift.protocol.TProtocol output) {
      // No per-connection state.
    }

    @Override
    public void processContext(org.apache.thrift.server.ServerContext context,
        org.apache.thrift.transport.TTransport input,
        org.apache.thrift.transport.TTransport output) {
      // No per-connection state.
    }
  }
}
