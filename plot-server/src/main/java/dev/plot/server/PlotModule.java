package dev.plot.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.plot.api.PointStore;
import dev.plot.api.StoreProvider;
import dev.plot.core.CoreConfig;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import dev.plot.core.chart.ChartConfig;
import dev.plot.core.chart.ChartLinks;
import dev.plot.http.HttpConfig;
import dev.plot.http.HttpServer;
import dev.plot.thrift.PlotHandler;
import dev.plot.thrift.ThriftConfig;
import dev.plot.thrift.ThriftServer;
import dev.plot.thrift.gen.Plot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.thrift.transport.TTransportException;

/**
 * Wires one store and one core under both front ends. Transports and stores never see each
 * other: each depends on the core and the API only.
 */
public final class PlotModule extends AbstractModule {

  private final Settings settings;

  public PlotModule(Settings settings) {
    this.settings = settings;
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
    return openStore(settings);
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
    return new PlotService(store, config, clock);
  }

  @Provides
  @Singleton
  ChartLinks chartLinks(PlotService service, Clock clock) {
    return new ChartLinks(service, ChartConfig.from(settings), clock);
  }

  @Provides
  @Singleton
  Plot.Iface thriftHandler(PlotService service, ChartLinks charts) {
    return new PlotHandler(service, charts);
  }

  @Provides
  @Singleton
  ThriftServer thriftServer(Plot.Iface handler) throws TTransportException {
    return new ThriftServer(ThriftConfig.from(settings), handler);
  }

  @Provides
  @Singleton
  HttpServer httpServer(PlotService service, ChartLinks charts) {
    return new HttpServer(HttpConfig.from(settings), service, charts);
  }
}
