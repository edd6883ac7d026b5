package dev.plot.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.plot.api.PointStore;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import dev.plot.core.jobs.JobsConfig;
import dev.plot.core.jobs.RetentionJob;
import dev.plot.core.jobs.RollupJob;
import dev.plot.http.HttpConfig;
import dev.plot.http.HttpServer;
import dev.plot.thrift.ThriftServer;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running plot: the store, the core, both front ends and the rollup and retention jobs.
 * Stopping closes the front ends first, then lets the jobs finish their current step, then
 * commits every queued write, then closes the store, so nothing acknowledged or in flight is
 * lost at shutdown.
 */
public final class PlotServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PlotServer.class);

  private final PointStore store;
  private final PlotService service;
  private final ThriftServer thrift;
  private final HttpServer http;
  private final dev.plot.core.access.Access access;
  private final RollupJob rollups;
  private final RetentionJob retention;
  private boolean closed;

  private PlotServer(Injector injector) {
    this.store = injector.getInstance(PointStore.class);
    this.service = injector.getInstance(PlotService.class);
    this.thrift = injector.getInstance(ThriftServer.class);
    this.http = injector.getInstance(HttpServer.class);
    this.access = injector.getInstance(dev.plot.core.access.Access.class);
    JobsConfig jobs = JobsConfig.from(injector.getInstance(Settings.class));
    Clock clock = injector.getInstance(Clock.class);
    this.rollups = new RollupJob(service, jobs, clock);
    this.retention = new RetentionJob(store, jobs, clock);
  }

  /** Opens the store, starts both front ends, then the background jobs. */
  public static PlotServer start(Settings settings) {
    PlotModule module = new PlotModule(settings);
    PlotServer server;
    try {
      server = new PlotServer(Guice.createInjector(module));
    } catch (RuntimeException e) {
      // Guice keeps no handle on what it built before the failure; without this a store
      // opened by then would keep its data directory locked in this process.
      module.closeOpened();
      throw StartupErrors.unwrap(e);
    }
    try {
      server.thrift.start();
      startHttp(server.http, HttpConfig.from(settings));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    ExposureCheck.warn(settings, server.thrift, server.http);

    server.rollups.start();

    server.retention.start();
    log.info("plot serving store={} thrift={} http={}",
        settings.get(SettingsCatalog.STORE, "log"), server.thriftPort(), server.httpPort());
    return server;
  }

  private static void startHttp(HttpServer http, HttpConfig config) {
    try {
      http.start();
    } catch (RuntimeException e) {
      throw StartupErrors.listenFailure(e, config.host(), config.port(), HttpConfig.HOST,
          HttpConfig.PORT);
    }
  }

  public int thriftPort() {
    return thrift.port();
  }

  public int httpPort() {
    return http.port();
  }

  public PlotService service() {
    return service;
  }

  /** Who may do what; tests and the token commands of a running server use it. */
  public dev.plot.core.access.Access access() {
    return access;
  }

  /** The rollup job, for its counters. */
  public RollupJob rollups() {
    return rollups;
  }

  /** The retention job, for its counters. */
  public RetentionJob retention() {
    return retention;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    log.info("plot stopping");

    http.close();

    thrift.close();

    rollups.close();

    retention.close();

    service.close();

    store.close();
    log.info("plot stopped");
  }
}
