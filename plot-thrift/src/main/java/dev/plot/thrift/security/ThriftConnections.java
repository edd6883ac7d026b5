package dev.plot.thrift.security;

import java.net.InetAddress;
import java.net.Socket;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.server.ServerContext;
import org.apache.thrift.server.TServerEventHandler;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TLayeredTransport;

/**
 * Gives each connection a {@link ThriftConnection} and makes it the current one while a call
 * on it runs, so the handler knows the client's address and token.
 *
 * <p>libthrift hands the event handler only protocols, not sockets. On the thread-pool (TLS)
 * server the socket is found under the framed transport. On the non-blocking server the
 * protocols read from memory; there the context is created on the selector thread right after
 * the accepted {@link PeerSocket} registers with the selector, so the socket leaves its
 * address in a thread-local for this handler to pick up.
 */
public final class ThriftConnections implements TServerEventHandler {

  private static final ThreadLocal<InetAddress> REGISTERING = new ThreadLocal<>();
  private static final ThreadLocal<ThriftConnection> CURRENT = new ThreadLocal<>();

  private final Runnable onServe;

  /** @param onServe run once the server accepts connections */
  public ThriftConnections(Runnable onServe) {
    this.onServe = onServe;
  }

  /** The connection whose call runs on this thread, or null outside a Thrift call. */
  public static ThriftConnection current() {
    return CURRENT.get();
  }

  /** Called by a {@link PeerSocket} on the selector thread just before its context is made. */
  static void registering(InetAddress peer) {
    REGISTERING.set(peer);
  }

  @Override
  public void preServe() {
    onServe.run();
  }

  @Override
  public ServerContext createContext(TProtocol input, TProtocol output) {
    InetAddress peer = REGISTERING.get();
    REGISTERING.remove();
    if (peer == null) {
      peer = socketPeer(input.getTransport());
    }
    return new ThriftConnection(peer);
  }

  @Override
  public void deleteContext(ServerContext context, TProtocol input, TProtocol output) {
    CURRENT.remove();
  }

  @Override
  public void processContext(ServerContext context, TTransport input, TTransport output) {
    CURRENT.set((ThriftConnection) context);
  }

  private static InetAddress socketPeer(TTransport transport) {
    TTransport inner = transport;
    while (inner instanceof TLayeredTransport layered) {
      inner = layered.getInnerTransport();
    }
    if (inner instanceof TSocket socket) {
      Socket raw = socket.getSocket();
      return raw == null ? null : raw.getInetAddress();
    }
    return null;
  }
}
