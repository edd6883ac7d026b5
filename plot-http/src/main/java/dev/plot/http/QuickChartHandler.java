package dev.plot.http;

import dev.plot.core.PlotError;
import dev.plot.core.chart.ChartLinks;
import dev.plot.core.chart.ChartSeries;
import dev.plot.core.chart.ChartSpec;
import dev.plot.http.guard.RouteAccess;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * A chart without a stored link, as Graphite's render URL works: {@code /chart.png?s=3:95&
 * limit=1440&base=131072&title=...} (and {@code /chart}, {@code .svg}, {@code .json},
 * {@code .csv}). {@code s} is {@code cid:rid} or {@code cid:rid:label} and repeats; every other
 * parameter is a spec field of the same name. A bad parameter is a 400 naming it.
 *
 * <p>There is no code to hold, so each series' cid needs scope read, as a series read does:
 * a 401 or 403 naming {@code token} or {@code cid} otherwise.
 */
public final class QuickChartHandler extends ApiHandler {

  /** The path of the page; the other forms add an extension. */
  public static final String PATH = "/chart";

  private final ChartLinks charts;
  private final ChartReplies replies;
  private final RouteAccess access;

  public QuickChartHandler(ChartLinks charts, ChartReplies replies, RouteAccess access) {
    this.charts = charts;
    this.replies = replies;
    this.access = access;
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) throws Exception {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      throw methodNotAllowed(request, response, "GET", "HEAD");
    }
    String path = Request.getPathInContext(request);
    ChartReplies.Form form = ChartReplies.Form.of(path.equals(PATH) ? ""
        : path.substring(PATH.length() + 1));
    if (form == null) {
      throw PlotError.notFound("path", "use /chart, /chart.png, .svg, .json or .csv");
    }
    Fields query = HttpRequests.query(request);
    ChartSpec spec = spec(query);
    access.checkRead(request, spec);
    String rawQuery = request.getHttpURI().getQuery();
    replies.send(request, response, callback, replies.sized(spec, query), form, PATH,
        rawQuery == null ? "" : "?" + rawQuery);
  }

  private ChartSpec spec(Fields query) {
    return charts.builder()
        .title(HttpRequests.param(query, "title"))
        .series(series(query.getValues("s")))
        .limit(HttpRequests.limit(HttpRequests.param(query, "limit")))
        .from(HttpRequests.integer("from", HttpRequests.param(query, "from")))
        .to(HttpRequests.integer("to", HttpRequests.param(query, "to")))
        .range(HttpRequests.param(query, "range"))
        .step(HttpRequests.integer("step", HttpRequests.param(query, "step")))
        .agg(HttpRequests.param(query, "agg"))
        .base(HttpRequests.decimal("base", HttpRequests.param(query, "base")))
        .unit(HttpRequests.param(query, "unit"))
        .type(HttpRequests.param(query, "type"))
        .zone(HttpRequests.param(query, "zone"))
        .privateChart(HttpRequests.bool("private", HttpRequests.param(query, "private"), false))
        .build();
  }

  private static List<ChartSeries> series(List<String> values) {
    if (values == null || values.isEmpty()) {
      throw PlotError.bad("s", "name a series: s=cid:rid or s=cid:rid:label");
    }
    List<ChartSeries> series = new ArrayList<>(values.size());
    for (String value : values) {
      String[] parts = value.split(":", 3);
      if (parts.length < 2) {
        throw PlotError.bad("s", "s is cid:rid or cid:rid:label" + HttpRequests.shown(value));
      }
      Long cid = HttpRequests.integer("s", parts[0]);
      Long rid = HttpRequests.integer("s", parts[1]);
      series.add(new ChartSeries(cid, rid, parts.length == 3 ? parts[2] : null));
    }
    return series;
  }
}
