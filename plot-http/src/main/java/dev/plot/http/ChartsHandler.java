package dev.plot.http;

import dev.plot.core.access.Scope;
import dev.plot.core.chart.ChartLinks;
import dev.plot.core.chart.ChartSpec;
import dev.plot.http.guard.RouteAccess;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/charts}: stores a chart link for a JSON spec and answers 201
 * {@code {"code", "url"}}; an identical spec answers 200 with the code it already has. A bad
 * spec is a 400 naming the field.
 *
 * <p>Storing a link needs scope write (as every change under {@code /api/}), and since the link
 * shows its series to whoever holds it, scope read covering every cid of the spec: a 401 or
 * 403 naming {@code token} or {@code cid} otherwise, and nothing is stored.
 */
public final class ChartsHandler extends ApiHandler {

  /** The path this handler serves. */
  public static final String PATH = "/api/v1/charts";

  private final ChartLinks charts;
  private final long maxBodyBytes;
  private final String publicUrl;
  private final RouteAccess access;

  /**
   * @param maxBodyBytes largest spec taken, in bytes
   * @param publicUrl base of the links handed out, or empty to use the request's own
   */
  public ChartsHandler(ChartLinks charts, long maxBodyBytes, String publicUrl,
      RouteAccess access) {
    this.charts = charts;
    this.maxBodyBytes = maxBodyBytes;
    this.access = access;
    this.publicUrl = publicUrl.endsWith("/")
        ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    if (!"POST".equals(request.getMethod())) {
      throw methodNotAllowed(request, response, "POST");
    }
    access.check(request, Scope.READ);
    byte[] body = HttpRequests.body(request, maxBodyBytes);
    ChartSpec spec = charts.parse(new String(body, StandardCharsets.UTF_8));
    access.checkRead(request, spec);
    ChartLinks.Created created = charts.create(spec);
    String path = ChartLinkHandler.PREFIX + created.code();
    String url = publicUrl.isEmpty()
        ? HttpURI.build(request.getHttpURI()).path(path).query(null).asString()
        : publicUrl + path;
    HttpReplies.json(response, callback, created.created() ? 201 : 200,
        HttpJson.object().put("code", created.code()).put("url", url));
  }
}
