package dev.plot.server;

import static dev.plot.server.ChartAssertions.json;
import static dev.plot.server.ChartAssertions.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The HTTP side of CASES.md, each case a test named after what it protects, against a whole
 * server. The store is the fixture's: H2 by default, MySQL with {@code -Dplot.test.store=mysql}.
 */
final class HttpCasesTest {

  /** 2025-12-04T00:00:00Z. */
  private static final long T0 = 1764806400L;

  @TempDir
  Path dataDir;

  private TestServer plot;

  @BeforeEach
  void start() {
    plot = TestServer.start(dataDir, Map.of());
  }

  @AfterEach
  void stop() {
    plot.close();
  }

  // ---- case 3 (chart side): a counter's collection gap is an empty stretch in the chart

  @Test
  void counterGap_isAnEmptyStretchInTheChart() throws Exception {
    assertEquals(201, plot.postJson("/api/v1/categories", "{\"cid\":15,\"name\":\"c\","
        + "\"kind\":\"counter\",\"step\":60,\"maxGap\":180}").statusCode());
    save("[" + point(15, 1, 1000, T0) + "," + point(15, 1, 1100, T0 + 60) + ","
        + point(15, 1, 1200, T0 + 120) + "," + point(15, 1, 50, T0 + 900) + ","
        + point(15, 1, 150, T0 + 960) + "]", 5);

    assertEquals("{\"cid\":15,\"rid\":1,\"points\":[[" + (T0 + 960) + ",100],[" + (T0 + 120)
        + ",100],[" + (T0 + 60) + ",100]]}", plot.get("/api/v1/series/15/1?limit=10").body());
    assertEquals("{\"title\":\"\",\"unit\":\"\",\"series\":[{\"cid\":15,\"rid\":1,"
        + "\"label\":\"15:1\",\"points\":[[" + (T0 + 60) + ",100],[" + (T0 + 120) + ",100],["
        + (T0 + 180) + ",null],[" + (T0 + 960) + ",100]]}]}",
        plot.get("/chart.json?s=15:1&limit=10").body());
    Document svg = ChartAssertions.svg(plot.getBytes("/chart.svg?s=15:1&limit=10").body());
    assertEquals(1, ChartAssertions.pieces(svg, 0).size());
    assertEquals(2, ChartAssertions.pieces(svg, 0).get(0).split("[ML]").length - 1);
  }

  // ---- case 4: missing data is a gap, never a zero and never a joining line

  @Test
  void missingData_isAGapInReadsJsonSvgAndPng() throws Exception {
    save("[" + point(16, 1, 5, T0) + "," + point(16, 1, 6, T0 + 60) + ","
        + point(16, 1, 7, T0 + 120) + "," + point(16, 1, 8, T0 + 600) + ","
        + point(16, 1, 9, T0 + 660) + "]", 5);

    assertEquals("{\"cid\":16,\"rid\":1,\"points\":[[" + (T0 + 660) + ",9],[" + (T0 + 600)
        + ",8],[" + (T0 + 120) + ",7],[" + (T0 + 60) + ",6],[" + T0 + ",5]]}",
        plot.get("/api/v1/series/16/1?limit=10").body());

    String code = create("{\"series\":[{\"cid\":16,\"rid\":1}],\"from\":" + T0 + ",\"to\":"
        + (T0 + 720) + ",\"step\":60}");
    StringBuilder points = new StringBuilder();
    long[] values = {5, 6, 7, 0, 0, 0, 0, 0, 0, 0, 8, 9};
    for (int i = 0; i < 12; i++) {
      points.append(i == 0 ? "" : ",").append('[').append(T0 + 60L * i).append(',')
          .append(i >= 3 && i <= 9 ? "null" : Long.toString(values[i])).append(']');
    }
    assertEquals("{\"title\":\"\",\"unit\":\"\",\"series\":[{\"cid\":16,\"rid\":1,"
        + "\"label\":\"16:1\",\"points\":[" + points + "]}]}",
        plot.get("/c/" + code + ".json").body());

    Document svg = ChartAssertions.svg(plot.getBytes("/c/" + code + ".svg").body());
    List<String> pieces = ChartAssertions.pieces(svg, 0);
    assertEquals(2, pieces.size(), "two line pieces: " + pieces);
    assertEquals(List.of(3, 2), pieces.stream().map(d -> d.split("[ML]").length - 1).toList());

    HttpResponse<byte[]> png = plot.getBytes("/c/" + code + ".png");
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
    ChartAssertions.png(png.body(), 800, 400);
  }

  // ---- case 5: NaN, Infinity and out-of-range numbers are refused; JSON is always valid

