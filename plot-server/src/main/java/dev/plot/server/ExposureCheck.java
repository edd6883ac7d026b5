package dev.plot.server;

import dev.plot.core.Settings;
import dev.plot.http.HttpConfig;
import dev.plot.http.HttpServer;
import dev.plot.thrift.ThriftConfig;
import dev.plot.thrift.ThriftServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once, at WARN, when a front end listens beyond this machine without TLS: tokens and
 * points would then cross the network in the clear.
 */
final class ExposureCheck {

  private static final Logger log = LoggerFactory.getLogger(ExposureCheck.class);

  private ExposureCheck() {
  }

  /** One front end: its name, listen address and whether it speaks TLS. */
  record Listener(String name, String host, int port, boolean tls) {
  }

  /** The listeners that are reachable from other machines and speak no TLS. */
  static List<Listener> exposed(List<Listener> listeners) {
    List<Listener> exposed = new ArrayList<>();
    for (Listener listener : listeners) {
      if (!listener.tls() && !loopback(listener.host())) {
        exposed.add(listener);
      }
    }
    return exposed;
  }

  /** Warns about the front ends of a started server. */
  static void warn(Settings settings, ThriftServer thrift, HttpServer http) {
    warn(List.of(
        new Listener("thrift", settings.get(ThriftConfig.HOST, "127.0.0.1"), thrift.port(),
            thrift.tls()),
        new Listener("http", settings.get(HttpConfig.HOST, "127.0.0.1"), http.port(),
            http.tls())));
  }

  static void warn(List<Listener> listeners) {
    List<Listener> exposed = exposed(listeners);
    if (exposed.isEmpty()) {
      return;
    }
    List<String> names = new ArrayList<>();
    exposed.forEach(l -> names.add(l.name() + "=" + l.host() + ":" + l.port()));
    log.warn("plot listens beyond this machine without TLS: {}; set thrift.tls / http.tls with"
        + " tls.cert-file and tls.key-file (see docs/security.md)", String.join(" ", names));
  }

  private static boolean loopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // The host is a configured listen address; a name resolves as the server would bind it.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
