package dev.plot.http.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.chart.ChartConfig;
import dev.plot.core.chart.ChartData;
import dev.plot.core.chart.ChartSeries;
import dev.plot.core.chart.ChartSpec;
import dev.plot.core.chart.ChartSpecBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class SvgChartTest {

  private static final Pattern PIECE = Pattern.compile("<path class=\"piece\" d=\"([^\"]*)\"");

  @Test
  void draw_startsANewPathAfterEveryGap() {
    ChartData data = data("line", values(1, 2, null, null, 5, 6, null, 8));

    List<String> pieces = pieces(new SvgChart("Noto Sans CJK SC").draw(data));

    assertEquals(2, pieces.size(), pieces.toString());
    assertEquals(2, pieces.get(0).split("L").length);
    assertEquals(2, pieces.get(1).split("L").length);
  }

  @Test
  void draw_aLoneValueIsADot() {
    String svg = new String(new SvgChart("Noto Sans CJK SC").draw(
        data("line", values(null, 3, null))), StandardCharsets.UTF_8);

    assertTrue(svg.contains("<circle class=\"piece\""), svg);
    assertEquals(List.of(), pieces(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void draw_barsSkipGaps() {
    String svg = new String(new SvgChart("Noto Sans CJK SC").draw(
        data("bar", values(1, null, 3))), StandardCharsets.UTF_8);

    assertEquals(2, svg.split("<rect class=\"bar\"").length - 1);
  }

  private static List<String> pieces(byte[] svg) {
    Matcher matcher = PIECE.matcher(new String(svg, StandardCharsets.UTF_8));
    List<String> pieces = new ArrayList<>();
    while (matcher.find()) {
      pieces.add(matcher.group(1));
    }
    return pieces;
  }

  private static List<ChartData.Value> values(Integer... values) {
    List<ChartData.Value> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new ChartData.Value(1_000_000L + 60L * i,
          values[i] == null ? null : BigDecimal.valueOf(values[i])));
    }
    return points;
  }

  private static ChartData data(String type, List<ChartData.Value> points) {
    ChartSpec spec = new ChartSpecBuilder(ChartConfig.defaults())
        .series(List.of(new ChartSeries(1, 1, null)))
        .type(type)
        .build();
    return new ChartData(spec, List.of(new ChartData.Series(1, 1, "1:1", points)), 60);
  }

  @Test
  void num_oneDecimalRoundedAsTheFormatterDoes() {
    assertEquals("0.0", SvgChart.num(0));
    assertEquals("12.3", SvgChart.num(12.34));
    assertEquals("12.4", SvgChart.num(12.35));
    assertEquals("-7.5", SvgChart.num(-7.49));
    assertEquals("799.9", SvgChart.num(799.94));
    assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 123.456), SvgChart.num(123.456));
  }
}
