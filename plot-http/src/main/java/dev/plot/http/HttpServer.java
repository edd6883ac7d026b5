package dev.plot.http;

import dev.plot.core.PlotService;
import dev.plot.http.guard.HttpGuard;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP front end on Jetty 12: the JSON API, chart links and pictures. */
public final class HttpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final HttpConfig config;
  private final HttpGuard guard;
  private final Server server;
  private final ServerConnector connector;

  public HttpServer(HttpConfig config, PlotService service) {
    this(config, service, HttpGuard.open(service));
  }

  public HttpServer(HttpConfig config, PlotService service, HttpGuard guard) {
    this.config = config;
    this.guard = guard;
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("plot-http");
    this.server = new Server(threads);
    this.connector = guard.connector(server, config);
    server.setHandler(guard.wrap(routes(service), config));
    server.setStopTimeout(5_000);
  }

  private Handler routes(PlotService service) {
    return new HealthHandler(new NotFoundHandler());
  }

  public void start() {
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("http server did not start on " + config.host() + ":"
          + config.port() + ": " + e.getMessage(), e);
    }
    log.info("http listening host={} port={} tls={}", config.host(), port(),
        guard.limits().tls());
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Whether this front end speaks HTTPS. */
  public boolean tls() {
    return guard.limits().tls();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("http stop failed reason={}", e.getMessage());
    }
    log.info("http stopped");
  }
}
