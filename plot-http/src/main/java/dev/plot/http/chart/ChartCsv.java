package dev.plot.http.chart;

import dev.plot.core.chart.ChartData;
import java.nio.charset.StandardCharsets;

/**
 * A chart's data as CSV (RFC 4180): a header {@code cid,rid,label,time,value}, then one row per
 * point, oldest first per series; a gap has an empty value, never 0.
 */
public final class ChartCsv {

  private ChartCsv() {
  }

  public static byte[] draw(ChartData data) {
    StringBuilder csv = new StringBuilder("cid,rid,label,time,value\r\n");
    for (ChartData.Series series : data.series()) {
      String label = quote(series.label());
      for (ChartData.Value point : series.points()) {
        csv.append(series.cid()).append(',').append(series.rid()).append(',').append(label)
            .append(',').append(point.time()).append(',');
        if (point.value() != null) {
          csv.append(point.value().toPlainString());
        }
        csv.append("\r\n");
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
