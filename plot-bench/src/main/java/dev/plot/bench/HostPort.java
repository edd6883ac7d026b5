package dev.plot.bench;

/**
 * A {@code host:port} address of a server under test.
 *
 * @param host name or address
 * @param port TCP port
 */
public record HostPort(String host, int port) {

  /**
   * Parses {@code host:port}.
   *
   * @throws IllegalArgumentException when the text is not {@code host:port}
   */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("address must be host:port, not " + text);
    }
    try {
      return new HostPort(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("address must be host:port, not " + text);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
