package dev.plot.http;

import dev.plot.core.PlotError;
import dev.plot.core.chart.ChartLinks;
import dev.plot.core.chart.ChartSpec;
import dev.plot.http.chart.ChartPage;
import dev.plot.http.guard.RouteAccess;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A stored chart link: {@code /c/{code}} is the page, {@code /c/{code}.png}, {@code .svg},
 * {@code .json} and {@code .csv} the other forms; {@code width} and {@code height} resize a
 * picture within {@code chart.max-width} and {@code chart.max-height} (beyond: 400 naming the
 * side). An unknown code is a 404: a page for the page, a JSON error for the other forms.
 *
 * <p>Whoever holds the code may read the chart: the code is the secret, whatever
 * {@code access.read-open} says. A chart whose spec says {@code private} needs a token with
 * scope read covering each of its cids: without one a 401 naming {@code token}, with one for
 * other cids a 403 naming {@code cid}.
 */
public final class ChartLinkHandler extends ApiHandler {

  /** Path prefix of chart links. */
  public static final String PREFIX = "/c/";

  private final ChartLinks charts;
  private final ChartReplies replies;
  private final RouteAccess access;

  public ChartLinkHandler(ChartLinks charts, ChartReplies replies, RouteAccess access) {
    this.charts = charts;
    this.replies = replies;
    this.access = access;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      throw methodNotAllowed(request, response, "GET", "HEAD");
    }
    String name = Request.getPathInContext(request).substring(PREFIX.length());
    int dot = name.indexOf('.');
    String code = dot < 0 ? name : name.substring(0, dot);
    ChartReplies.Form form = ChartReplies.Form.of(dot < 0 ? "" : name.substring(dot + 1));
    Optional<ChartSpec> spec = form == null ? Optional.empty() : charts.find(code);
    if (spec.isEmpty()) {
      if (form == ChartReplies.Form.PAGE) {
        HttpReplies.bytes(response, callback, 404, ChartReplies.Form.PAGE.contentType,
            ChartPage.notFound());
        return;
      }
      throw form == null
          ? PlotError.notFound("form", "a chart link is served as .png, .svg, .json, .csv or"
              + " the page" + HttpRequests.shown(name.substring(dot + 1)))
          : PlotError.notFound("code", "no chart link " + code);
    }
    access.checkLink(request, spec.get());
    ChartSpec sized = replies.sized(spec.get(), HttpRequests.query(request));
    replies.send(request, response, callback, sized, form, PREFIX + code, "");
  }
}
