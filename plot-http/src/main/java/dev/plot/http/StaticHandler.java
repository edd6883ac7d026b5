package dev.plot.http;

import dev.plot.core.PlotError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The chart page's scripts and styles, served by plot itself (no CDN): uPlot from its webjar
 * under {@code /static/uplot/}, plot's own script and style under {@code /static/}. Files are
 * read once at start; a missing one stops the server then, not at the first page view.
 */
public final class StaticHandler extends ApiHandler {

  /** Path prefix of static files. */
  public static final String PREFIX = "/static/";

  private static final String UPLOT_POM =
      "META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private final Map<String, File> files;

  public StaticHandler() {
    String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    String own = "dev/plot/http/static/";
    files = Map.of(
        "uplot/uPlot.iife.min.js", load(uplot + "uPlot.iife.min.js", "text/javascript"),
        "uplot/uPlot.min.css", load(uplot + "uPlot.min.css", "text/css"),
        "plot-chart.js", load(own + "plot-chart.js", "text/javascript"),
        "plot.css", load(own + "plot.css", "text/css"));
  }

  @Override
  protected void serve(Request request, Response response, Callback callback) {
    File file = files.get(Request.getPathInContext(request).substring(PREFIX.length()));
    if (file == null) {
      throw PlotError.notFound("path", "no such file");
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=86400");
    HttpReplies.bytes(response, callback, 200, file.type + "; charset=utf-8", file.bytes);
  }

  private static String uplotVersion() {
    Properties properties = new Properties();
    try (InputStream in = resource(UPLOT_POM)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
    }
    return properties.getProperty("version");
  }

  private static File load(String path, String type) {
    try (InputStream in = resource(path)) {
      return new File(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = StaticHandler.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing from the class path: " + path);
    }
    return in;
  }

  private record File(byte[] bytes, String type) {
  }
}
