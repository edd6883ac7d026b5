package dev.plot.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.plot.api.PointStore;
import dev.plot.api.StoreProvider;
import dev.plot.core.CoreConfig;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import dev.plot.core.access.Access;
import dev.plot.core.access.AccessConfig;
import dev.plot.core.access.Tokens;
import dev.plot.core.access.WriteRateLimiter;
import dev.plot.core.chart.ChartConfig;
import dev.plot.core.chart.ChartLinks;
import dev.plot.core.tls.TlsConfig;
import dev.plot.core.tls.TlsContexts;
import dev.plot.http.HttpConfig;
import dev.plot.http.HttpServer;
import dev.plot.http.guard.HttpGuard;
import dev.plot.http.guard.HttpLimits;
import dev.plot.thrift.ThriftConfig;
import dev.plot.thrift.ThriftServer;
import dev.plot.thrift.gen.Plot;
import dev.plot.thrift.security.GuardedPlotHandler;
import dev.plot.thrift.security.ThriftLimits;
import dev.plot.thrift.security.ThriftSecurity;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one store and one core under both front ends. Transports and stores never see each
 * other: each depends on the core and the API only.
 */
public final class PlotModule extends AbstractModule {

  private static final Logger log = LoggerFactory.getLogger(PlotModule.class);

  private final Settings settings;
  /** What providers opened, so that a start failing half-way can close it again. */
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  public PlotModule(Settings settings) {
    this.settings = settings;
  }

  /** Closes, newest first, what the providers opened; for a start that failed half-way. */
  synchronized void closeOpened() {
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        log.warn("cleanup after a failed start failed reason={}", e.getMessage());
      }
    }
  }

  private synchronized <T extends AutoCloseable> T opened(T resource) {
    opened.push(resource);
    return resource;
  }

  @Override
  protected void configure() {
    bind(Settings.class).toInstance(settings);
    bind(Clock.class).toInstance(Clock.systemUTC());
  }

  @Provides
  @Singleton
  CoreConfig coreConfig() {
    return CoreConfig.from(settings);
  }

  @Provides
  @Singleton
  PointStore store() {
    return opened(openStore(settings));
  }

  /** Opens the store named by the {@code store} setting, found with ServiceLoader. */
  static PointStore openStore(Settings settings) {
    String name = settings.get(SettingsCatalog.STORE, "log");
    List<String> known = new ArrayList<>();
    for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
      if (provider.name().equals(name)) {
        return provider.open(settings.asMap());
      }
      known.add(provider.name());
    }
    throw new IllegalArgumentException("no store named " + name + "; available: " + known);
  }

  @Provides
  @Singleton
  PlotService service(PointStore store, CoreConfig config, Clock clock) {
    return opened(new PlotService(store, config, clock));
  }

  @Provides
  @Singleton
  ChartLinks chartLinks(PlotService service, Clock clock) {
    return new ChartLinks(service, ChartConfig.from(settings), clock);
  }

  @Provides
  @Singleton
  Access access(PointStore store, Clock clock) {
    AccessConfig config = AccessConfig.from(settings);
    return new Access(config, new Tokens(store, clock, config.tokenReloadMillis()),
        new WriteRateLimiter(config.writeRate(), clock));
  }

  @Provides
  @Singleton
  Plot.Iface thriftHandler(PlotService service, ChartLinks charts, Access access) {
    return new GuardedPlotHandler(service, charts, access);
  }

  @Provides
  @Singleton
  ThriftServer thriftServer(Plot.Iface handler) throws TTransportException {
    ThriftLimits limits = ThriftLimits.from(settings);
    TlsConfig tls = TlsConfig.from(settings);
    boolean useTls = limits.tls() && tls.configured();
    ThriftSecurity security = new ThriftSecurity(limits, useTls ? TlsContexts.server(tls) : null);
    ThriftConfig config = ThriftConfig.from(settings);
    try {
      return opened(new ThriftServer(config, handler, security));
    } catch (TTransportException e) {
      throw StartupErrors.listenFailure(e, config.host(), config.port(), ThriftConfig.HOST,
          ThriftConfig.PORT);
    }
  }

  @Provides
  @Singleton
  HttpServer httpServer(PlotService service, ChartLinks charts, Access access) {
    HttpGuard guard = new HttpGuard(HttpLimits.from(settings), access, TlsConfig.from(settings));
    return new HttpServer(HttpConfig.from(settings), service, charts, guard);
  }
}
