package dev.plot.thrift.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.thrift.transport.TNonblockingSocket;
import org.apache.thrift.transport.TTransportException;

/**
 * An accepted non-blocking connection that knows its client's address and follows the frames
 * it reads: when a frame was started and when the last one was finished. The server reads a
 * frame as its 4-byte length and then exactly that many bytes, so counting bytes is enough.
 */
final class PeerSocket extends TNonblockingSocket {

  private final InetAddress peer;
  private final OpenConnections connections;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final int maxFrameBytes;
  private int headerBytes;
  private int header;
  private long payloadLeft;
  private volatile long frameStarted;
  private volatile long lastFrame = System.nanoTime();
  private volatile long droppedAt;

  PeerSocket(SocketChannel channel, OpenConnections connections, int maxFrameBytes)
      throws IOException, TTransportException {
    super(channel);
    this.connections = connections;
    SocketAddress remote = channel.getRemoteAddress();
    this.peer = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    this.maxFrameBytes = maxFrameBytes;
    setMaxFrameSize(maxFrameBytes);
  }

  InetAddress peer() {
    return peer;
  }

  String peerText() {
    return peer == null ? "unknown" : peer.getHostAddress();
  }

  @Override
  public SelectionKey registerSelector(Selector selector, int interests) throws IOException {
    SelectionKey key = super.registerSelector(selector, interests);
    ThriftConnections.registering(peer);
    return key;
  }

  @Override
  public int read(ByteBuffer buffer) throws TTransportException {
    int start = buffer.position();
    int read = super.read(buffer);
    if (read > 0) {
      follow(buffer, start, read);
    }
    return read;
  }

  /** Runs on the selector thread only, so the frame state needs no lock. */
  private void follow(ByteBuffer buffer, int start, int count) {
    int index = start;
    int end = start + count;
    while (index < end) {
      if (headerBytes < 4) {
        if (headerBytes == 0) {
          frameStarted = System.nanoTime();
        }
        header = (header << 8) | (buffer.get(index++) & 0xff);
        if (++headerBytes == 4) {
          payloadLeft = header;
          if (header <= 0 || header > maxFrameBytes) {
            // The server closes this connection without reading on: say why, naming the limit.
            connections.refusedFrame(this, header);
            frameDone();
          }
        }
      } else {
        long take = Math.min(payloadLeft, end - index);
        index += (int) take;
        payloadLeft -= take;
        if (payloadLeft == 0) {
          frameDone();
        }
      }
    }
  }

  private void frameDone() {
    headerBytes = 0;
    header = 0;
    frameStarted = 0;
    lastFrame = System.nanoTime();
  }

  /** Why this connection should be dropped now, or null while it keeps to the limits. */
  String overdue(long now, ThriftLimits limits) {
    long started = frameStarted;
    if (started != 0) {
      if (now - started > TimeUnit.MILLISECONDS.toNanos(limits.readTimeoutMillis())) {
        return "a frame took longer than " + ThriftLimits.READ_TIMEOUT + "="
            + limits.readTimeoutMillis() + " ms";
      }
      return null;
    }
    if (now - lastFrame > TimeUnit.MILLISECONDS.toNanos(limits.idleTimeoutMillis())) {
      return "idle longer than " + ThriftLimits.IDLE_TIMEOUT + "=" + limits.idleTimeoutMillis()
          + " ms";
    }
    return droppedAt != 0 ? "dropped" : null;
  }

  long droppedAt() {
    return droppedAt;
  }

  void shutdownInput(long now) {
    droppedAt = now;
    try {
      getSocketChannel().shutdownInput();
    } catch (IOException e) {
      // Already closed by the client or the server: nothing left to drop.
      close();
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connections.closed(this);
    }
    super.close();
  }
}
