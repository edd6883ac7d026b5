package dev.plot.http;

import dev.plot.core.PlotService;
import dev.plot.core.chart.ChartConfig;
import dev.plot.core.chart.ChartLinks;
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

  /** A server with default chart settings and the system clock. */
  public HttpServer(HttpConfig config, PlotService service) {
    this(config, service, new ChartLinks(service, ChartConfig.defaults(), Clock.systemUTC()));
  }

  public HttpServer(HttpConfig config, PlotService service, ChartLinks charts) {
    this.config = config;
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("plot-http");
    this.server = new Server(threads);
    this.connector = new ServerConnector(server);
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    server.setHandler(routes(service, charts));
    server.setStopTimeout(5_000);
  }

  private Handler routes(PlotService service, ChartLinks charts) {
    long maxBody = config.maxBodyBytes();
    GroupsHandler groups = new GroupsHandler(service, maxBody);
    CategoriesHandler categories = new CategoriesHandler(service, maxBody);
    ChartReplies replies = new ChartReplies(charts);
    RoutesHandler routes = new RoutesHandler(new NotFoundHandler())
        .route("/api/v1/points", new PointsHandler(service, maxBody))
        .route(SeriesHandler.PREFIX + "*", new SeriesHandler(service))
        .route(GroupsHandler.PATH, groups)
        .route(GroupsHandler.PATH + "/*", groups)
        .route(CategoriesHandler.PATH, categories)
        .route(CategoriesHandler.PATH + "/*", categories)
        .route(ChartsHandler.PATH, new ChartsHandler(charts, maxBody, config.publicUrl()))
        .route(ChartLinkHandler.PREFIX + "*", new ChartLinkHandler(charts, replies))
        .route(QuickChartHandler.PATH + ".*", new QuickChartHandler(charts, replies))
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
    log.info("http listening host={} port={}", config.host(), port());
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
