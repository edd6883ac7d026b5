package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.Settings;
import dev.plot.core.access.Scope;
import dev.plot.core.access.Tokens;
import dev.plot.thrift.gen.PlotError;
import dev.plot.thrift.gen.Sample;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The allow-list and token scopes over real sockets: what is allowed, what is refused (and
 * that a refused call writes nothing), revocation, and a token limited to other cids.
 */
final class AccessControlTest {

  @TempDir
  Path dataDir;

  private PlotServer server;

  private PlotServer start(String... extra) {
    Settings base = Settings.of("data.dir", dataDir.toString(), "thrift.port", "0",
        "http.port", "0");
    server = PlotServer.start(base.with(Settings.of(extra).asMap()));
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private PlotClient connect(String token) throws TException {
    return PlotClient.connect("127.0.0.1:" + server.thriftPort(), false, 10_000, null, token);
  }

  private String token(String name, Set<Scope> scopes, Set<Long> cids) {
    Tokens tokens = server.access().tokens();
    return tokens.create(name, scopes, cids).secret();
  }

  private List<Long> stored(long cid, long rid) {
    return server.service().newest(cid, rid, 100).stream().map(p -> p.value()).toList();
  }

  // allow-list

  @Test
  void plot_loopbackOnDefaultAllowListWritesWithoutToken() throws Exception {
    start();
    try (PlotClient client = connect(null)) {
      client.api().plot(1, 3, 42);
    }

    assertEquals(List.of(42L), stored(1, 3));
  }

  @Test
  void plot_addressOutsideAllowListIsRefusedAndWritesNothing() throws Exception {
    start("access.write-allow", "10.0.0.0/8,fd00::/8");
    try (PlotClient client = connect(null)) {
      TApplicationException refused =
          assertThrows(TApplicationException.class, () -> client.api().plot(1, 3, 42));
      assertTrue(refused.getMessage().contains("access.write-allow"), refused.getMessage());

      PlotError error = assertThrows(PlotError.class,
          () -> client.api().save(List.of(sample(1, 3, 43))));
      assertEquals(401, error.getCode());
      assertEquals("token", error.getField());
    }

    assertEquals(List.of(), stored(1, 3));
  }

  @Test
  void plot_readsStayOpenOutsideAllowList() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    server.service().save(List.of(dev.plot.api.Sample.untimed(1, 3, 9)));
    try (PlotClient client = connect(null)) {
      assertEquals(List.of(9L), client.api().plot_point(1, 3, 5));
    }
  }

  // tokens over Thrift

  @Test
  void save_writeTokenOutsideAllowListIsAllowed() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    String secret = token("agent-1", EnumSet.of(Scope.WRITE), Set.of());
    try (PlotClient client = connect(secret)) {
      assertEquals(2, client.api().save(List.of(sample(1, 3, 5), sample(2, 3, 6))));
      client.api().plot(1, 3, 7);
    }

