package dev.plot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Rollup;
import dev.plot.core.PlotError;
import dev.plot.core.PlotService;
import dev.plot.core.access.Scope;
import dev.plot.http.guard.RouteAccess;
import java.math.BigDecimal;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Categories: {@code GET /api/v1/categories} lists them, {@code POST} defines one (cid, name,
 * unit, base, step, kind, wrap, maxGap, zone, retention, rollup) and answers 201 with it,
 * {@code GET /api/v1/categories/{cid}} reads one or answers 404 naming {@code cid}.
 *
 * <p>As over Thrift, defining a category needs scope admin covering its cid (and its rollup's
 * target cid, which the rollup writes); reading one needs scope read covering its cid; the
 * list needs scope read.
 */
public final class CategoriesHandler extends ApiHandler {

  /** The path of the list; one category is below it. */
  public static final String PATH = "/api/v1/categories";

  private final PlotService service;
  private final long maxBodyBytes;
  private final RouteAccess access;

  /**
   * @param maxBodyBytes largest body taken, in bytes
   */
  public CategoriesHandler(PlotService service, long maxBodyBytes, RouteAccess access) {
    this.service = service;
    this.maxBodyBytes = maxBodyBytes;
    this.access = access;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (path.equals(PATH) || path.equals(PATH + "/")) {
      switch (request.getMethod()) {
        case "GET" -> {
          ObjectNode body = HttpJson.object();
          ArrayNode list = body.putArray("categories");
          service.registry().all().forEach(category -> list.add(json(category)));
          HttpReplies.json(response, callback, 200, body);
        }
        case "POST" -> {
          // Scope first, so a caller who may not define categories learns nothing from the body.
          access.check(request, Scope.ADMIN);
          Category category = category(HttpJson.parse(HttpRequests.body(request,
              maxBodyBytes)));
          access.check(request, Scope.ADMIN, category.cid());
          if (category.rollup() != null) {
            access.check(request, Scope.ADMIN, category.rollup().targetCid());
          }
          HttpReplies.json(response, callback, 201,
              json(service.registry().define(category)));
        }
        default -> throw methodNotAllowed(request, response, "GET", "POST");
      }
      return;
    }
    if (!"GET".equals(request.getMethod())) {
      throw methodNotAllowed(request, response, "GET");
    }
    Long cid = HttpRequests.integer("cid", path.substring(PATH.length() + 1));
    access.check(request, Scope.READ, cid);
    HttpReplies.json(response, callback, 200, json(service.registry().require(cid)));
  }

  /** The JSON form of a category; absent optional fields are left out. */
  public static ObjectNode json(Category category) {
    ObjectNode node = HttpJson.object()
        .put("cid", category.cid())
        .put("name", category.name())
        .put("unit", category.unit());
    if (category.base() != null) {
      node.put("base", HttpJson.plain(BigDecimal.valueOf(category.base())));
    }
    node.put("step", category.step()).put("kind", category.kind().label());
    if (category.wrap() != null) {
      node.put("wrap", category.wrap());
    }
    if (category.maxGap() != null) {
      node.put("maxGap", category.maxGap());
    }
    node.put("zone", category.zone()).put("retention", category.retention());
    Rollup rollup = category.rollup();
    if (rollup != null) {
      node.putObject("rollup").put("cid", rollup.targetCid()).put("step", rollup.step())
          .put("agg", rollup.agg().label()).put("zone", rollup.zone());
    }
    return node;
  }

  private static Category category(JsonNode body) {
    if (!body.isObject()) {
      throw PlotError.bad("body", "send a category object {cid, name, unit, step, kind}");
    }
    long cid = HttpJson.integer(body.get("cid"), "cid");
    String name = text(body, "name");
    Double base = null;
    if (present(body, "base")) {
      if (!body.get("base").isNumber()) {
        throw PlotError.bad("base", "base must be a number");
      }
      base = body.get("base").decimalValue().doubleValue();
    }
    String kind = text(body, "kind");
    Rollup rollup = null;
    if (present(body, "rollup")) {
      JsonNode node = body.get("rollup");
      if (!node.isObject()) {
        throw PlotError.bad("rollup", "rollup is an object {cid, step, agg, zone}");
      }
      long step = present(node, "step") ? HttpJson.integer(node.get("step"), "rollup") : 86_400;
      String agg = text(node, "agg");
      try {
        rollup = new Rollup(HttpJson.integer(node.get("cid"), "rollup"), step,
            Agg.parse(agg == null ? "sum" : agg), text(node, "zone"));
      } catch (IllegalArgumentException e) {
        throw PlotError.bad("rollup", "rollup agg must be one of avg, min, max, sum, last,"
            + " count" + HttpRequests.shown(agg));
      }
    }
    try {
      return new Category(cid, name == null ? "cid " + cid : name, text(body, "unit"), base,
          present(body, "step") ? HttpJson.integer(body.get("step"), "step")
              : Category.DEFAULT_STEP,
          kind == null ? Kind.GAUGE : Kind.parse(kind),
          present(body, "wrap") ? HttpJson.integer(body.get("wrap"), "wrap") : null,
          present(body, "maxGap") ? HttpJson.integer(body.get("maxGap"), "maxGap") : null,
          text(body, "zone"),
          present(body, "retention") ? HttpJson.integer(body.get("retention"), "retention") : 0,
          rollup);
    } catch (IllegalArgumentException e) {
      throw PlotError.bad("kind", "kind must be gauge or counter" + HttpRequests.shown(kind));
    }
  }

  private static boolean present(JsonNode node, String field) {
    return node.get(field) != null && !node.get(field).isNull();
  }

  private static String text(JsonNode node, String field) {
    if (!present(node, field)) {
      return null;
    }
    if (!node.get(field).isTextual()) {
      throw PlotError.bad(field, field + " must be a string");
    }
    return node.get(field).textValue();
  }
}
