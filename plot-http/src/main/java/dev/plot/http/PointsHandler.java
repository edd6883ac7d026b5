package dev.plot.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plot.api.Sample;
import dev.plot.core.PlotError;
import dev.plot.core.PlotService;
import dev.plot.core.access.Scope;
import dev.plot.http.guard.RouteAccess;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/points}: saves a batch, all or nothing, and answers 200
 * {@code {"saved": N}}. The body is a JSON array of {@code {cid, rid, value, time}} objects
 * (time optional; one object alone also works) or text, one {@code cid rid value [time]} per
 * line. A refusal is a 400 naming the field and the 0-based {@code index} (JSON) or 1-based
 * {@code line} (text) of the sample at fault; nothing of the batch is saved then. Every sample's
 * cid needs scope write: a cid the caller's token does not cover is a 403 naming {@code cid}
 * and the sample, checked before anything is saved. A body over {@value HttpConfig#MAX_BODY}
 * is a 413.
 */
public final class PointsHandler extends ApiHandler {

  private final PlotService service;
  private final long maxBodyBytes;
  private final RouteAccess access;

  /**
   * @param maxBodyBytes largest body taken, in bytes
   */
  public PointsHandler(PlotService service, long maxBodyBytes, RouteAccess access) {
    this.service = service;
    this.maxBodyBytes = maxBodyBytes;
    this.access = access;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    if (!"POST".equals(request.getMethod())) {
      throw methodNotAllowed(request, response, "POST");
    }
    byte[] body = HttpRequests.body(request, maxBodyBytes);
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    int saved = isJson(type, body) ? saveJson(request, body) : saveText(request, body);
    HttpReplies.json(response, callback, 200, HttpJson.object().put("saved", saved));
  }

  private static boolean isJson(String type, byte[] body) {
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '[' || b == '{';
      }
    }
    return false;
  }

  private int saveJson(Request request, byte[] body) {
    JsonNode root = HttpJson.parse(body);
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(items::add);
    } else if (root.isObject()) {
      items.add(root);
    } else {
      throw PlotError.bad("body", "send a JSON array of {cid, rid, value, time} objects");
    }
    List<Sample> samples = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      try {
        samples.add(allowed(request, sample(items.get(i))));
      } catch (PlotError e) {
        throw e.atIndex(i);
      }
    }
    try {
      return service.save(samples);
    } catch (PlotError e) {
      // The core names no index for a lone sample; an array's client still wants it.
      throw root.isArray() && e.index() == null && e.field() != null && samples.size() == 1
          ? e.atIndex(0) : e;
    }
  }

  /** The sample, once the caller may write its cid. */
  private Sample allowed(Request request, Sample sample) {
    access.check(request, Scope.WRITE, sample.cid());
    return sample;
  }

  private static Sample sample(JsonNode item) {
    if (!item.isObject()) {
      throw PlotError.bad("sample", "each sample is an object {cid, rid, value, time}");
    }
    long cid = HttpJson.integer(item.get("cid"), "cid");
    long rid = HttpJson.integer(item.get("rid"), "rid");
    long value = HttpJson.integer(item.get("value"), "value");
    JsonNode time = item.get("time");
    if (time == null || time.isNull()) {
      return Sample.untimed(cid, rid, value);
    }
    return new Sample(cid, rid, HttpJson.integer(time, "time"), value);
  }

  private int saveText(Request request, byte[] body) {
    String text = utf8(body);
    List<Sample> samples = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    String[] rows = text.split("\r?\n", -1);
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      try {
        samples.add(allowed(request, textSample(row)));
      } catch (PlotError e) {
        throw e.atLine(i + 1);
      }
      lines.add(i + 1);
    }
    try {
      return service.save(samples);
    } catch (PlotError e) {
      throw onLine(e, lines, samples.size());
    }
  }

  /** The core names a sample's index; a text body's client needs its line instead. */
  private static PlotError onLine(PlotError e, List<Integer> lines, int count) {
    if (e.line() != null || (e.index() == null && count != 1)) {
      return e;
    }
    int index = e.index() == null ? 0 : e.index();
    String message = e.getMessage().replaceFirst("^sample " + index + ": ", "");
    return PlotError.of(e.code(), e.field(), message).atLine(lines.get(index));
  }

  private static Sample textSample(String row) {
    // Parsed by hand: a regex per line and per number cost more than saving the points.
    int[] starts = new int[4];
    int[] ends = new int[4];
    int count = 0;
    int at = 0;
    while (at < row.length()) {
      if (Character.isWhitespace(row.charAt(at))) {
        at++;
        continue;
      }
      if (count == 4) {
        throw PlotError.bad("line", "a line is: cid rid value [time]");
      }
      starts[count] = at;
      while (at < row.length() && !Character.isWhitespace(row.charAt(at))) {
        at++;
      }
      ends[count++] = at;
    }
    if (count < 3) {
      throw PlotError.bad("line", "a line is: cid rid value [time]");
    }
    long cid = textInteger(row, starts[0], ends[0], "cid");
    long rid = textInteger(row, starts[1], ends[1], "rid");
    long value = textInteger(row, starts[2], ends[2], "value");
    if (count == 3) {
      return Sample.untimed(cid, rid, value);
    }
    return new Sample(cid, rid, textInteger(row, starts[3], ends[3], "time"), value);
  }

  /** Up to 18 digits cannot overflow; anything longer or odd goes the careful way. */
  private static long textInteger(String row, int from, int to, String field) {
    int at = from;
    char first = row.charAt(at);
    boolean negative = first == '-';
    if (negative || first == '+') {
      at++;
    }
    if (at == to || to - at > 18) {
      return textInteger(row.substring(from, to), field);
    }
    long value = 0;
    for (; at < to; at++) {
      char digit = row.charAt(at);
      if (digit < '0' || digit > '9') {
        return textInteger(row.substring(from, to), field);
      }
      value = value * 10 + (digit - '0');
    }
    return negative ? -value : value;
  }

  private static long textInteger(String text, String field) {
    if (!text.matches("[+-]?[0-9]{1,400}")) {
      throw PlotError.bad(field, field + " must be an integer" + HttpRequests.shown(text));
    }
    BigInteger value = new BigInteger(text);
    if (value.bitLength() > 63) {
      throw PlotError.bad(field, field + " must be from -2^63 to 2^63-1"
          + HttpRequests.shown(text));
    }
    return value.longValue();
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw PlotError.bad("body", "the body is not UTF-8 text");
    }
  }
}
