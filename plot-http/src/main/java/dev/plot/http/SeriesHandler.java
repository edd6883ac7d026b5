package dev.plot.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.api.Agg;
import dev.plot.api.Point;
import dev.plot.core.Bucket;
import dev.plot.core.Decimals;
import dev.plot.core.PlotError;
import dev.plot.core.PlotService;
import dev.plot.core.RangeQuery;
import dev.plot.core.Validation;
import dev.plot.core.access.Scope;
import dev.plot.http.guard.RouteAccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * {@code GET /api/v1/series/{cid}/{rid}}: the newest points ({@code limit}, {@code base}), or
 * with {@code from} and {@code to} a range read in buckets ({@code step}, {@code agg},
 * {@code rate}, {@code zone}); the rid part may be {@code 1,2,3} or {@code group:NAME},
 * combined by {@code combine}. Points are {@code [time, value]}, newest first; an empty bucket
 * is {@code null}. A bad parameter is a 400 naming it; a {@code limit} above
 * {@code limit.max-points} is clamped. The cid needs scope read (401 or 403 naming
 * {@code token} or {@code cid}), checked before any rid or group is looked at.
 */
public final class SeriesHandler extends ApiHandler {

  /** Path prefix this handler serves. */
  public static final String PREFIX = "/api/v1/series/";

  /** Points returned when no {@code limit} is given: a day of minutes. */
  public static final long DEFAULT_LIMIT = 1440;

  private final PlotService service;
  private final RouteAccess access;

  public SeriesHandler(PlotService service, RouteAccess access) {
    this.service = service;
    this.access = access;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    if (!"GET".equals(request.getMethod())) {
      throw methodNotAllowed(request, response, "GET");
    }
    String[] parts = Request.getPathInContext(request).substring(PREFIX.length()).split("/");
    if (parts.length != 2) {
      throw PlotError.notFound("path", "use /api/v1/series/{cid}/{rid}");
    }
    long cid = pathInteger("cid", parts[0]);
    access.check(request, Scope.READ, cid);
    Fields query = HttpRequests.query(request);
    if (HttpRequests.param(query, "from") != null || HttpRequests.param(query, "to") != null) {
      HttpReplies.json(response, callback, 200, range(cid, parts[1], query));
    } else {
      if (parts[1].contains(",") || parts[1].startsWith("group:")) {
        throw PlotError.bad("from", "several rids combine in a range read: give from and to");
      }
      HttpReplies.bytes(response, callback, 200, HttpReplies.JSON,
          newest(cid, pathInteger("rid", parts[1]), query));
    }
  }

  /**
   * The newest points, written straight to JSON bytes: a tree of a node per number cost more
   * than the read itself.
   */
  private byte[] newest(long cid, long rid, Fields query) {
    Long limit = HttpRequests.limit(HttpRequests.param(query, "limit"));
    String baseText = HttpRequests.param(query, "base");
    Double base = baseText == null ? null : Validation.checkBase(parseBase(baseText));
    List<Point> points = service.newest(cid, rid, limit == null ? DEFAULT_LIMIT : limit);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + points.size() * 24);
    try (JsonGenerator json = HttpJson.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("cid", cid);
      json.writeNumberField("rid", rid);
      json.writeArrayFieldStart("points");
      for (Point point : points) {
        json.writeStartArray();
        json.writeNumber(point.time());
        if (base == null) {
          json.writeNumber(point.value());
        } else {
          json.writeNumber(new BigDecimal(Decimals.plain(PlotService.divide(point.value(), base))));
        }
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }

  private ObjectNode range(long cid, String ridPart, Fields query) {
    List<Long> rids = rids(ridPart);
    Long from = HttpRequests.integer("from", HttpRequests.param(query, "from"));
    Long to = HttpRequests.integer("to", HttpRequests.param(query, "to"));
    if (from == null || to == null) {
      throw PlotError.bad(from == null ? "from" : "to", "a range read needs from and to");
    }
    Long step = HttpRequests.integer("step", HttpRequests.param(query, "step"));
    Agg agg = agg("agg", HttpRequests.param(query, "agg"));
    Agg combine = agg("combine", HttpRequests.param(query, "combine"));
    boolean rate = HttpRequests.bool("rate", HttpRequests.param(query, "rate"), false);
    String zone = HttpRequests.param(query, "zone");
    BigDecimal base = HttpRequests.decimal("base", HttpRequests.param(query, "base"));
    List<Bucket> buckets = service.range(new RangeQuery(cid, rids, from, to,
        step == null ? 0 : step, agg, combine, rate, zone));

    ObjectNode body = HttpJson.object().put("cid", cid);
    if (ridPart.startsWith(PlotService.GROUP_PREFIX) || rids.size() > 1) {
      if (ridPart.startsWith(PlotService.GROUP_PREFIX)) {
        body.put("group", ridPart.substring(PlotService.GROUP_PREFIX.length()));
      }
      ArrayNode ridArray = body.putArray("rids");
      rids.forEach(ridArray::add);
    } else {
      body.put("rid", rids.get(0));
    }
    ArrayNode out = body.putArray("points");
    for (Bucket bucket : buckets) {
      ArrayNode pair = out.addArray().add(bucket.time());
      if (bucket.value() == null) {
        pair.addNull();
      } else if (base == null) {
        pair.add(HttpJson.plain(bucket.value()));
      } else {
        pair.add(HttpJson.plain(bucket.value().divide(base, MathContext.DECIMAL64)));
      }
    }
    return body;
  }

  private List<Long> rids(String ridPart) {
    if (ridPart.startsWith(PlotService.GROUP_PREFIX)) {
      return service.group(ridPart.substring(PlotService.GROUP_PREFIX.length()));
    }
    String[] texts = ridPart.split(",", -1);
    List<Long> rids = new ArrayList<>(texts.length);
    for (String text : texts) {
      rids.add(pathInteger("rid", text));
    }
    return rids;
  }

  private static long pathInteger(String field, String text) {
    Long value = HttpRequests.integer(field, text);
    if (value == null || value < 1) {
      throw PlotError.bad(field, field + " must be a positive 64-bit integer"
          + HttpRequests.shown(text));
    }
    return value;
  }

  private static double parseBase(String text) {
    try {
      double base = Double.parseDouble(text);
      if (Double.isFinite(base)) {
        return base;
      }
    } catch (NumberFormatException e) {
      // Refused below, with the same message as a non-finite base.
    }
    throw PlotError.bad("base", "base must be a finite number other than 0"
        + HttpRequests.shown(text));
  }

  private static Agg agg(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Agg.parse(text);
    } catch (IllegalArgumentException e) {
      // Rids combine by sum, avg, max or min only: the core refuses last and count there.
      throw PlotError.bad(field, field + " must be one of "
          + ("combine".equals(field) ? "sum, avg, max, min" : "avg, min, max, sum, last, count")
          + HttpRequests.shown(text));
    }
  }
}
