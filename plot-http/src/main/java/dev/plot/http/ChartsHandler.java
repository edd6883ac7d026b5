package dev.plot.http;

import dev.plot.core.chart.ChartLinks;
import dev.plot.core.chart.ChartSpec;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/v1/charts}: stores a chart link for a JSON spec and answers 201
 * {@code {"code", "url"}}; an identical spec answers 200 with the code it already has. A bad
 * spec is a 400 naming the field.
 */
public final class ChartsHandler extends ApiHandler {

  /** The path this handler serves. */
  public static final String PATH = "/api/v1/charts";

  private final ChartLinks charts;
  private final long maxBodyBytes;
  private final String publicUrl;

  /**
   * @param maxBodyBytes largest spec taken, in bytes
   * @param publicUrl base of the links handed out, or empty to use the request's own
   */
  public ChartsHandler(ChartLinks charts, long maxBodyBytes, String publicUrl) {
    this.charts = charts;
    this.maxBodyBytes = maxBodyBytes;
    this.publicUrl = publicUrl.endsWith("/")
        ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    if (!"POST".equals(request.getMethod())) {
      throw methodNotAllowed(request, "POST");
    }
    byte[] body = HttpRequests.body(request, maxBodyBytes);
    ChartSpec spec = charts.parse(new String(body, StandardCharsets.UTF_8));
    ChartLinks.Created created = charts.create(spec);
    String path = ChartLinkHandler.PREFIX + created.code();
    String url = publicUrl.isEmpty()
        ? HttpURI.build(request.getHttpURI()).path(path).query(null).asString()
        : publicUrl + path;
    HttpReplies.json(response, callback, created.created() ? 201 : 200,
        HttpJson.object().put("code", created.code()).put("url", url));
  }
}
