package dev.plot.core.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plot.core.PlotError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ChartSpecJsonTest {

  private final ChartSpecJson json = new ChartSpecJson(ChartConfig.defaults());

  @Test
  void canonical_fillsDefaultsInFixedOrder() {
    ChartSpec spec = json.parse("{\"unit\":\"Mbit/s\",\"base\":131072.0,\"limit\":1440,"
        + "\"series\":[{\"rid\":95,\"cid\":3}],\"title\":\"vm 95\"}");

    assertEquals("{\"title\":\"vm 95\",\"series\":[{\"cid\":3,\"rid\":95,\"label\":\"3:95\"}],"
        + "\"limit\":1440,\"base\":131072,\"unit\":\"Mbit/s\",\"type\":\"line\",\"width\":800,"
        + "\"height\":400,\"private\":false}", ChartSpecJson.canonical(spec));
  }

  @Test
  void canonical_readsBackToTheSameSpec() {
    ChartSpec spec = json.parse("{\"series\":[{\"cid\":1,\"rid\":2,\"label\":\"帯域 💩\"}],"
        + "\"range\":\"7d\",\"step\":3600,\"agg\":\"MAX\",\"zone\":\"Europe/Berlin\","
        + "\"type\":\"stacked\",\"private\":true}");

    String canonical = ChartSpecJson.canonical(spec);
    assertEquals(spec, json.parse(canonical));
    assertEquals(canonical, ChartSpecJson.canonical(json.parse(canonical)));
  }

  @Test
  void specKey_isTheSameForEqualSpecsOnly() {
    String a = ChartSpecJson.canonical(json.parse("{\"series\":[{\"cid\":1,\"rid\":2}]}"));
    String b = ChartSpecJson.canonical(json.parse("{\"series\":[{\"cid\":1,\"rid\":2}],"
        + "\"limit\":1440,\"type\":\"line\"}"));
    String c = ChartSpecJson.canonical(json.parse("{\"series\":[{\"cid\":1,\"rid\":3}]}"));

    assertEquals(ChartLinks.specKey(a), ChartLinks.specKey(b));
    assertNotEquals(ChartLinks.specKey(a), ChartLinks.specKey(c));
    assertEquals(64, ChartLinks.specKey(a).length());
  }

  @Test
  void parse_hugeLimitIsKeptForClampingAtRead() {
    ChartSpec spec = json.parse("{\"series\":[{\"cid\":1,\"rid\":1}],"
        + "\"limit\":100000000000000000000}");

    assertEquals(Integer.MAX_VALUE, spec.limit());
  }

  @Test
  void rangeSeconds_readsEachUnit() {
    assertEquals(90, ChartSpecJson.rangeSeconds("90s"));
    assertEquals(5_400, ChartSpecJson.rangeSeconds("90m"));
    assertEquals(86_400, ChartSpecJson.rangeSeconds("24h"));
    assertEquals(604_800, ChartSpecJson.rangeSeconds("7d"));
    assertEquals(1_209_600, ChartSpecJson.rangeSeconds("2w"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"limit\":-9223372036854775809}| limit",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"limit\":1.5}| limit",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"step\":60}| step",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"range\":\"24h\",\"step\":0}| step",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"range\":\"0h\"}| range",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"from\":20,\"to\":10}| to",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"from\":-1,\"to\":10}| from",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"width\":49}| width",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"title\":7}| title",
      "{\"series\":[{\"cid\":1,\"rid\":1}],\"private\":\"yes\"}| private",
      "{\"series\":[{\"cid\":1,\"rid\":1,\"label\":[]}]}| series[0].label",
      "{\"series\":[{\"cid\":\"1\",\"rid\":1}]}| series[0].cid",
      "not json| spec"})
  void parse_refusesNamingTheField(String text, String field) {
    PlotError error = assertThrows(PlotError.class, () -> json.parse(text));

    assertEquals(field, error.field());
  }
}
