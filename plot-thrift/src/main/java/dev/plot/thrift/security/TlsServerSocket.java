package dev.plot.thrift.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS listening socket of the thread-pool server. Every read of an accepted connection
 * waits at most {@value ThriftLimits#READ_TIMEOUT}, the TLS handshake included, so a client
 * that stops sending frees its thread. A connection beyond {@value ThriftLimits#MAX_CONNECTIONS}
 * is closed at once and the next one is awaited, so the pool never sees it.
 */
final class TlsServerSocket extends TServerSocket {

  private static final Logger log = LoggerFactory.getLogger(TlsServerSocket.class);

  private final ThriftLimits limits;
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder refused = new LongAdder();
  private long lastRefusalLog;

  TlsServerSocket(InetSocketAddress address, SSLContext tls, ThriftLimits limits)
      throws TTransportException {
    super(listen(address, tls), (int) limits.readTimeoutMillis());
    this.limits = limits;
  }

  private static SSLServerSocket listen(InetSocketAddress address, SSLContext tls)
      throws TTransportException {
    try {
      SSLServerSocket socket =
          (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
      socket.setReuseAddress(true);
      socket.bind(address, 128);
      return socket;
    } catch (IOException e) {
      throw new TTransportException("cannot listen with TLS on " + address + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public TSocket accept() throws TTransportException {
    while (true) {
      TSocket accepted = super.accept();
      if (open.incrementAndGet() <= limits.maxConnections()) {
        return new CountedSocket(accepted.getSocket(), open);
      }
      open.decrementAndGet();
      refusal(accepted.getSocket());
      accepted.close();
    }
  }

  private void refusal(Socket socket) {
    refused.increment();
    long now = System.nanoTime();
    if (now - lastRefusalLog > TimeUnit.SECONDS.toNanos(10)) {
      lastRefusalLog = now;
      log.warn("thrift refused connection from {}: {}={} connections are open (refused {})",
          socket.getInetAddress().getHostAddress(), ThriftLimits.MAX_CONNECTIONS,
          limits.maxConnections(), refused.sum());
    }
  }

  /** A connection that gives its place back once, when it closes. */
  private static final class CountedSocket extends TSocket {
    private final AtomicInteger open;
    private final AtomicBoolean closed = new AtomicBoolean();

    CountedSocket(Socket socket, AtomicInteger open) throws TTransportException {
      super(socket);
      this.open = open;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        open.decrementAndGet();
      }
      super.close();
    }
  }
}
