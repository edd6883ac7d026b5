package dev.plot.http.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartSpec;
import dev.plot.http.HttpJson;
import java.nio.charset.StandardCharsets;

/**
 * The HTML page of a chart link: title, unit, an interactive uPlot chart and links to the other
 * forms. The data travels as JSON in a {@code <script type="application/json">} element with
 * every {@code <} escaped, read by plot's own script file: the page has no inline script, so a
 * strict Content-Security-Policy holds, and no text from a spec can close the element.
 */
public final class ChartPage {

  /** The policy sent with the page: scripts, styles and pictures only from plot itself. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

  private ChartPage() {
  }

  /**
   * The page.
   *
   * @param base the path of the other forms without extension, such as {@code /c/AbC123xyZ0}
   *     or {@code /chart} followed by the query string placeholder handled by the caller
   * @param query the query string carried to the other forms, starting with {@code ?}, or
   *     empty
   */
  public static byte[] draw(ChartData data, String base, String query) {
    ChartSpec spec = data.spec();
    ObjectNode page = ChartJson.tree(data);
    page.put("type", spec.type().label()).put("width", spec.width())
        .put("height", spec.height());
    String json = new String(HttpJson.bytes(page), StandardCharsets.UTF_8).replace("<",
        "\\u003c");
    String title = ChartText.escape(spec.title().isEmpty() ? "plot chart" : spec.title());
    StringBuilder html = new StringBuilder(2048 + json.length());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(title).append("</title>\n")
        // No favicon request: a 404 for it would be an error in the browser's console.
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/uplot/uPlot.min.css\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/plot.css\">\n")
        .append("</head>\n<body>\n")
        .append("<h1 id=\"title\">").append(ChartText.escape(spec.title())).append("</h1>\n")
        .append("<p id=\"unit\">").append(ChartText.escape(spec.unit())).append("</p>\n")
        .append("<div id=\"chart\"></div>\n")
        .append("<p id=\"zone\"></p>\n")
        .append("<p id=\"forms\">Also as ");
    String[][] forms = {{"png", "PNG"}, {"svg", "SVG"}, {"json", "JSON"}, {"csv", "CSV"}};
    for (int i = 0; i < forms.length; i++) {
      html.append(i == 0 ? "" : ", ").append("<a href=\"")
          .append(ChartText.escape(base + "." + forms[i][0] + query)).append("\">")
          .append(forms[i][1]).append("</a>");
    }
    html.append("</p>\n")
        .append("<script type=\"application/json\" id=\"plot-data\">").append(json)
        .append("</script>\n")
        .append("<script src=\"/static/uplot/uPlot.iife.min.js\"></script>\n")
        .append("<script src=\"/static/plot-chart.js\"></script>\n")
        .append("</body>\n</html>\n");
    return html.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The 404 page of an unknown link. */
  public static byte[] notFound() {
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>No such chart</title>\n</head>\n<body>\n<h1>No such chart</h1>\n"
        + "<p>This chart link does not exist. Check the code in the address.</p>\n"
        + "</body>\n</html>\n").getBytes(StandardCharsets.UTF_8);
  }
}
