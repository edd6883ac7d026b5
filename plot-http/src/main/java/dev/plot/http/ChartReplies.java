package dev.plot.http;

import dev.plot.core.PlotError;
import dev.plot.core.chart.ChartConfig;
import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartLinks;
import dev.plot.core.chart.ChartSpec;
import dev.plot.http.chart.ChartCsv;
import dev.plot.http.chart.ChartJson;
import dev.plot.http.chart.ChartPage;
import dev.plot.http.chart.EmojiImages;
import dev.plot.http.chart.PngChart;
import dev.plot.http.chart.SvgChart;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Answers a chart in one of its forms (page, PNG, SVG, JSON, CSV), shared by stored links and
 * quick charts. Every form carries an ETag of its bytes and a {@code Cache-Control} max-age of
 * the series' step, so a dashboard polling a chart gets a cheap 304 until new data can exist.
 */
public final class ChartReplies {

  /** Longest max-age, in seconds, whatever the step: a day. */
  private static final long MAX_AGE_CAP = 86_400;

  private final ChartLinks charts;
  private final PngChart png;
  private final SvgChart svg;

  /** Replies for the given links; the emoji font, if any, is read once here. */
  public ChartReplies(ChartLinks charts) {
    this.charts = charts;
    String emojiFont = charts.config().emojiFont();
    this.png = new PngChart(charts.config().font(), emojiFont.equals("none")
        ? EmojiImages.none() : EmojiImages.load(Path.of(emojiFont)));
    this.svg = new SvgChart(charts.config().font());
  }

  /** The forms a chart is served in, by the extension of its path. */
  enum Form {
    PAGE("text/html; charset=utf-8"),
    PNG("image/png"),
    SVG("image/svg+xml; charset=utf-8"),
    JSON(HttpReplies.JSON),
    CSV("text/csv; charset=utf-8");

    final String contentType;

    Form(String contentType) {
      this.contentType = contentType;
    }

    /** The form of an extension such as {@code png}, or null when there is none such. */
    static Form of(String extension) {
      return switch (extension) {
        case "" -> PAGE;
        case "png" -> PNG;
        case "svg" -> SVG;
        case "json" -> JSON;
        case "csv" -> CSV;
        default -> null;
      };
    }
  }

  /** The spec at the size the request asks for with {@code width} and {@code height}. */
  ChartSpec sized(ChartSpec spec, Fields query) {
    int width = side("width", HttpRequests.param(query, "width"), spec.width(),
        charts.config().maxWidth());
    int height = side("height", HttpRequests.param(query, "height"), spec.height(),
        charts.config().maxHeight());
    return spec.withSize(width, height);
  }

  /**
   * Reads the chart's data and answers it in the form asked for.
   *
   * @param pagePath path of the forms without extension, for the page's links
   * @param pageQuery query string the page's links carry, starting with {@code ?}, or empty
   */
  void send(Request request, Response response, Callback callback, ChartSpec spec, Form form,
      String pagePath, String pageQuery) throws NoSuchAlgorithmException {
    ChartData data = charts.read(spec);
    byte[] body = switch (form) {
      case PAGE -> ChartPage.draw(data, pagePath, pageQuery);
      case PNG -> png.draw(data);
      case SVG -> svg.draw(data);
      case JSON -> ChartJson.draw(data);
      case CSV -> ChartCsv.draw(data);
    };
    String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(body), 0, 16) + "\"";
    long maxAge = Math.max(1, Math.min(MAX_AGE_CAP, data.step()));
    response.getHeaders().put(HttpHeader.ETAG, etag);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL,
        (spec.privateChart() ? "private" : "public") + ", max-age=" + maxAge);
    if (spec.privateChart()) {
      response.getHeaders().put("X-Robots-Tag", "noindex");
    }
    if (form == Form.PAGE) {
      response.getHeaders().put("Content-Security-Policy", ChartPage.CONTENT_SECURITY_POLICY);
    }
    String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      response.setStatus(304);
      callback.succeeded();
      return;
    }
    HttpReplies.bytes(response, callback, 200, form.contentType, body);
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static int side(String field, String text, int defaultValue, int max) {
    Long value = HttpRequests.integer(field, text);
    if (value == null) {
      return defaultValue;
    }
    if (value < ChartConfig.MIN_SIDE || value > max) {
      throw PlotError.bad(field, field + " must be " + ChartConfig.MIN_SIDE + " to " + max
          + " pixels, not " + value);
    }
    return value.intValue();
  }
}
