package dev.plot.thrift.security;

import dev.plot.thrift.ThriftConfig;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open connections of the non-blocking server, counted against
 * {@value ThriftLimits#MAX_CONNECTIONS}, and a reaper that drops those sending a frame more
 * slowly than {@value ThriftLimits#READ_TIMEOUT} allows or idle longer than
 * {@value ThriftLimits#IDLE_TIMEOUT}.
 *
 * <p>Dropping first shuts the socket's input: the selector then reads end-of-stream and closes
 * the connection itself, releasing its share of the read buffers. Only a connection still open
 * a grace period later (one stuck writing to a client that does not read) is closed outright.
 */
final class OpenConnections implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpenConnections.class);

  /** How long a dropped connection may take to close by itself before it is closed hard. */
  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ThriftLimits limits;
  private final Set<PeerSocket> open = ConcurrentHashMap.newKeySet();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final Thread reaper;
  private volatile boolean closed;
  private final LongAdder refusedFrames = new LongAdder();
  private final int maxFrameBytes;
  private volatile long lastRefusalLog;
  private volatile long lastFrameLog;

  OpenConnections(ThriftLimits limits, int maxFrameBytes) {
    this.limits = limits;
    this.maxFrameBytes = maxFrameBytes;
    this.reaper = new Thread(this::reap, "plot-thrift-reaper");
    reaper.setDaemon(true);
    reaper.start();
  }

  /** Counts a new connection in; false when the limit is reached and it must be closed. */
  boolean tryOpen(PeerSocket socket) {
    // Size then add is not atomic: a burst may overshoot by the number of acceptor threads (1).
    if (open.size() >= limits.maxConnections()) {
      refused.increment();
      long now = System.nanoTime();
      if (now - lastRefusalLog > TimeUnit.SECONDS.toNanos(10)) {
        lastRefusalLog = now;
        log.warn("thrift refused connection from {}: {}={} connections are open (refused {})",
            socket.peerText(), ThriftLimits.MAX_CONNECTIONS, limits.maxConnections(),
            refused.sum());
      }
      return false;
    }
    open.add(socket);
    return true;
  }

  /** Logs, at most every 10 s, a frame the server refuses for its length. */
  void refusedFrame(PeerSocket socket, int length) {
    refusedFrames.increment();
    long now = System.nanoTime();
    if (now - lastFrameLog > TimeUnit.SECONDS.toNanos(10)) {
      lastFrameLog = now;
      log.warn("thrift closed connection from {}: frame length {} is not 1 to {}={} bytes"
          + " (refused {})", socket.peerText(), length, ThriftConfig.MAX_FRAME,
          maxFrameBytes, refusedFrames.sum());
    }
  }

  void closed(PeerSocket socket) {
    open.remove(socket);
  }

  int size() {
    return open.size();
  }

  long dropped() {
    return dropped.sum();
  }

  private void reap() {
    long period = Math.max(50, Math.min(1_000, limits.readTimeoutMillis() / 4));
    while (!closed) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (PeerSocket socket : open) {
        String reason = socket.overdue(now, limits);
        if (reason != null) {
          drop(socket, reason, now);
        }
      }
    }
  }

  private void drop(PeerSocket socket, String reason, long now) {
    long droppedAt = socket.droppedAt();
    if (droppedAt == 0) {
      dropped.increment();
      log.debug("thrift dropping connection from {} reason={}", socket.peerText(), reason);
      socket.shutdownInput(now);
    } else if (now - droppedAt > GRACE_NANOS) {
      socket.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    reaper.interrupt();
  }
}
