package dev.plot.http.chart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.core.chart.ChartData;
import dev.plot.http.HttpJson;

/**
 * A chart's data as JSON: {@code {"title", "unit", "series": [{"cid", "rid", "label",
 * "points": [[time, value or null]]}]}}, points oldest first, values exact.
 */
public final class ChartJson {

  private ChartJson() {
  }

  public static ObjectNode tree(ChartData data) {
    ObjectNode root = HttpJson.object()
        .put("title", data.spec().title())
        .put("unit", data.spec().unit());
    ArrayNode series = root.putArray("series");
    for (ChartData.Series one : data.series()) {
      ObjectNode node = series.addObject().put("cid", one.cid()).put("rid", one.rid())
          .put("label", one.label());
      ArrayNode points = node.putArray("points");
      for (ChartData.Value point : one.points()) {
        ArrayNode pair = points.addArray().add(point.time());
        if (point.value() == null) {
          pair.addNull();
        } else {
          pair.add(point.value());
        }
      }
    }
    return root;
  }

  public static byte[] draw(ChartData data) {
    return HttpJson.bytes(tree(data));
  }
}