    assertEquals(List.of(7L, 5L), stored(1, 3));
  }

  @Test
  void save_readTokenIsRefusedAndWritesNothing() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    String secret = token("viewer", EnumSet.of(Scope.READ), Set.of());
    try (PlotClient client = connect(secret)) {
      PlotError error = assertThrows(PlotError.class,
          () -> client.api().save(List.of(sample(1, 3, 5))));

      assertEquals(403, error.getCode());
      assertEquals("token", error.getField());
    }
    assertEquals(List.of(), stored(1, 3));
  }

  @Test
  void save_tokenForOtherCidIsRefusedWithIndexAndWritesNothing() throws Exception {
    start();
    String secret = token("cid-one", EnumSet.of(Scope.WRITE), Set.of(1L));
    try (PlotClient client = connect(secret)) {
      PlotError error = assertThrows(PlotError.class,
          () -> client.api().save(List.of(sample(1, 3, 5), sample(2, 3, 6))));

      assertEquals(403, error.getCode());
      assertEquals("cid", error.getField());
      assertEquals(1, error.getIndex());
    }
    assertEquals(List.of(), stored(1, 3));
    assertEquals(List.of(), stored(2, 3));
  }

  @Test
  void save_tokenOverridesAllowList() throws Exception {
    start();
    String secret = token("cid-one-only", EnumSet.of(Scope.WRITE), Set.of(1L));
    try (PlotClient client = connect(secret)) {
      assertThrows(TApplicationException.class, () -> client.api().plot(2, 3, 6));
    }
    assertEquals(List.of(), stored(2, 3));
  }

  @Test
  void save_revokedTokenIsRefusedOnOpenAndNewConnections() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    String secret = token("leaked", EnumSet.of(Scope.WRITE), Set.of());
    try (PlotClient client = connect(secret)) {
      client.api().save(List.of(sample(1, 3, 5)));

      server.access().tokens().revoke("leaked");

      PlotError error = assertThrows(PlotError.class,
          () -> client.api().save(List.of(sample(1, 3, 6))));
      assertEquals(401, error.getCode());
    }
    PlotError error = assertThrows(PlotError.class, () -> connect(secret).close());
    assertEquals(401, error.getCode());
    assertEquals(List.of(5L), stored(1, 3));
  }

  @Test
  void authenticate_unknownTokenIsRefused() throws Exception {
    start();
    token("real", EnumSet.of(Scope.WRITE), Set.of());

    PlotError error = assertThrows(PlotError.class,
        () -> connect("plot_real_notTheSecret").close());

    assertEquals(401, error.getCode());
    assertEquals("token", error.getField());
  }

  @Test
  void defineCategory_needsAdminScope() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    String writer = token("writer", EnumSet.of(Scope.WRITE), Set.of());
    String admin = token("admin", EnumSet.of(Scope.ADMIN), Set.of());
    dev.plot.thrift.gen.CategoryInfo category = new dev.plot.thrift.gen.CategoryInfo(5, "five");
    try (PlotClient client = connect(writer)) {
      assertEquals(403, assertThrows(PlotError.class,
          () -> client.api().define_category(category)).getCode());
    }
    try (PlotClient client = connect(admin)) {
      client.api().define_category(category);
      assertEquals("five", client.api().get_category(5).getName());
    }
  }

  @Test
  void defineCategory_rollupIntoUncoveredCidIsRefused() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    String admin = token("admin-one", EnumSet.of(Scope.ADMIN), Set.of(1L));
    dev.plot.thrift.gen.CategoryInfo category = new dev.plot.thrift.gen.CategoryInfo(1, "one");
    category.setRollupCid(2);
    try (PlotClient client = connect(admin)) {
      PlotError error = assertThrows(PlotError.class,
          () -> client.api().define_category(category));

      assertEquals(403, error.getCode());
      assertEquals("cid", error.getField());
      assertEquals("token admin-one from 127.0.0.1 does not cover cid 2", error.getMessage());
    }
  }

  @Test
  void createChart_needsReadOnEveryCidOfTheSpec() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    String secret = token("charts-one", EnumSet.of(Scope.READ, Scope.WRITE), Set.of(1L));
    try (PlotClient client = connect(secret)) {
      PlotError error = assertThrows(PlotError.class, () -> client.api().create_chart(
          "{\"series\":[{\"cid\":1,\"rid\":3},{\"cid\":2,\"rid\":3}]}"));

      assertEquals(403, error.getCode());
      assertEquals("cid", error.getField());
      assertEquals(10, client.api().create_chart("{\"series\":[{\"cid\":1,\"rid\":3}]}")
          .length());
    }
  }

  // tokens over HTTP

  @Test
  void http_bearerTokens() throws Exception {
    start("access.write-allow", "10.0.0.0/8");
    String writer = token("web", EnumSet.of(Scope.WRITE), Set.of());
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> anonymous = post(http, null);
    HttpResponse<String> wrong = post(http, "plot_web_wrong");
    HttpResponse<String> allowed = post(http, writer);
    server.access().tokens().revoke("web");
    HttpResponse<String> revoked = post(http, writer);

    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.body().contains("\"field\":\"token\""), anonymous.body());
    assertEquals(401, wrong.statusCode());
    assertNotEquals(401, allowed.statusCode());
    assertNotEquals(403, allowed.statusCode());
    assertEquals(401, revoked.statusCode());
  }

  private HttpResponse<String> post(HttpClient http, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/v1/points"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("1 3 5\n"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Sample sample(long cid, long rid, long value) {
    return new Sample(cid, rid, value);
  }
}
