package dev.plot.thrift.security;

import java.net.InetAddress;
import org.apache.thrift.server.ServerContext;

/**
 * One client connection as calls on it see it: the client's address and the token it
 * presented through {@code authenticate}, which holds for the rest of the connection.
 */
public final class ThriftConnection implements ServerContext {

  private final InetAddress peer;
  private volatile String token;

  ThriftConnection(InetAddress peer) {
    this.peer = peer;
  }

  /** The client's address, or null when the transport did not tell. */
  public InetAddress peer() {
    return peer;
  }

  /** The token presented on this connection, or null. */
  public String token() {
    return token;
  }

  void token(String token) {
    this.token = token;
  }

  @Override
  public <T> T unwrap(Class<T> iface) {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new IllegalArgumentException("a thrift connection is not a " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
