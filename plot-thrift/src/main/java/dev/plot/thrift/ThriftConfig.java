package dev.plot.thrift;

import dev.plot.core.Settings;

/**
 * Settings of the Thrift front end.
 *
 * @param host address to listen on
 * @param port port to listen on, 0 for any free one
 * @param protocol {@code binary} (the original's) or {@code compact}
 * @param maxFrameBytes largest frame a client may send
 * @param workerThreads threads running calls
 * @param selectorThreads threads reading and writing sockets
 */
public record ThriftConfig(String host, int port, String protocol, int maxFrameBytes,
    int workerThreads, int selectorThreads) {

  public static final String HOST = "thrift.host";
  public static final String PORT = "thrift.port";
  public static final String PROTOCOL = "thrift.protocol";
  public static final String MAX_FRAME = "thrift.max-frame-bytes";
  public static final String WORKERS = "thrift.worker-threads";
  public static final String SELECTORS = "thrift.selector-threads";

  public static ThriftConfig from(Settings settings) {
    String protocol = settings.get(PROTOCOL, "binary");
    if (!protocol.equals("binary") && !protocol.equals("compact")) {
      throw new IllegalArgumentException("setting " + PROTOCOL + " must be binary or compact");
    }
    return new ThriftConfig(
        settings.get(HOST, "127.0.0.1"),
        settings.getPort(PORT, 9090),
        protocol,
        settings.getInt(MAX_FRAME, 16 * 1024 * 1024),
        settings.getInt(WORKERS, 8),
        settings.getInt(SELECTORS, 2));
  }
}
