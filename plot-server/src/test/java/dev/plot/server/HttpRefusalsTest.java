package dev.plot.server;

import static dev.plot.server.ChartAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plot.thrift.gen.CategoryInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.slf4j.LoggerFactory;

/**
 * Refusals a client sees at the edge of what plot takes: bodies over the limit however they
 * are framed, text that is not valid Unicode, length limits counted in characters, methods a
 * route does not take. One server with a small body limit serves the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HttpRefusalsTest {

  private static final int BODY_LIMIT = 4000;
  /** U+1F600, one character of two UTF-16 units. */
  private static final String EMOJI = "\uD83D\uDE00";

  @TempDir
  static Path dataDir;

  private TestServer plot;

  @BeforeAll
  void start() {
    plot = TestServer.start(dataDir, Map.of("http.max-body-bytes", String.valueOf(BODY_LIMIT)));
  }

  @AfterAll
  void stop() {
    plot.close();
  }

  // ---- body limit: a chunked body is refused as a declared one is

  @ParameterizedTest
  @CsvSource({"POST, /api/v1/points", "POST, /api/v1/charts", "PUT, /api/v1/groups/x",
      "POST, /api/v1/categories"})
  void bodyLimit_chunkedBodyIs413NamingTheSettingWithoutATrace(String method, String path)
      throws Exception {
    byte[] big = ("[" + "1,".repeat(BODY_LIMIT) + "1]").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> declared = plot.send(plot.request(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(big)).build());

    ListAppender<ILoggingEvent> log = capture();
    HttpResponse<String> chunked;
    try {
      // A stream of unknown length goes out with Transfer-Encoding: chunked.
      chunked = plot.send(plot.request(path).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofInputStream(
              () -> new ByteArrayInputStream(big))).build());
    } finally {
      release(log);
    }

    assertEquals(413, declared.statusCode(), declared.body());
    assertEquals(413, chunked.statusCode(), chunked.body());
    JsonNode error = json(chunked.body());
    assertEquals("http.max-body-bytes", error.get("field").textValue());
    assertEquals(json(declared.body()).get("field"), error.get("field"));
    String limit = "is larger than http.max-body-bytes=" + BODY_LIMIT + " bytes";
    assertTrue(json(declared.body()).get("error").textValue().endsWith(limit), declared.body());
    assertTrue(error.get("error").textValue().endsWith(limit), chunked.body());
    for (ILoggingEvent event : log.list) {
      assertTrue(event.getLevel().toInt() < Level.ERROR.toInt(), event.getFormattedMessage());
      assertEquals(null, event.getThrowableProxy(), event.getFormattedMessage());
    }
  }

  @Test
  void bodyLimit_chunkedBodyWithinTheLimitIsTaken() throws Exception {
    HttpResponse<String> reply = plot.send(plot.request("/api/v1/points")
        .header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
            "40 1 5 1764806400\n".getBytes(StandardCharsets.UTF_8)))).build());

    assertEquals(200, reply.statusCode(), reply.body());
    assertEquals("{\"saved\":1}", reply.body());
  }

  // ---- text must be valid Unicode

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"cid\":41,\"name\":\"a\\ud800b\"}| name",
      "{\"cid\":41,\"name\":\"a\\udc00\"}| name",
      "{\"cid\":41,\"name\":\"n\",\"unit\":\"\\ud800\"}| unit",
      "{\"cid\":41,\"name\":\"n\",\"zone\":\"Europe/\\ud800\"}| zone"})
  void unicode_categoryWithALoneSurrogateIs400AndNotStored(String body, String field)
      throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/categories", body);

    assertEquals(400, reply.statusCode(), reply.body());
    JsonNode error = json(reply.body());
    assertEquals(field, error.get("field").textValue());
    assertTrue(error.get("error").textValue().startsWith(field + ": not valid Unicode (an"
        + " unpaired surrogate at index "), reply.body());
    assertEquals(404, plot.get("/api/v1/categories/41").statusCode());
  }

  @Test
  void unicode_unpairedSurrogateIndexCountsCharacters() throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/categories",
        "{\"cid\":41,\"name\":\"" + EMOJI + "a\\ud800b\"}");

    assertEquals("name: not valid Unicode (an unpaired surrogate at index 2)",
        json(reply.body()).get("error").textValue());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"title\":\"a\\ud800\",\"series\":[{\"cid\":1,\"rid\":1}]}| title",
      "{\"series\":[{\"cid\":1,\"rid\":1,\"label\":\"\\udfff\"}]}| series[0].label",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"unit\":\"x\\ud800\"}| unit"})
  void unicode_chartSpecWithALoneSurrogateIs400NamingTheField(String spec, String field)
      throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/charts", spec);

    assertEquals(400, reply.statusCode(), reply.body());
    JsonNode error = json(reply.body());
    assertEquals(field, error.get("field").textValue());
    assertTrue(error.get("error").textValue().startsWith(field + ": not valid Unicode"),
        reply.body());
  }

  @Test
  void unicode_pairedSurrogatesAreStoredAndReturnedIntact() throws Exception {
    HttpResponse<String> created = plot.postJson("/api/v1/categories", "{\"cid\":42,"
        + "\"name\":\"a\\ud83d\\ude00b\",\"unit\":\"" + EMOJI + "\"}");

    assertEquals(201, created.statusCode(), created.body());
    JsonNode category = json(plot.get("/api/v1/categories/42").body());
    assertEquals("a" + EMOJI + "b", category.get("name").textValue());
    assertEquals(EMOJI, category.get("unit").textValue());
  }

  // ---- length limits count characters, not UTF-16 units

  @Test
  void length_titleOf200EmojiIsTakenAnd201Refused() throws Exception {
    String code = json(plot.postJson("/api/v1/charts", "{\"title\":\"" + EMOJI.repeat(200)
        + "\",\"series\":[{\"cid\":43,\"rid\":1,\"label\":\"" + EMOJI.repeat(200) + "\"}]}")
        .body()).get("code").textValue();
    HttpResponse<String> tooLong = plot.postJson("/api/v1/charts", "{\"title\":\""
        + EMOJI.repeat(201) + "\",\"series\":[{\"cid\":43,\"rid\":1}]}");

    JsonNode chart = json(plot.get("/c/" + code + ".json").body());
    assertEquals(EMOJI.repeat(200), chart.get("title").textValue());
    assertEquals(EMOJI.repeat(200), chart.get("series").get(0).get("label").textValue());
    assertEquals(400, tooLong.statusCode());
    assertEquals("title", json(tooLong.body()).get("field").textValue());
    assertEquals("title must have at most 200 characters, not 201",
        json(tooLong.body()).get("error").textValue());
  }

  @Test
  void length_categoryNameAndUnitCountCharacters() throws Exception {
    HttpResponse<String> longest = plot.postJson("/api/v1/categories", "{\"cid\":44,"
        + "\"name\":\"" + EMOJI.repeat(200) + "\",\"unit\":\"" + EMOJI.repeat(50) + "\"}");
    HttpResponse<String> unit = plot.postJson("/api/v1/categories", "{\"cid\":45,"
        + "\"name\":\"n\",\"unit\":\"" + EMOJI.repeat(51) + "\"}");

    assertEquals(201, longest.statusCode(), longest.body());
    assertEquals(EMOJI.repeat(200), json(longest.body()).get("name").textValue());
    assertEquals(400, unit.statusCode());
    assertEquals("unit must have at most 50 characters, not 51",
        json(unit.body()).get("error").textValue());
  }

  @Test
  void length_overThriftTheNameCountsCharactersToo() throws Exception {
    try (PlotClient client = PlotClient.connect("127.0.0.1:" + plot.server().thriftPort(),
        false, 10_000)) {
      client.api().define_category(new CategoryInfo(46, EMOJI.repeat(101)));
      dev.plot.thrift.gen.PlotError error = assertThrows(dev.plot.thrift.gen.PlotError.class,
          () -> client.api().define_category(new CategoryInfo(47, EMOJI.repeat(201))));

      assertEquals(EMOJI.repeat(101), client.api().get_category(46).getName());
      assertEquals("name", error.getField());
    }
  }

  // ---- a method the route does not take

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "DELETE| /api/v1/points| POST",
      "GET| /api/v1/charts| POST",
      "POST| /api/v1/series/1/1| GET",
      "PATCH| /api/v1/groups/x| GET, PUT, POST, DELETE",
      "DELETE| /api/v1/groups| GET",
      "PUT| /api/v1/categories| GET, POST",
      "DELETE| /api/v1/categories/1| GET",
      "POST| /c/AAAAAAAAAA.png| GET, HEAD",
      "PUT| /chart.png| GET, HEAD"})
  void method_wrongOneIs405WithAllow(String method, String path, String allow)
      throws Exception {
    HttpResponse<String> reply = plot.send(plot.request(path).method(method,
        HttpRequest.BodyPublishers.noBody()).build());

    assertEquals(405, reply.statusCode(), reply.body());
    assertEquals(allow, reply.headers().firstValue("Allow").orElse(null));
    JsonNode error = json(reply.body());
    assertEquals("method", error.get("field").textValue());
    assertTrue(error.get("error").textValue().startsWith(method + " is not allowed"),
        reply.body());
    assertFalse(reply.body().contains("Exception"), reply.body());
  }

  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root().addAppender(appender);
    return appender;
  }

  private static void release(ListAppender<ILoggingEvent> appender) {
    root().detachAppender(appender);
    appender.stop();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @Test
  void badPercentEscapeInQueryIsA400NamingTheQuery() throws Exception {
    // Java's HTTP client refuses to send such a URL, so the request goes over a plain socket.
    for (String path : List.of("/api/v1/series/3/95?limit=%zz", "/chart.json?s=%zz",
        "/api/v1/series/3/95?to=%")) {
      String reply = rawGet(path);

      assertTrue(reply.startsWith("HTTP/1.1 400 "), path + "\n" + reply);
      String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
      assertEquals("query", json(body).get("field").textValue(), path);
    }
  }

  private String rawGet(String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", plot.server().httpPort())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void repeatedRidsAreRefusedRatherThanCountedTwice() throws Exception {
    HttpResponse<String> group = plot.put("/api/v1/groups/dup", "{\"rids\":[95,95]}");
    HttpResponse<String> range = plot.get("/api/v1/series/3/95,95?from=0&to=600&combine=sum");

    assertEquals(400, group.statusCode(), group.body());
    assertTrue(group.body().contains("rid 95 appears more than once"), group.body());
    assertEquals(400, range.statusCode(), range.body());
    assertEquals("rid", json(range.body()).get("field").textValue());
  }

  @Test
  void loneSampleInAnArrayNamesIndexZero() throws Exception {
    HttpResponse<String> reply = plot.postJson("/api/v1/points",
        "[{\"cid\":0,\"rid\":3,\"value\":1}]");

    assertEquals(400, reply.statusCode());
    assertEquals("cid", json(reply.body()).get("field").textValue());
    assertEquals(0, json(reply.body()).get("index").intValue());
  }

  @Test
  void readsSayWhatIsWrongInTheirOwnTerms() throws Exception {
    HttpResponse<String> severalRids = plot.get("/api/v1/series/3/95,14?limit=5");
    HttpResponse<String> combine = plot.get(
        "/api/v1/series/3/95,14?from=0&to=600&combine=count");
    HttpResponse<String> unknownLink = plot.get("/c/AAAAAAAAAA.json");
    HttpResponse<String> unknownForm = plot.get("/c/AAAAAAAAAA.gif");

    assertEquals(400, severalRids.statusCode());
    assertEquals("from", json(severalRids.body()).get("field").textValue());
    assertEquals(400, combine.statusCode());
    assertTrue(combine.body().contains("combine must be sum, avg, max or min"), combine.body());
    assertEquals(404, unknownLink.statusCode());
    assertTrue(unknownLink.body().contains("no chart link AAAAAAAAAA\""), unknownLink.body());
    assertEquals(404, unknownForm.statusCode());
    assertEquals("form", json(unknownForm.body()).get("field").textValue());
  }
}
