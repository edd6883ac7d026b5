package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plot.api.Sample;
import dev.plot.core.access.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each HTTP route requires of a caller's token, per cid, through a real server and a real
 * HTTP client. Loopback is off the allow-list and {@code access.read-open} is false here, so
 * every right comes from a token; tokens limited to cid 3 are refused on cid 4, and a refused
 * write saves nothing. Each test uses its own rids. One server serves the class: on MySQL a
 * second one would empty the shared database, tokens included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HttpAccessTest {

  private static final long T0 = 1764806400L;

  @TempDir
  static Path dataDir;

  private TestServer plot;
  private String admin;
  private String writer3;
  private String reader3;
  private String readWriter3;
  private String admin3;

  @BeforeAll
  void start() {
    plot = TestServer.start(dataDir, Map.of("access.write-allow", "10.0.0.0/8",
        "access.read-open", "false"));
    admin = token("admin", EnumSet.of(Scope.ADMIN), Set.of());
    writer3 = token("writer3", EnumSet.of(Scope.WRITE), Set.of(3L));
    reader3 = token("reader3", EnumSet.of(Scope.READ), Set.of(3L));
    readWriter3 = token("read-writer3", EnumSet.of(Scope.READ, Scope.WRITE), Set.of(3L));
    admin3 = token("admin3", EnumSet.of(Scope.ADMIN), Set.of(3L));
  }

  @AfterAll
  void stop() {
    plot.close();
  }

  // ---- POST /api/v1/points

  @Test
  void points_tokenForCid3WritesCid3() throws Exception {
    HttpResponse<String> json = send("POST", "/api/v1/points", writer3,
        "[{\"cid\":3,\"rid\":10,\"value\":5,\"time\":" + T0 + "}]");
    HttpResponse<String> text = send("POST", "/api/v1/points", writer3,
        "3 10 6 " + (T0 + 60) + "\n");

    assertEquals(200, json.statusCode(), json.body());
    assertEquals("{\"saved\":1}", json.body());
    assertEquals("{\"saved\":1}", text.body());
    assertEquals(List.of(6L, 5L), stored(3, 10));
  }

  @Test
  void points_jsonBatchWithUncoveredCidIsRefusedNamingTheIndexAndSavesNothing()
      throws Exception {
    HttpResponse<String> reply = send("POST", "/api/v1/points", writer3,
        "[{\"cid\":3,\"rid\":11,\"value\":5},{\"cid\":4,\"rid\":11,\"value\":6}]");

    assertEquals(403, reply.statusCode());
    assertEquals("{\"error\":\"sample 1: token writer3 from 127.0.0.1 does not cover cid 4\","
        + "\"field\":\"cid\",\"index\":1}", reply.body());
    assertEquals(List.of(), stored(3, 11));
    assertEquals(List.of(), stored(4, 11));
  }

  @Test
  void points_textBodyWithUncoveredCidIsRefusedNamingTheLineAndSavesNothing()
      throws Exception {
    HttpResponse<String> reply = send("POST", "/api/v1/points", writer3,
        "3 12 5\n\n4 12 6\n3 12 7\n");

    assertEquals(403, reply.statusCode());
    assertEquals("{\"error\":\"line 3: token writer3 from 127.0.0.1 does not cover cid 4\","
        + "\"field\":\"cid\",\"line\":3}", reply.body());
    assertEquals(List.of(), stored(3, 12));
    assertEquals(List.of(), stored(4, 12));
  }

  @Test
  void points_readTokenIsRefusedAndSavesNothing() throws Exception {
    HttpResponse<String> reply = send("POST", "/api/v1/points", reader3, "3 13 5\n");

    assertEquals(403, reply.statusCode());
    assertEquals("{\"error\":\"token reader3 from 127.0.0.1 does not have scope write\","
        + "\"field\":\"token\"}", reply.body());
    assertEquals(List.of(), stored(3, 13));
  }

  // ---- series reads

  @Test
  void series_readTokenReadsItsCidInEveryForm() throws Exception {
    save(3, 20, 5);
    save(3, 21, 7);
    assertEquals(200, send("PUT", "/api/v1/groups/web20", admin, "{\"rids\":[20,21]}")
        .statusCode());
    String range = "?from=" + T0 + "&to=" + (T0 + 60) + "&step=60";

    assertEquals("{\"cid\":3,\"rid\":20,\"points\":[[" + T0 + ",5]]}",
        send("GET", "/api/v1/series/3/20", reader3, null).body());
    assertEquals("{\"cid\":3,\"rids\":[20,21],\"points\":[[" + T0 + ",12]]}",
        send("GET", "/api/v1/series/3/20,21" + range + "&combine=sum", reader3, null).body());
    assertEquals("{\"cid\":3,\"group\":\"web20\",\"rids\":[20,21],\"points\":[[" + T0
        + ",7]]}",
        send("GET", "/api/v1/series/3/group:web20" + range + "&combine=max", reader3, null)
            .body());
  }

  @Test
  void series_uncoveredCidIsRefusedForOneRidSeveralRidsAndGroups() throws Exception {
    String refusal = "{\"error\":\"token reader3 from 127.0.0.1 does not cover cid 4\","
        + "\"field\":\"cid\"}";
    String range = "?from=" + T0 + "&to=" + (T0 + 60);

    HttpResponse<String> one = send("GET", "/api/v1/series/4/22", reader3, null);
    HttpResponse<String> several = send("GET", "/api/v1/series/4/22,23" + range, reader3, null);
    HttpResponse<String> group = send("GET", "/api/v1/series/4/group:nosuch" + range, reader3,
        null);

    assertEquals(403, one.statusCode());
    assertEquals(refusal, one.body());
    assertEquals(403, several.statusCode());
    assertEquals(refusal, several.body());
    assertEquals(403, group.statusCode());
    assertEquals(refusal, group.body());
  }

  // ---- categories and groups

  @Test
  void categories_defineNeedsAdminCoveringTheCid() throws Exception {
    String category = "{\"cid\":4,\"name\":\"four\"}";

    HttpResponse<String> writer = send("POST", "/api/v1/categories", readWriter3, category);
    HttpResponse<String> otherCid = send("POST", "/api/v1/categories", admin3, category);
    HttpResponse<String> allowed = send("POST", "/api/v1/categories", admin, category);

    assertEquals(403, writer.statusCode());
    assertEquals("{\"error\":\"token read-writer3 from 127.0.0.1 does not have scope admin\","
        + "\"field\":\"token\"}", writer.body());
    assertEquals(403, otherCid.statusCode());
    assertEquals("{\"error\":\"token admin3 from 127.0.0.1 does not cover cid 4\","
        + "\"field\":\"cid\"}", otherCid.body());
    assertEquals(201, allowed.statusCode());
  }

  @Test
  void categories_readOneNeedsReadCoveringTheCid() throws Exception {
    send("POST", "/api/v1/categories", admin, "{\"cid\":3,\"name\":\"three\"}");

    HttpResponse<String> covered = send("GET", "/api/v1/categories/3", reader3, null);
    HttpResponse<String> other = send("GET", "/api/v1/categories/4", reader3, null);

    assertEquals(200, covered.statusCode(), covered.body());
    assertEquals("three", ChartAssertions.json(covered.body()).get("name").textValue());
    assertEquals(403, other.statusCode());
    assertEquals("cid", ChartAssertions.json(other.body()).get("field").textValue());
  }

  @Test
  void groups_defineAndDeleteNeedAdminOnEveryCid() throws Exception {
    String rids = "{\"rids\":[30,31]}";

    HttpResponse<String> writer = send("PUT", "/api/v1/groups/g30", readWriter3, rids);
    HttpResponse<String> limitedAdmin = send("PUT", "/api/v1/groups/g30", admin3, rids);
    HttpResponse<String> defined = send("PUT", "/api/v1/groups/g30", admin, rids);
    HttpResponse<String> read = send("GET", "/api/v1/groups/g30", reader3, null);
    HttpResponse<String> deleteRefused = send("DELETE", "/api/v1/groups/g30", admin3, null);
    HttpResponse<String> deleted = send("DELETE", "/api/v1/groups/g30", admin, null);

    assertEquals(403, writer.statusCode());
    assertEquals("{\"error\":\"token read-writer3 from 127.0.0.1 does not have scope admin\","
        + "\"field\":\"token\"}", writer.body());
    assertEquals(403, limitedAdmin.statusCode());
    assertEquals("{\"error\":\"token admin3 from 127.0.0.1 covers only cids [3]; this acts"
        + " on every cid\",\"field\":\"cid\"}", limitedAdmin.body());
    assertEquals(200, defined.statusCode());
    assertEquals("{\"name\":\"g30\",\"rids\":[30,31]}", read.body());
    assertEquals(403, deleteRefused.statusCode());
    assertEquals("{\"deleted\":\"g30\"}", deleted.body());
  }

  // ---- chart links

  @Test
  void charts_createNeedsReadOnEveryCidOfTheSpec() throws Exception {
    String spec = "{\"series\":[{\"cid\":3,\"rid\":40},{\"cid\":4,\"rid\":40}]}";

    HttpResponse<String> refused = send("POST", "/api/v1/charts", readWriter3, spec);
    HttpResponse<String> writeOnly = send("POST", "/api/v1/charts", writer3,
        "{\"series\":[{\"cid\":3,\"rid\":40}]}");
    HttpResponse<String> allowed = send("POST", "/api/v1/charts", readWriter3,
        "{\"series\":[{\"cid\":3,\"rid\":40}]}");

    assertEquals(403, refused.statusCode());
    assertEquals("{\"error\":\"token read-writer3 from 127.0.0.1 does not cover cid 4\","
        + "\"field\":\"cid\"}", refused.body());
    assertEquals(403, writeOnly.statusCode());
    assertEquals("{\"error\":\"token writer3 from 127.0.0.1 does not have scope read\","
        + "\"field\":\"token\"}", writeOnly.body());
    assertEquals(201, allowed.statusCode(), allowed.body());
  }

  @Test
  void chartLink_privateNeedsReadTokenCoveringItsCids() throws Exception {
    save(3, 41, 9);
    String code = create("{\"title\":\"private\",\"series\":[{\"cid\":3,\"rid\":41}],"
        + "\"limit\":5,\"private\":true}");
    String reader4 = token("reader4", EnumSet.of(Scope.READ), Set.of(4L));

    HttpResponse<String> anonymous = send("GET", "/c/" + code + ".json", null, null);
    HttpResponse<String> covered = send("GET", "/c/" + code + ".json", reader3, null);
    HttpResponse<String> otherCids = send("GET", "/c/" + code + ".json", reader4, null);
    HttpResponse<String> page = send("GET", "/c/" + code, null, null);

    assertEquals(401, anonymous.statusCode());
    assertEquals("{\"error\":\"this chart is private: send a token with scope read"
        + " (Authorization: Bearer ...)\",\"field\":\"token\"}", anonymous.body());
    assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElseThrow());
    assertEquals(200, covered.statusCode());
    assertEquals("{\"title\":\"private\",\"unit\":\"\",\"series\":[{\"cid\":3,\"rid\":41,"
        + "\"label\":\"3:41\",\"points\":[[" + T0 + ",9]]}]}", covered.body());
    assertEquals("private, max-age=60", covered.headers().firstValue("Cache-Control")
        .orElseThrow());
    assertEquals(403, otherCids.statusCode());
    assertEquals("{\"error\":\"token reader4 from 127.0.0.1 does not cover cid 3\","
        + "\"field\":\"cid\"}", otherCids.body());
    assertEquals(401, page.statusCode());
  }

  @Test
  void chartLink_publicIsReadableWithoutTokenWhileReadsAreClosed() throws Exception {
    save(3, 42, 9);
    String code = create("{\"series\":[{\"cid\":3,\"rid\":42}],\"limit\":5}");

    HttpResponse<String> link = send("GET", "/c/" + code + ".json", null, null);
    HttpResponse<String> series = send("GET", "/api/v1/series/3/42", null, null);
    HttpResponse<String> quick = send("GET", "/chart.json?s=3:42", null, null);

    assertEquals(200, link.statusCode(), link.body());
    assertEquals("{\"title\":\"\",\"unit\":\"\",\"series\":[{\"cid\":3,\"rid\":42,"
        + "\"label\":\"3:42\",\"points\":[[" + T0 + ",9]]}]}", link.body());
    assertEquals(401, series.statusCode());
    assertEquals("token", ChartAssertions.json(series.body()).get("field").textValue());
    assertEquals(401, quick.statusCode());
    assertEquals("token", ChartAssertions.json(quick.body()).get("field").textValue());
  }

  @Test
  void quickChart_uncoveredCidIsRefused() throws Exception {
    save(3, 43, 9);

    HttpResponse<String> covered = send("GET", "/chart.json?s=3:43&limit=5", reader3, null);
    HttpResponse<String> mixed = send("GET", "/chart.png?s=3:43&s=4:43", reader3, null);

    assertEquals(200, covered.statusCode());
    assertEquals("{\"title\":\"\",\"unit\":\"\",\"series\":[{\"cid\":3,\"rid\":43,"
        + "\"label\":\"3:43\",\"points\":[[" + T0 + ",9]]}]}", covered.body());
    assertEquals(403, mixed.statusCode());
    assertEquals("{\"error\":\"token reader3 from 127.0.0.1 does not cover cid 4\","
        + "\"field\":\"cid\"}", mixed.body());
  }

  @Test
  void charts_moreSeriesThanTheSettingIsRefusedNamingIt() throws Exception {
    StringBuilder series = new StringBuilder();
    for (int rid = 1; rid <= 21; rid++) {
      series.append(rid == 1 ? "" : ",").append("{\"cid\":3,\"rid\":").append(rid).append('}');
    }

    HttpResponse<String> reply = send("POST", "/api/v1/charts", admin,
        "{\"series\":[" + series + "]}");

    assertEquals(400, reply.statusCode());
    assertEquals("{\"error\":\"a chart shows at most chart.max-series=20 series, not 21\","
        + "\"field\":\"series\"}", reply.body());
  }

  // ---- helpers

  private String token(String name, Set<Scope> scopes, Set<Long> cids) {
    return plot.server().access().tokens().create(name, scopes, cids).secret();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request = plot.request(path).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return plot.send(request.build());
  }

  private void save(long cid, long rid, long value) {
    plot.server().service().save(List.of(new Sample(cid, rid, T0, value)));
  }

  private List<Long> stored(long cid, long rid) {
    return plot.server().service().newest(cid, rid, 100).stream().map(p -> p.value()).toList();
  }

  private String create(String spec) throws Exception {
    HttpResponse<String> reply = send("POST", "/api/v1/charts", admin, spec);
    assertEquals(201, reply.statusCode(), reply.body());
    return ChartAssertions.json(reply.body()).get("code").textValue();
  }
}
