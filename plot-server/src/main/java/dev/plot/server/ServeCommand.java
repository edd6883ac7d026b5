package dev.plot.server;

import dev.plot.core.Settings;
import dev.plot.core.tls.TlsConfig;
import dev.plot.http.HttpConfig;
import dev.plot.http.guard.HttpLimits;
import dev.plot.thrift.ThriftConfig;
import dev.plot.thrift.security.ThriftLimits;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plot serve}: runs Thrift and HTTP on one store until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the server: Thrift (default port 9090) and HTTP (default 8080).")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--config", description = "configuration file (Java properties)")
  Path config;

  @Option(names = "--store", description = "store: log (embedded, default), h2, mysql, or a plugin")
  String store;

  @Option(names = "--data-dir", description = "directory of the embedded store (default ./data)")
  String dataDir;

  @Option(names = "--thrift-port", description = "Thrift port (default 9090)")
  Integer thriftPort;

  @Option(names = "--http-port", description = "HTTP port (default 8080)")
  Integer httpPort;

  @Option(names = "--host", description = "address both front ends listen on (default 127.0.0.1)")
  String host;

  @Option(names = "--mysql-url", description = "JDBC URL of the MySQL store")
  String mysqlUrl;

  @Option(names = "--mysql-user", description = "MySQL user")
  String mysqlUser;

  @Option(names = "--mysql-password", description = "MySQL password")
  String mysqlPassword;

  @Option(names = "--mysql-pool-size", description = "MySQL connections")
  Integer mysqlPoolSize;

  @Option(names = "--mysql-table-pattern",
      description = "table of a cid, {cid} replaced (default plot_{cid}; '{cid}' for the"
          + " original's tables)")
  String mysqlTablePattern;

  @Option(names = "--tls-cert", paramLabel = "PEM",
      description = "certificate chain (PEM); with --tls-key turns on TLS for Thrift and HTTP")
  String tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "private key (PEM) of --tls-cert")
  String tlsKey;

  @Option(names = {"-D", "--set"},
      description = "any setting as key=value, e.g. -D limit.max-points=5000")
  Map<String, String> extra = new LinkedHashMap<>();

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = ConfigLoader.load(config, System.getenv(), flags());
    PlotServer server = PlotServer.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "plot-shutdown"));
    stopped.await();
    return 0;
  }

  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>(extra);
    put(flags, SettingsCatalog.STORE, store);
    put(flags, SettingsCatalog.DATA_DIR, dataDir);
    put(flags, ThriftConfig.PORT, thriftPort);
    put(flags, HttpConfig.PORT, httpPort);
    put(flags, ThriftConfig.HOST, host);
    put(flags, HttpConfig.HOST, host);
    put(flags, "mysql.url", mysqlUrl);
    put(flags, "mysql.user", mysqlUser);
    put(flags, "mysql.password", mysqlPassword);
    put(flags, "mysql.pool-size", mysqlPoolSize);
    put(flags, "mysql.table-pattern", mysqlTablePattern);
    if (tlsCert != null || tlsKey != null) {
      put(flags, TlsConfig.CERT_FILE, tlsCert);
      put(flags, TlsConfig.KEY_FILE, tlsKey);
      put(flags, ThriftLimits.TLS, true);
      put(flags, HttpLimits.TLS, true);
    }
    return flags;
  }

  private static void put(Map<String, String> flags, String key, Object value) {
    if (value != null) {
      flags.put(key, value.toString());
    }
  }
}
