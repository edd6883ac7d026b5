package dev.plot.thrift.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.apache.thrift.transport.TNonblockingServerSocket;
import org.apache.thrift.transport.TNonblockingSocket;
import org.apache.thrift.transport.TTransportException;

/**
 * The non-blocking listening socket: each accepted connection becomes a {@link PeerSocket},
 * and one beyond {@value ThriftLimits#MAX_CONNECTIONS} is closed at once. Returning null for
 * it is what the acceptor expects when nothing was accepted.
 */
final class GuardedServerSocket extends TNonblockingServerSocket {

  private final OpenConnections connections;
  private final int maxFrameBytes;

  GuardedServerSocket(InetSocketAddress address, OpenConnections connections, int maxFrameBytes)
      throws TTransportException {
    super(new NonblockingAbstractServerSocketArgs().bindAddr(address));
    this.connections = connections;
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  public TNonblockingSocket accept() throws TTransportException {
    TNonblockingSocket accepted = super.accept();
    if (accepted == null) {
      return null;
    }
    PeerSocket socket;
    try {
      socket = new PeerSocket(accepted.getSocketChannel(), connections, maxFrameBytes);
    } catch (IOException e) {
      // The client went away between accept and setup: nothing to serve.
      accepted.close();
      return null;
    }
    if (!connections.tryOpen(socket)) {
      socket.close();
      return null;
    }
    return socket;
  }
}
