package dev.plot.server;

import static dev.plot.server.ChartAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every HTTP route of a whole server, through a real HTTP client. One server serves the class;
 * each test writes its own cids, so tests do not see each other's points.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HttpApiTest {

  private static final long T0 = 1764806400L;

  @TempDir
  static Path dataDir;

  private TestServer plot;

  @BeforeAll
  void start() {
    plot = TestServer.start(dataDir, Map.of("chart.max-width", "1000",
        "chart.max-height", "600"));
  }

  @AfterAll
  void stop() {
    plot.close();
  }

  // ---- points and series

  @Test
  void points_textBodySavesEveryLine() throws Exception {
    HttpResponse<String> reply = plot.post("/api/v1/points", "text/plain",
        "3 95 11 " + T0 + "\n\n3 95 12 " + (T0 + 60) + "\r\n3 95 13 " + (T0 + 120) + "\n");

    assertEquals(200, reply.statusCode());
    assertEquals("{\"saved\":3}", reply.body());
    assertEquals("{\"cid\":3,\"rid\":95,\"points\":[[" + (T0 + 120) + ",13],[" + (T0 + 60)
        + ",12]]}", plot.get("/api/v1/series/3/95?limit=2").body());
  }

  @Test
  void points_badSampleRefusesTheWholeBatchNamingItsIndexOrLine() throws Exception {
    HttpResponse<String> json = plot.postJson("/api/v1/points",
        "[{\"cid\":4,\"rid\":1,\"value\":1},{\"cid\":4,\"rid\":0,\"value\":2}]");
    HttpResponse<String> text = plot.post("/api/v1/points", "text/plain", "4 1 1\n4 1 x\n");

    assertEquals(400, json.statusCode());
    JsonNode jsonError = json(json.body());
    assertEquals("rid", jsonError.get("field").textValue());
    assertEquals(1, jsonError.get("index").intValue());
    assertEquals(400, text.statusCode());
    JsonNode textError = json(text.body());
    assertEquals("value", textError.get("field").textValue());
    assertEquals(2, textError.get("line").intValue());
    assertEquals("{\"cid\":4,\"rid\":1,\"points\":[]}",
        plot.get("/api/v1/series/4/1?limit=5").body());
  }

  @Test
  void points_textLinesTakeSignsTabsAndEveryLongAndRefuseWhatIsNotOne() throws Exception {
    HttpResponse<String> saved = plot.post("/api/v1/points", "text/plain",
        "6\t1   -9223372036854775808 " + T0 + "\n6 1 +9223372036854775807 " + (T0 + 60) + "\n");
    HttpResponse<String> tooBig = plot.post("/api/v1/points", "text/plain",
        "6 1 9223372036854775808\n");
    HttpResponse<String> fiveFields = plot.post("/api/v1/points", "text/plain", "6 1 2 3 4\n");
    HttpResponse<String> sign = plot.post("/api/v1/points", "text/plain", "6 1 -\n");

    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals("{\"cid\":6,\"rid\":1,\"points\":[[" + (T0 + 60) + ",9223372036854775807],["
        + T0 + ",-9223372036854775808]]}", plot.get("/api/v1/series/6/1?limit=5").body());
    assertEquals(400, tooBig.statusCode());
    assertTrue(tooBig.body().contains("value must be from -2^63 to 2^63-1"), tooBig.body());
    assertEquals(400, fiveFields.statusCode());
    assertEquals("line", json(fiveFields.body()).get("field").textValue());
    assertEquals(400, sign.statusCode());
    assertEquals("value", json(sign.body()).get("field").textValue());
  }

  @Test
  void points_malformedJsonIsA400WithoutStackTrace() throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/points", "[{\"cid\":4,");

    assertEquals(400, reply.statusCode());
    assertEquals("body", json(reply.body()).get("field").textValue());
    assertFalse(reply.body().contains("at com.") || reply.body().contains("Exception"));
  }

  @Test
  void series_baseDividesEveryValue() throws Exception {
    plot.postJson("/api/v1/points", "[{\"cid\":3,\"rid\":95,\"value\":1441792,\"time\":" + T0
        + "},{\"cid\":3,\"rid\":95,\"value\":16,\"time\":" + (T0 + 60) + "}]");

    assertEquals("{\"cid\":3,\"rid\":95,\"points\":[[" + (T0 + 60) + ",0.0001220703125],["
        + T0 + ",11.0]]}", plot.get("/api/v1/series/3/95?limit=5&base=131072").body());
  }

  @Test
  void series_rangeOverAGroupCombinesRidsWithNullForEmptyBuckets() throws Exception {
    plot.postJson("/api/v1/points", "[{\"cid\":5,\"rid\":1,\"value\":10,\"time\":" + T0
        + "},{\"cid\":5,\"rid\":2,\"value\":5,\"time\":" + T0 + "},{\"cid\":5,\"rid\":2,"
        + "\"value\":7,\"time\":" + (T0 + 120) + "}]");
    assertEquals(200, plot.put("/api/v1/groups/web", "{\"rids\":[1,2]}").statusCode());

    assertEquals("{\"cid\":5,\"group\":\"web\",\"rids\":[1,2],\"points\":[[" + (T0 + 120)
        + ",7],[" + (T0 + 60) + ",null],[" + T0 + ",15]]}", plot.get("/api/v1/series/5/group:web"
        + "?from=" + T0 + "&to=" + (T0 + 180) + "&step=60&agg=sum&combine=sum").body());
    assertEquals("{\"cid\":5,\"rids\":[1,2],\"points\":[[" + (T0 + 120) + ",7],[" + (T0 + 60)
        + ",null],[" + T0 + ",10]]}", plot.get("/api/v1/series/5/1,2?from=" + T0 + "&to="
        + (T0 + 180) + "&step=60&agg=max&combine=max").body());
  }

  @ParameterizedTest
  @CsvSource({
      "/api/v1/series/0/1, cid",
      "/api/v1/series/x/1, cid",
      "/api/v1/series/1/1?base=0, base",
      "/api/v1/series/1/1?base=NaN, base",
      "/api/v1/series/1/1?from=10, to",
      "/api/v1/series/1/1?from=10&to=20&agg=median, agg",
      "/api/v1/series/1/1?from=10&to=20&combine=last, combine",
      "/api/v1/series/1/1?from=10&to=20&rate=maybe, rate"})
  void series_badParameterIs400NamingIt(String path, String field) throws Exception {
    HttpResponse<String> reply = plot.get(path);

    assertEquals(400, reply.statusCode(), reply.body());
    assertEquals(field, json(reply.body()).get("field").textValue());
  }

  // ---- groups and categories

  @Test
  void groups_defineReadListDelete() throws Exception {
    assertEquals("{\"name\":\"db\",\"rids\":[3,4]}",
        plot.put("/api/v1/groups/db", "{\"rids\":[3,4]}").body());
    assertEquals("{\"name\":\"db\",\"rids\":[3,4]}", plot.get("/api/v1/groups/db").body());
    assertEquals("[3,4]", json(plot.get("/api/v1/groups").body()).get("groups").get("db")
        .toString());
    assertEquals("{\"deleted\":\"db\"}", plot.delete("/api/v1/groups/db").body());
    HttpResponse<String> gone = plot.get("/api/v1/groups/db");
    assertEquals(404, gone.statusCode());
    assertEquals("group", json(gone.body()).get("field").textValue());
  }

  @Test
  void categories_defineReadAndList() throws Exception {
    HttpResponse<String> created = plot.postJson("/api/v1/categories", "{\"cid\":1,"
        + "\"name\":\"VPS bandwidth in, per minute\",\"unit\":\"Mbit/s\",\"base\":131072,"
        + "\"step\":60,\"kind\":\"counter\",\"wrap\":4294967296}");
    String one = "{\"cid\":1,\"name\":\"VPS bandwidth in, per minute\",\"unit\":\"Mbit/s\","
        + "\"base\":131072,\"step\":60,\"kind\":\"counter\",\"wrap\":4294967296,"
        + "\"zone\":\"UTC\",\"retention\":0}";

    assertEquals(201, created.statusCode(), created.body());
    assertEquals(one, created.body());
    assertEquals(one, plot.get("/api/v1/categories/1").body());
    assertTrue(plot.get("/api/v1/categories").body().startsWith("{\"categories\":[" + one));
    HttpResponse<String> missing = plot.get("/api/v1/categories/2");
    assertEquals(404, missing.statusCode());
    assertEquals("cid", json(missing.body()).get("field").textValue());
    HttpResponse<String> bad = plot.postJson("/api/v1/categories",
        "{\"cid\":2,\"kind\":\"meter\"}");
    assertEquals(400, bad.statusCode());
    assertEquals("kind", json(bad.body()).get("field").textValue());
  }

  // ---- chart links

  @Test
  void charts_identicalSpecGetsTheSameCode() throws Exception {
    String spec = "{\"title\":\"vm 95 bandwidth\",\"series\":[{\"cid\":3,\"rid\":95,"
        + "\"label\":\"vm 95\"}],\"limit\":1440,\"base\":131072,\"unit\":\"Mbit/s\"}";
    HttpResponse<String> first = plot.postJson("/api/v1/charts", spec);
    HttpResponse<String> again = plot.postJson("/api/v1/charts", spec.replace("1440,",
        "1440, \"type\": \"line\","));

    assertEquals(201, first.statusCode(), first.body());
    String code = json(first.body()).get("code").textValue();
    assertTrue(code.matches("[0-9A-Za-z]{10}"), code);
    assertEquals(plot.url("/c/" + code), json(first.body()).get("url").textValue());
    assertEquals(200, again.statusCode());
    assertEquals(code, json(again.body()).get("code").textValue());
    String other = json(plot.postJson("/api/v1/charts", spec.replace("vm 95 bandwidth",
        "vm 95")).body()).get("code").textValue();
    assertNotEquals(code, other);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}| series",
      "{\"series\":[]}| series",
      "{\"series\":[{\"cid\":0,\"rid\":1}]}| series[0].cid",
      "{\"series\":[{\"cid\":1}]}| series[0].rid",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"limit\":0}| limit",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"range\":\"1y\"}| range",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"from\":10}| to",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"limit\":5,\"range\":\"24h\"}| limit",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"type\":\"pie\"}| type",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"width\":1001}| width",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"height\":601}| height",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"zone\":\"Mars/Olympus\"}| zone",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"base\":0}| base",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"colour\":\"red\"}| colour",
      "[1]| spec"})
  void charts_badSpecIs400NamingTheField(String spec, String field) throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/charts", spec);

    assertEquals(400, reply.statusCode(), reply.body());
    assertEquals(field, json(reply.body()).get("field").textValue());
  }

  @Test
  void chartLink_servesEveryFormWithItsContentType() throws Exception {
    savePair(7);
    String code = create("{\"title\":\"t\",\"series\":[{\"cid\":7,\"rid\":1}],\"limit\":10,"
        + "\"width\":640,\"height\":320}");

    HttpResponse<String> page = plot.get("/c/" + code);
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type")
        .orElseThrow());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow()
        .contains("script-src 'self'"));
    assertTrue(page.body().contains("<a href=\"/c/" + code + ".png\">PNG</a>"));
    assertTrue(page.body().contains("<script src=\"/static/uplot/uPlot.iife.min.js\">"));
    assertEquals("image/svg+xml; charset=utf-8", plot.get("/c/" + code + ".svg").headers()
        .firstValue("Content-Type").orElseThrow());
    assertEquals("application/json; charset=utf-8", plot.get("/c/" + code + ".json").headers()
        .firstValue("Content-Type").orElseThrow());
    HttpResponse<String> csv = plot.get("/c/" + code + ".csv");
    assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type")
        .orElseThrow());
    assertEquals("cid,rid,label,time,value\r\n7,1,7:1," + T0 + ",1\r\n7,1,7:1," + (T0 + 60)
        + ",2\r\n", csv.body());
    ChartAssertions.png(plot.getBytes("/c/" + code + ".png").body(), 640, 320);
    ChartAssertions.png(plot.getBytes("/c/" + code + ".png?width=300&height=200").body(),
        300, 200);
    ChartAssertions.svg(plot.getBytes("/c/" + code + ".svg?width=300").body());
  }

  @Test
  void chartLink_etagAnswers304AndMaxAgeIsTheStep() throws Exception {
    savePair(8);
    String code = create("{\"series\":[{\"cid\":8,\"rid\":1}],\"from\":" + T0 + ",\"to\":"
        + (T0 + 600) + ",\"step\":300}");

    HttpResponse<String> first = plot.get("/c/" + code + ".json");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals("public, max-age=300", first.headers().firstValue("Cache-Control")
        .orElseThrow());
    HttpResponse<String> again = plot.send(plot.request("/c/" + code + ".json")
        .header("If-None-Match", etag).GET().build());
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
  }

  @Test
  void chartLink_unknownCodeIs404Page() throws Exception {
    HttpResponse<String> page = plot.get("/c/AAAAAAAAAA");
    HttpResponse<String> data = plot.get("/c/AAAAAAAAAA.json");
    HttpResponse<String> odd = plot.get("/c/%3Cscript%3E.png");

    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("<h1>No such chart</h1>"));
    assertEquals(404, data.statusCode());
    assertEquals("code", json(data.body()).get("field").textValue());
    assertEquals(404, odd.statusCode());
    assertFalse(odd.body().contains("<script>"));
  }

  @Test
  void chartLink_sizeBeyondTheMaximumIs400NamingIt() throws Exception {
    String code = create("{\"series\":[{\"cid\":9,\"rid\":1}]}");

    HttpResponse<String> wide = plot.get("/c/" + code + ".png?width=1001");
    HttpResponse<String> tall = plot.get("/c/" + code + ".svg?height=601");
    assertEquals(400, wide.statusCode());
    assertEquals("width", json(wide.body()).get("field").textValue());
    assertEquals(400, tall.statusCode());
    assertEquals("height", json(tall.body()).get("field").textValue());
  }

  @Test
  void quickChart_servesEveryFormWithRepeatedSeries() throws Exception {
    savePair(10);
    savePair(11);
    String query = "?s=10:1:first&s=11:1&limit=5&title=two";

    assertEquals("{\"title\":\"two\",\"unit\":\"\",\"series\":[{\"cid\":10,\"rid\":1,\"label\":"
        + "\"first\",\"points\":[[" + T0 + ",1],[" + (T0 + 60) + ",2]]},{\"cid\":11,\"rid\":1,"
        + "\"label\":\"11:1\",\"points\":[[" + T0 + ",1],[" + (T0 + 60) + ",2]]}]}",
        plot.get("/chart.json" + query).body());
    ChartAssertions.png(plot.getBytes("/chart.png" + query).body(), 800, 400);
    assertEquals(2, ChartAssertions.texts(ChartAssertions.svg(
        plot.getBytes("/chart.svg" + query).body()), "label").size());
    assertTrue(plot.get("/chart.csv" + query).body().startsWith("cid,rid,label,time,value"));
    assertTrue(plot.get("/chart" + query).body().contains("/chart.png?s=10:1:first&amp;s="));
    HttpResponse<String> none = plot.get("/chart.png?limit=5");
    assertEquals(400, none.statusCode());
    assertEquals("s", json(none.body()).get("field").textValue());
  }

  @Test
  void chartTypes_allDraw() throws Exception {
    savePair(12);
    savePair(13);
    for (String type : List.of("line", "area", "bar", "stacked")) {
      String query = "?s=12:1&s=13:1&limit=5&type=" + type;
      ChartAssertions.png(plot.getBytes("/chart.png" + query).body(), 800, 400);
      ChartAssertions.svg(plot.getBytes("/chart.svg" + query).body());
    }
  }

  // ---- static files, unknown routes, Thrift

  @Test
  void staticFiles_serveUplotAndPlotsScript() throws Exception {
    HttpResponse<String> uplot = plot.get("/static/uplot/uPlot.iife.min.js");
    HttpResponse<String> css = plot.get("/static/uplot/uPlot.min.css");
    HttpResponse<String> own = plot.get("/static/plot-chart.js");

    assertEquals(200, uplot.statusCode());
    assertTrue(uplot.body().contains("uPlot"));
    assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type")
        .orElseThrow());
    assertTrue(own.body().contains("plot-data"));
    assertEquals(404, plot.get("/static/nothing.js").statusCode());
  }

  @Test
  void unknownRoute_is404Json() throws Exception {
    HttpResponse<String> reply = plot.get("/nothing/here");

    assertEquals(404, reply.statusCode());
    assertEquals("path", json(reply.body()).get("field").textValue());
  }

  @Test
  void createChart_overThriftGivesTheSameCodeAsHttp() throws Exception {
    String spec = "{\"series\":[{\"cid\":14,\"rid\":2}],\"range\":\"24h\",\"step\":300}";
    String code = create(spec);

    try (PlotClient client = PlotClient.connect("127.0.0.1:" + plot.server().thriftPort(),
        false, 10_000)) {
      assertEquals(code, client.api().create_chart(spec));
      dev.plot.thrift.gen.PlotError error = assertThrows(dev.plot.thrift.gen.PlotError.class,
          () -> client.api().create_chart("{\"series\":1}"));
      assertEquals("series", error.getField());
    }
  }

  private void savePair(long cid) throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/points", "[{\"cid\":" + cid
        + ",\"rid\":1,\"value\":1,\"time\":" + T0 + "},{\"cid\":" + cid + ",\"rid\":1,"
        + "\"value\":2,\"time\":" + (T0 + 60) + "}]");
    assertEquals(200, reply.statusCode(), reply.body());
  }

  private String create(String spec) throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/charts", spec);
    assertEquals(201, reply.statusCode(), reply.body());
    return json(reply.body()).get("code").textValue();
  }
}
