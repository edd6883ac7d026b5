package dev.plot.core.chart;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.api.Agg;
import dev.plot.core.PlotError;
import dev.plot.core.Validation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chart specs to and from JSON. Reading checks every field and names the one at fault; writing
 * gives the canonical form: fixed field order, defaults filled in, no whitespace, so equal
 * specs give equal bytes and the same spec key.
 */
public final class ChartSpecJson {

  /** Longest title and label, in characters (code points). */
  public static final int MAX_TEXT = 200;
  /** Longest window of a {@code range}: ten years of seconds. */
  public static final long MAX_RANGE = 10L * 366 * 86_400;

  /** Numbers stay exact: integers as BigInteger, decimals as BigDecimal, NaN never parses. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      // Emoji as four UTF-8 bytes, not as an escaped surrogate pair.
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();

  private static final Set<String> FIELDS = Set.of("title", "series", "limit", "from", "to",
      "range", "step", "agg", "base", "unit", "type", "width", "height", "zone", "private");
  private static final Pattern RANGE = Pattern.compile("([1-9][0-9]{0,9})([smhdw])");
  private static final Map<String, Long> RANGE_UNITS = Map.of("s", 1L, "m", 60L, "h", 3_600L,
      "d", 86_400L, "w", 604_800L);

  private final ChartConfig config;

  public ChartSpecJson(ChartConfig config) {
    this.config = config;
  }

  /**
   * Reads a spec from JSON text.
   *
   * @throws PlotError naming the field at fault, or {@code spec} when the text is not JSON
   */
  public ChartSpec parse(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw PlotError.bad("spec", "the chart spec is not valid JSON: "
          + e.getOriginalMessage());
    }
    return read(node);
  }

  /** Reads a spec from a parsed JSON object. */
  public ChartSpec read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw PlotError.bad("spec", "a chart spec is a JSON object");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw PlotError.bad(name, "unknown chart spec field " + name + "; known fields are "
            + "title, series, limit, from, to, range, step, agg, base, unit, type, width, "
            + "height, zone, private");
      }
    }
    return new ChartSpecBuilder(config)
        .title(text(node, "title"))
        .series(series(node.get("series")))
        .limit(limit(node))
        .from(integer(node, "from"))
        .to(integer(node, "to"))
        .range(text(node, "range"))
        .step(integer(node, "step"))
        .agg(text(node, "agg"))
        .base(decimal(node, "base"))
        .unit(text(node, "unit"))
        .type(text(node, "type"))
        .width(integer(node, "width"))
        .height(integer(node, "height"))
        .zone(text(node, "zone"))
        .privateChart(bool(node, "private"))
        .build();
  }

  /** The canonical JSON of a spec: the stored form, and the input of its key. */
  public static String canonical(ChartSpec spec) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("title", spec.title());
    ArrayNode series = node.putArray("series");
    for (ChartSeries one : spec.series()) {
      series.addObject().put("cid", one.cid()).put("rid", one.rid()).put("label", one.label());
    }
    if (spec.limit() != null) {
      node.put("limit", spec.limit());
    }
    if (spec.from() != null) {
      node.put("from", spec.from()).put("to", spec.to());
    }
    if (spec.range() != null) {
      node.put("range", spec.range() + "s");
    }
    if (spec.step() != null) {
      node.put("step", spec.step());
    }
    if (spec.agg() != null) {
      node.put("agg", spec.agg().label());
    }
    if (spec.base() != null) {
      node.put("base", spec.base());
    }
    node.put("unit", spec.unit());
    node.put("type", spec.type().label());
    node.put("width", spec.width()).put("height", spec.height());
    if (spec.zone() != null) {
      node.put("zone", spec.zone());
    }
    node.put("private", spec.privateChart());
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a chart spec tree always writes", e);
    }
  }

  /** Seconds of a range such as {@code 24h}, {@code 7d}, {@code 90m} or {@code 3600s}. */
  public static long rangeSeconds(String text) {
    Matcher matcher = RANGE.matcher(text.trim());
    if (!matcher.matches()) {
      throw PlotError.bad("range", "range is a count and a unit s, m, h, d or w, such as 24h"
          + " or 7d" + shown(text));
    }
    long seconds = Long.parseLong(matcher.group(1)) * RANGE_UNITS.get(matcher.group(2));
    if (seconds > MAX_RANGE) {
      throw PlotError.bad("range", "range must be at most " + MAX_RANGE + " seconds, not "
          + text);
    }
    return seconds;
  }

  private List<ChartSeries> series(JsonNode node) {
    if (node == null || node.isNull()) {
      throw PlotError.bad("series", "a chart needs series: [{\"cid\": 3, \"rid\": 95}]");
    }
    if (!node.isArray()) {
      throw PlotError.bad("series", "series is an array of {cid, rid, label} objects");
    }
    List<ChartSeries> series = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode one = node.get(i);
      String prefix = "series[" + i + "].";
      if (!one.isObject()) {
        throw PlotError.bad("series[" + i + "]", "each series is an object {cid, rid, label}");
      }
      Long cid = integer(one, "cid", prefix);
      Long rid = integer(one, "rid", prefix);
      if (cid == null || rid == null) {
        throw PlotError.bad(prefix + (cid == null ? "cid" : "rid"), "each series names a cid"
            + " and a rid");
      }
      series.add(new ChartSeries(cid, rid, text(one, "label", prefix)));
    }
    return series;
  }

  private static String text(JsonNode node, String field) {
    return text(node, field, "");
  }

  /** A limit beyond 64 bits is still a limit: clamped like any limit above the maximum. */
  private static Long limit(JsonNode node) {
    JsonNode value = node.get("limit");
    if (value != null && value.isIntegralNumber() && value.bigIntegerValue().bitLength() > 63
        && value.bigIntegerValue().signum() > 0) {
      return Long.MAX_VALUE;
    }
    return integer(node, "limit");
  }

  private static String text(JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw PlotError.bad(prefix + field, field + " must be a string");
    }
    return value.textValue();
  }

  private static Long integer(JsonNode node, String field) {
    return integer(node, field, "");
  }

  private static Long integer(JsonNode node, String field, String prefix) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    BigInteger integer = null;
    if (value.isIntegralNumber()) {
      integer = value.bigIntegerValue();
    } else if (value.isNumber()) {
      BigDecimal decimal = value.decimalValue().stripTrailingZeros();
      if (decimal.scale() <= 0 && decimal.precision() - decimal.scale() <= 20) {
        integer = decimal.toBigIntegerExact();
      }
    }
    if (integer == null || integer.bitLength() > 63) {
      throw PlotError.bad(prefix + field, field + " must be a 64-bit integer"
          + shown(value));
    }
    return integer.longValue();
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw PlotError.bad(field, field + " must be a number");
    }
    return value.decimalValue();
  }

  private static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw PlotError.bad(field, field + " must be true or false");
    }
    return value.booleanValue();
  }

  /**
   * {@code ", not TEXT"} for a message about a refused value, or nothing when the text could
   * carry markup or a token such as NaN that no plot response may contain.
   */
  static String shown(Object value) {
    String text = String.valueOf(value);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (text.length() > 40 || !text.matches("[0-9A-Za-z:+._-]*") || lower.contains("nan")
        || lower.contains("inf")) {
      return "";
    }
    return ", not " + text;
  }

  /** Checks a time for a window edge; the message names the field. */
  static void checkTime(String field, long time) {
    try {
      Validation.checkTime(time);
    } catch (PlotError e) {
      throw PlotError.bad(field, field + " must be unix seconds from 0 to "
          + Validation.MAX_TIME + ", not " + time);
    }
  }

  /** Parses an aggregate name, naming {@code agg} when it is unknown. */
  static Agg agg(String text) {
    try {
      return Agg.parse(text);
    } catch (IllegalArgumentException e) {
      throw PlotError.bad("agg", "agg must be one of avg, min, max, sum, last, count"
          + shown(text));
    }
  }
}
