package dev.plot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.core.PlotError;
import dev.plot.core.PlotService;
import dev.plot.core.access.Scope;
import dev.plot.http.guard.RouteAccess;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Named groups of rids, read as {@code group:NAME}: {@code GET /api/v1/groups} lists them,
 * {@code PUT /api/v1/groups/{name}} with {@code {"rids": [...]}} defines one, {@code GET} reads
 * it and {@code DELETE} removes it. An unknown group is a 404 naming {@code group}.
 *
 * <p>Reading groups needs scope read. Defining or removing one needs scope admin on every cid,
 * as defining a category does: a group belongs to no cid, and changing it changes what
 * {@code group:NAME} reads return for every cid, so a token limited to some cids may not.
 */
public final class GroupsHandler extends ApiHandler {

  /** The path of the list; one group is below it. */
  public static final String PATH = "/api/v1/groups";

  private final PlotService service;
  private final long maxBodyBytes;
  private final RouteAccess access;

  /**
   * @param maxBodyBytes largest body taken, in bytes
   */
  public GroupsHandler(PlotService service, long maxBodyBytes, RouteAccess access) {
    this.service = service;
    this.maxBodyBytes = maxBodyBytes;
    this.access = access;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (path.equals(PATH) || path.equals(PATH + "/")) {
      if (!"GET".equals(request.getMethod())) {
        throw methodNotAllowed(request, response, "GET");
      }
      ObjectNode body = HttpJson.object();
      ObjectNode groups = body.putObject("groups");
      service.groups().forEach((name, rids) -> rids.forEach(groups.withArray(name)::add));
      HttpReplies.json(response, callback, 200, body);
      return;
    }
    String name = path.substring(PATH.length() + 1);
    switch (request.getMethod()) {
      case "GET" -> HttpReplies.json(response, callback, 200, group(name, service.group(name)));
      case "PUT", "POST" -> {
        access.checkEveryCid(request, Scope.ADMIN);
        List<Long> rids = rids(HttpJson.parse(HttpRequests.body(request, maxBodyBytes)));
        service.defineGroup(name, rids);
        HttpReplies.json(response, callback, 200, group(name, rids));
      }
      case "DELETE" -> {
        access.checkEveryCid(request, Scope.ADMIN);
        service.deleteGroup(name);
        HttpReplies.json(response, callback, 200, HttpJson.object().put("deleted", name));
      }
      default -> throw methodNotAllowed(request, response, "GET", "PUT", "POST",
          "DELETE");
    }
  }

  private static ObjectNode group(String name, List<Long> rids) {
    ObjectNode body = HttpJson.object().put("name", name);
    ArrayNode array = body.putArray("rids");
    rids.forEach(array::add);
    return body;
  }

  private static List<Long> rids(JsonNode body) {
    JsonNode array = body.get("rids");
    if (array == null || !array.isArray()) {
      throw PlotError.bad("rids", "send {\"rids\": [1, 2, 3]}");
    }
    List<Long> rids = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      try {
        rids.add(HttpJson.integer(array.get(i), "rids"));
      } catch (PlotError e) {
        throw e.atIndex(i);
      }
    }
    return rids;
  }
}