  @Test
  void nonFiniteAndOutOfRangeValues_areRefusedAndNeverWritten() throws Exception {
    List<HttpResponse<String>> replies = new ArrayList<>();
    replies.add(plot.postJson("/api/v1/points", "[{\"cid\":17,\"rid\":1,\"value\":\"Infinity\"}]"));
    replies.add(plot.postJson("/api/v1/points", "[{\"cid\":17,\"rid\":1,\"value\":1e400}]"));
    replies.add(plot.post("/api/v1/points", "text/plain", "17 1 NaN"));
    replies.add(plot.post("/api/v1/points", "text/plain", "17 1 9223372036854775808"));

    for (int i = 0; i < replies.size(); i++) {
      HttpResponse<String> reply = replies.get(i);
      assertEquals(400, reply.statusCode(), reply.body());
      JsonNode error = json(reply.body());
      assertEquals("value", error.get("field").textValue(), reply.body());
      assertTrue(error.get("error").isTextual());
      if (i >= 2) {
        assertEquals(1, error.get("line").intValue(), reply.body());
      }
    }
    HttpResponse<String> read = plot.get("/api/v1/series/17/1?limit=10");
    assertEquals("{\"cid\":17,\"rid\":1,\"points\":[]}", read.body());
    json(read.body());
  }

  // ---- case 6: 64-bit values come back exactly, written as plain integers

  @Test
  void values64Bit_comeBackExactlyAsPlainIntegers() throws Exception {
    save("[" + point(18, 1, "9223372036854775807", T0) + ","
        + point(18, 1, "922337203685477570", T0 + 60) + ","
        + point(18, 1, "9007199254740993", T0 + 120) + "]", 3);

    assertEquals("{\"cid\":18,\"rid\":1,\"points\":[[" + (T0 + 120) + ",9007199254740993],["
        + (T0 + 60) + ",922337203685477570],[" + T0 + ",9223372036854775807]]}",
        plot.get("/api/v1/series/18/1?limit=3").body());
    assertEquals("cid,rid,label,time,value\r\n"
        + "18,1,18:1," + T0 + ",9223372036854775807\r\n"
        + "18,1,18:1," + (T0 + 60) + ",922337203685477570\r\n"
        + "18,1,18:1," + (T0 + 120) + ",9007199254740993\r\n",
        plot.get("/chart.csv?s=18:1&limit=3").body());
    String range = "/api/v1/series/18/1?from=" + T0 + "&to=" + (T0 + 180) + "&step=180&agg=";
    assertEquals("{\"cid\":18,\"rid\":1,\"points\":[[" + T0 + ",9223372036854775807]]}",
        plot.get(range + "max").body());
    assertEquals("{\"cid\":18,\"rid\":1,\"points\":[[" + T0 + ",9007199254740993]]}",
        plot.get(range + "min").body());
  }

  // ---- case 7: a huge or bad limit neither crashes the server nor exhausts memory

  @Test
  void hugeLimit_isClampedAndBadLimitIsRefused() throws Exception {
    save("[" + point(20, 1, 1, T0) + "," + point(20, 1, 2, T0 + 60) + ","
        + point(20, 1, 3, T0 + 120) + "]", 3);
    String three = "{\"cid\":20,\"rid\":1,\"points\":[[" + (T0 + 120) + ",3],[" + (T0 + 60)
        + ",2],[" + T0 + ",1]]}";

    assertEquals(three, plot.get("/api/v1/series/20/1?limit=2147483647").body());
    assertEquals(three, plot.get("/api/v1/series/20/1?limit=9223372036854775807").body());
    for (String limit : List.of("-1", "abc", "0", "1.5")) {
      HttpResponse<String> reply = plot.get("/api/v1/series/20/1?limit=" + limit);
      assertEquals(400, reply.statusCode(), limit);
      assertEquals("limit", json(reply.body()).get("field").textValue());
    }
    HttpResponse<String> huge = plot.get(
        "/chart.png?s=20:1&limit=100000000000&width=100000&height=100000");
    assertEquals(400, huge.statusCode());
    assertEquals("width", json(huge.body()).get("field").textValue());

    assertEquals(200, plot.get("/healthz").statusCode());
    assertEquals(three, plot.get("/api/v1/series/20/1?limit=10").body());
  }

  // ---- case 8: hostile titles and labels cannot inject markup

