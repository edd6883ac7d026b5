package dev.plot.http.guard;

import dev.plot.core.access.Access;
import dev.plot.core.access.AccessConfig;
import dev.plot.core.access.Tokens;
import dev.plot.core.access.WriteRateLimiter;
import dev.plot.core.tls.TlsConfig;
import dev.plot.core.tls.TlsContexts;
import dev.plot.http.HttpConfig;
import java.security.KeyStore;
import java.time.Clock;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Everything that guards the HTTP front end, put together for {@link dev.plot.http.HttpServer}:
 * the connector (HTTPS when {@value HttpLimits#TLS} is set, idle timeout, connection limit),
 * the handler chain in front of the routes, and the JSON error handler.
 *
 * <p>Handler order, outermost first: security headers (so every answer has them), body limit
 * (before anything reads a body), access (before any route acts), then the routes.
 */
public final class HttpGuard {

  private final HttpLimits limits;
  private final Access access;
  private final TlsConfig tls;

  /**
   * @param tls the server's identity; used only when {@link HttpLimits#tls()} is set
   */
  public HttpGuard(HttpLimits limits, Access access, TlsConfig tls) {
    if (limits.tls() && !tls.configured()) {
      throw new IllegalArgumentException("setting " + HttpLimits.TLS + "=true needs a TLS"
          + " identity (" + TlsConfig.CERT_FILE + " and " + TlsConfig.KEY_FILE + ", or "
          + TlsConfig.KEYSTORE_FILE + ")");
    }
    this.limits = limits;
    this.access = access;
    this.tls = tls;
  }

  /** Plain HTTP, default limits, only the allow-list's defaults: as before guarding existed. */
  public static HttpGuard open(dev.plot.core.PlotService service) {
    Access access = new Access(AccessConfig.defaults(),
        new Tokens(service.store(), Clock.systemUTC(), 5_000),
        new WriteRateLimiter(0, Clock.systemUTC()));
    return new HttpGuard(HttpLimits.defaults(), access, new TlsConfig("", "", "", ""));
  }

  public HttpLimits limits() {
    return limits;
  }

  public Access access() {
    return access;
  }

  /** The handler chain in front of {@code routes}. */
  public Handler wrap(Handler routes, HttpConfig config) {
    return new SecurityHeadersHandler(
        new BodyLimitHandler(config.maxBodyBytes(), new AccessHandler(access, routes)));
  }

  /** The connector, configured and added to the server, with the error handler installed. */
  public ServerConnector connector(Server server, HttpConfig config) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector;
    if (limits.tls()) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // Clients check the certificate's name; the server answers whatever name reached it.
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      connector = new ServerConnector(server, new SslConnectionFactory(sslContextFactory(),
          "http/1.1"), new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(limits.idleTimeoutMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
    server.setErrorHandler(new JsonErrorHandler());
    return connector;
  }

  private SslContextFactory.Server sslContextFactory() {
    KeyStore keys = TlsContexts.keyStore(tls);
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setKeyStore(keys);
    factory.setKeyStorePassword(TlsContexts.keyPassword(tls));
    factory.setKeyManagerPassword(TlsContexts.keyPassword(tls));
    return factory;
  }
}
