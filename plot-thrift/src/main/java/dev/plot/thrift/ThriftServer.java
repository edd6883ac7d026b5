package dev.plot.thrift;

import dev.plot.thrift.gen.Plot;
import dev.plot.thrift.security.ThriftConnections;
import dev.plot.thrift.security.ThriftSecurity;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.server.TServer;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Thrift front end: framed transport, binary protocol by default. Without TLS a
 * non-blocking acceptor with selector threads and a pool of workers; with TLS a thread-pool
 * server (see {@link ThriftSecurity}). A frame larger than the configured maximum closes the
 * connection before any of it is read.
 */
public final class ThriftServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ThriftServer.class);

  private final ThriftConfig config;
  private final ThriftSecurity security;
  private final ThriftSecurity.Built built;
  private final TServer server;
  private final Thread serving;
  private final CountDownLatch started = new CountDownLatch(1);

  public ThriftServer(ThriftConfig config, Plot.Iface handler) throws TTransportException {
    this(config, handler, ThriftSecurity.plain());
  }

  public ThriftServer(ThriftConfig config, Plot.Iface handler, ThriftSecurity security)
      throws TTransportException {
    this.config = config;
    this.security = security;
    this.built = security.build(new InetSocketAddress(config.host(), config.port()),
        new Plot.Processor<>(handler), protocolFactory(config), config.maxFrameBytes(),
        config.workerThreads(), config.selectorThreads(),
        new ThriftConnections(started::countDown));
    this.server = built.server();
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
    serving.start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("thrift server did not start within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the thrift server", e);
    }
    log.info("thrift listening host={} port={} protocol={} tls={} maxFrameBytes={}",
        config.host(), port(), config.protocol(), security.limits().tls(),
        config.maxFrameBytes());
  }

  /** The port the server listens on, which differs from the configured one when that is 0. */
  public int port() {
    return built.port();
  }

  /** Whether this front end speaks TLS. */
  public boolean tls() {
    return security.limits().tls();
  }

  @Override
  public void close() {
    server.stop();
    try {
      serving.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      built.resources().close();
    } catch (Exception e) {
      log.warn("thrift cleanup failed reason={}", e.getMessage());
    }
    log.info("thrift stopped");
  }
}
