package dev.plot.http;

import dev.plot.core.PlotService;
import dev.plot.core.chart.ChartConfig;
import dev.plot.core.chart.ChartLinks;
import dev.plot.http.guard.HttpGuard;
import dev.plot.http.guard.RouteAccess;
import java.time.Clock;
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
  private final Server server;
  private final ServerConnector connector;
  private final HttpGuard guard;

  /** A server with default chart settings, the system clock and no guard beyond limits. */
  public HttpServer(HttpConfig config, PlotService service) {
    this(config, service, new ChartLinks(service, ChartConfig.defaults(), Clock.systemUTC()),
        HttpGuard.open(service));
  }

  /** A server with default chart settings behind the given guard. */
  public HttpServer(HttpConfig config, PlotService service, HttpGuard guard) {
    this(config, service, new ChartLinks(service, ChartConfig.defaults(), Clock.systemUTC()),
        guard);
  }

  public HttpServer(HttpConfig config, PlotService service, ChartLinks charts,
      HttpGuard guard) {
    this.config = config;
    this.guard = guard;
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("plot-http");
    this.server = new Server(threads);
    this.connector = guard.connector(server, config);
    server.setHandler(guard.wrap(routes(service, charts), config));
    server.setStopTimeout(5_000);
  }

  private Handler routes(PlotService service, ChartLinks charts) {
    long maxBody = config.maxBodyBytes();
    RouteAccess access = new RouteAccess(guard.access());
    GroupsHandler groups = new GroupsHandler(service, maxBody, access);
    CategoriesHandler categories = new CategoriesHandler(service, maxBody, access);
    ChartReplies replies = new ChartReplies(charts);
    RoutesHandler routes = new RoutesHandler(new NotFoundHandler())
        .route("/api/v1/points", new PointsHandler(service, maxBody, access))
        .route(SeriesHandler.PREFIX + "*", new SeriesHandler(service, access))
        .route(GroupsHandler.PATH, groups)
        .route(GroupsHandler.PATH + "/*", groups)
        .route(CategoriesHandler.PATH, categories)
        .route(CategoriesHandler.PATH + "/*", categories)
        .route(ChartsHandler.PATH, new ChartsHandler(charts, maxBody, config.publicUrl(),
            access))
        .route(ChartLinkHandler.PREFIX + "*", new ChartLinkHandler(charts, replies, access))
        .route(QuickChartHandler.PATH + ".*", new QuickChartHandler(charts, replies, access))
        .route(StaticHandler.PREFIX + "*", new StaticHandler());
    return new HealthHandler(routes);
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

  /** Whether this front end speaks HTTPS. */
  public boolean tls() {
    return guard.limits().tls();
  }

  public int port() {
    return connector.getLocalPort();
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