  @Test
  void hostileTitleLabelAndUnit_cannotInjectMarkup() throws Exception {
    String title = "</text><script>alert(1)</script><text>";
    String label = "<img src=x onerror=alert(1)>";
    String unit = "\"><svg onload=alert(1)>";
    save("[" + point(16, 1, 5, T0) + "," + point(16, 1, 6, T0 + 60) + "]", 2);
    HttpResponse<String> created = plot.postJson("/api/v1/charts", "{\"title\":"
        + quoted(title) + ",\"series\":[{\"cid\":16,\"rid\":1,\"label\":" + quoted(label)
        + "}],\"unit\":" + quoted(unit) + "}");
    assertEquals(201, created.statusCode(), created.body());
    String code = json(created.body()).get("code").textValue();

    Document svg = ChartAssertions.svg(plot.getBytes("/c/" + code + ".svg").body());
    assertEquals(List.of(title), ChartAssertions.texts(svg, "title"));
    assertEquals(List.of(label), ChartAssertions.texts(svg, "label"));

    JsonNode data = json(plot.get("/c/" + code + ".json").body());
    assertEquals(title, data.get("title").textValue());
    assertEquals(unit, data.get("unit").textValue());
    assertEquals(label, data.get("series").get(0).get("label").textValue());

    String page = plot.get("/c/" + code).body();
    assertFalse(page.contains("<script>alert"), page);
    assertFalse(page.contains("<img"), page);
    assertFalse(page.contains("<svg onload"), page);

    String quickTitle = "<script>alert(2)</script>";
    Document quick = ChartAssertions.svg(
        plot.getBytes("/chart.svg?s=16:1&title=" + q(quickTitle)).body());
    assertEquals(List.of(quickTitle), ChartAssertions.texts(quick, "title"));
  }

  // ---- case 9: names and titles in any language render correctly

  @Test
  void namesInAnyLanguage_comeBackByteForByteAndDraw() throws Exception {
    String name = "VPS · 带宽 · 入";
    String title = "tété 带宽 💩0";
    String label = "Ørsted-øst";
    assertEquals(201, plot.postJson("/api/v1/categories",
        "{\"cid\":31,\"name\":" + quoted(name) + ",\"step\":60}").statusCode());
    save("[" + point(16, 1, 5, T0) + "," + point(16, 1, 6, T0 + 60) + "]", 2);
    String code = create("{\"title\":" + quoted(title) + ",\"series\":[{\"cid\":16,\"rid\":1,"
        + "\"label\":" + quoted(label) + "}]}");

    HttpResponse<byte[]> png = plot.getBytes("/c/" + code + ".png");
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElseThrow());
    BufferedImage picture = ChartAssertions.png(png.body(), 800, 400);
    assertTrue(ChartAssertions.colouredPixels(picture, 0, 30) > 20, "the emoji is not drawn");

    HttpResponse<byte[]> svg = plot.getBytes("/c/" + code + ".svg");
    assertEquals(200, svg.statusCode());
    assertEquals(List.of(title), ChartAssertions.texts(ChartAssertions.svg(svg.body()), "title"));

    byte[] data = plot.getBytes("/c/" + code + ".json").body();
    assertTrue(contains(data, ("\"title\":\"" + title + "\"").getBytes(StandardCharsets.UTF_8)),
        new String(data, StandardCharsets.UTF_8));
    assertTrue(contains(data, ("\"label\":\"" + label + "\"").getBytes(StandardCharsets.UTF_8)));
    byte[] category = plot.getBytes("/api/v1/categories/31").body();
    assertTrue(contains(category, ("\"name\":\"" + name + "\"")
        .getBytes(StandardCharsets.UTF_8)), new String(category, StandardCharsets.UTF_8));
  }

  // ---- case 11: points with the same time are all kept; a late point is placed by its time

  @Test
  void equalTimes_areAllKeptLaterSaveFirst() throws Exception {
    save("[{\"cid\":23,\"rid\":1,\"value\":600,\"time\":" + T0 + "},"
        + "{\"cid\":23,\"rid\":1,\"value\":700,\"time\":" + T0 + "}]", 2);
    save("[{\"cid\":23,\"rid\":1,\"value\":5,\"time\":" + (T0 - 60) + "}]", 1);

    assertEquals("{\"cid\":23,\"rid\":1,\"points\":[[" + T0 + ",700],[" + T0 + ",600],["
        + (T0 - 60) + ",5]]}", plot.get("/api/v1/series/23/1?limit=10").body());
    try (PlotClient client = PlotClient.connect("127.0.0.1:" + plot.server().thriftPort(),
        false, 10_000)) {
      assertEquals(List.of(700L, 600L, 5L), client.api().plot_point(23, 1, 10));
    }
  }

  private void save(String body, int expected) throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/points", body);
    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals("{\"saved\":" + expected + "}", reply.body());
  }

  private String create(String spec) throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/charts", spec);
    assertEquals(201, reply.statusCode(), reply.body());
    return json(reply.body()).get("code").textValue();
  }

  private static String point(long cid, long rid, Object value, long time) {
    return "{\"cid\":" + cid + ",\"rid\":" + rid + ",\"value\":" + value + ",\"time\":" + time
        + "}";
  }

  private static String quoted(String text) throws Exception {
    return ChartAssertions.STRICT.writeValueAsString(text);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
