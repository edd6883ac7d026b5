package dev.plot.http.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.CoreConfig;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import dev.plot.core.access.Access;
import dev.plot.core.access.AccessConfig;
import dev.plot.core.access.Tokens;
import dev.plot.core.access.WriteRateLimiter;
import dev.plot.core.tls.TlsConfig;
import dev.plot.http.HttpConfig;
import dev.plot.http.HttpServer;
import dev.plot.store.h2.H2Store;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard handlers in a real Jetty, spoken to over a raw socket. */
final class HttpGuardTest {

  @TempDir
  Path dataDir;

  private H2Store store;
  private PlotService service;
  private HttpServer server;

  @BeforeEach
  void start() {
    store = new H2Store(dataDir, false, 2);
    service = new PlotService(store, CoreConfig.defaults(), Clock.systemUTC());
    Settings settings = Settings.of(HttpConfig.PORT, "0", HttpConfig.MAX_BODY, "1000",
        AccessConfig.WRITE_ALLOW, "10.0.0.0/8");
    AccessConfig config = AccessConfig.from(settings);
    Access access = new Access(config, new Tokens(store, Clock.systemUTC(), 1_000),
        new WriteRateLimiter(0, Clock.systemUTC()));
    server = new HttpServer(HttpConfig.from(settings), service,
        new HttpGuard(HttpLimits.from(settings), access, TlsConfig.from(settings)));
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    service.close();
    store.close();
  }

  @Test
  void headers_nosniffAndPolicyOnEveryAnswer() throws Exception {
    String health = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    String missing = exchange("GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    for (String answer : new String[] {health, missing}) {
      assertTrue(answer.contains("X-Content-Type-Options: nosniff"), answer);
      assertTrue(answer.contains("Content-Security-Policy: default-src 'self'; script-src"
          + " 'self';"), answer);
    }
  }

  @Test
  void bodyLimit_declaredLengthRefusedNamingTheSetting() throws Exception {
    String answer = exchange("POST /api/v1/points HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        + "Content-Length: 5000\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("\"field\":\"http.max-body-bytes\""), answer);
  }

  @Test
  void errors_badRequestIsJsonWithoutStackTrace() throws Exception {
    String answer = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");

    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.contains("application/json"), answer);
    assertTrue(answer.contains("\"status\":400"), answer);
    assertFalse(answer.contains("\tat ") || answer.contains("Exception"), answer);
  }

  @Test
  void access_writeOutsideAllowListNeedsBearerToken() throws Exception {
    String anonymous = exchange("POST /api/v1/points HTTP/1.1\r\nHost: x\r\n"
        + "Connection: close\r\nContent-Length: 6\r\n\r\n1 2 3\n");
    String basic = exchange("POST /api/v1/points HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Basic eDp5\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

    assertTrue(anonymous.startsWith("HTTP/1.1 401"), anonymous);
    assertTrue(anonymous.contains("WWW-Authenticate: Bearer"), anonymous);
    assertTrue(anonymous.contains("access.write-allow"), anonymous);
    assertTrue(basic.startsWith("HTTP/1.1 401"), basic);
  }

  @Test
  void access_readsStayOpenByDefault() throws Exception {
    String answer = exchange("GET /api/v1/series/1/1 HTTP/1.1\r\nHost: x\r\n"
        + "Connection: close\r\n\r\n");

    assertFalse(answer.startsWith("HTTP/1.1 401"), answer);
  }

  private String exchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
