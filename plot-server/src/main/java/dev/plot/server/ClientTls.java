package dev.plot.server;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransportException;

/**
 * A client's TLS socket to a plot server. The server's certificate must name the host the
 * client dialled (as HTTPS checks it), so a certificate for another host is refused.
 */
final class ClientTls {

  private ClientTls() {
  }

  /** An open, handshaken TLS connection wrapped for Thrift. */
  static TSocket socket(SSLContext tls, String host, int port, int timeoutMillis)
      throws TTransportException {
    SSLSocket socket = null;
    try {
      socket = (SSLSocket) tls.getSocketFactory().createSocket();
      socket.setSoTimeout(timeoutMillis);
      socket.connect(new java.net.InetSocketAddress(host, port), timeoutMillis);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return new TSocket(socket);
    } catch (IOException e) {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException closing) {
          // The handshake already failed; that failure is the one to report.
        }
      }
      throw new TTransportException(TTransportException.NOT_OPEN,
          "TLS to " + host + ":" + port + " failed: " + e.getMessage(), e);
    }
  }
}
