package dev.plot.core.chart;

import dev.plot.api.Agg;
import dev.plot.core.PlotError;
import dev.plot.core.Validation;
import java.math.BigDecimal;
import java.util.List;

/**
 * Collects the fields of a chart spec as a client gave them (JSON body, Thrift or the quick
 * chart's query parameters), then checks them in one place and fills in defaults. Every
 * refusal is a 400 naming the field.
 */
public final class ChartSpecBuilder {

  private final ChartConfig config;
  private String title;
  private List<ChartSeries> series = List.of();
  private Long limit;
  private Long from;
  private Long to;
  private String range;
  private Long step;
  private String agg;
  private BigDecimal base;
  private String unit;
  private String type;
  private Long width;
  private Long height;
  private String zone;
  private Boolean privateChart;

  public ChartSpecBuilder(ChartConfig config) {
    this.config = config;
  }

  public ChartSpecBuilder title(String value) {
    title = value;
    return this;
  }

  /** The series; a null label becomes {@code cid:rid}. */
  public ChartSpecBuilder series(List<ChartSeries> value) {
    series = value;
    return this;
  }

  public ChartSpecBuilder limit(Long value) {
    limit = value;
    return this;
  }

  public ChartSpecBuilder from(Long value) {
    from = value;
    return this;
  }

  public ChartSpecBuilder to(Long value) {
    to = value;
    return this;
  }

  /** A window ending now, such as {@code 24h} or {@code 7d}. */
  public ChartSpecBuilder range(String value) {
    range = value;
    return this;
  }

  public ChartSpecBuilder step(Long value) {
    step = value;
    return this;
  }

  public ChartSpecBuilder agg(String value) {
    agg = value;
    return this;
  }

  public ChartSpecBuilder base(BigDecimal value) {
    base = value;
    return this;
  }

  public ChartSpecBuilder unit(String value) {
    unit = value;
    return this;
  }

  public ChartSpecBuilder type(String value) {
    type = value;
    return this;
  }

  public ChartSpecBuilder width(Long value) {
    width = value;
    return this;
  }

  public ChartSpecBuilder height(Long value) {
    height = value;
    return this;
  }

  public ChartSpecBuilder zone(String value) {
    zone = value;
    return this;
  }

  public ChartSpecBuilder privateChart(Boolean value) {
    privateChart = value;
    return this;
  }

  /**
   * The checked spec with defaults filled in.
   *
   * @throws PlotError naming the first field at fault
   */
  public ChartSpec build() {
    String checkedTitle = checkText("title", title);
    List<ChartSeries> checkedSeries = checkSeries();
    Integer checkedLimit = checkWindow();
    Long rangeSeconds = range == null ? null : ChartSpecJson.rangeSeconds(range);
    if (step != null && (step < 1 || step > ChartSpecJson.MAX_RANGE)) {
      throw PlotError.bad("step", "step must be 1 to " + ChartSpecJson.MAX_RANGE
          + " seconds, not " + step);
    }
    if (checkedLimit != null && (step != null || agg != null)) {
      throw PlotError.bad(step != null ? "step" : "agg", "step and agg apply to a time window"
          + " (from/to or range), not to limit");
    }
    Agg checkedAgg = agg == null ? null : ChartSpecJson.agg(agg);
    if (base != null && base.signum() == 0) {
      throw PlotError.bad("base", "base must be a number other than 0");
    }
    String checkedUnit = unit == null ? "" : unit;
    Validation.checkText("unit", checkedUnit, Validation.MAX_UNIT);
    ChartType checkedType = type == null ? ChartType.LINE : ChartType.parse(type);
    int checkedWidth = side("width", width, config.defaultWidth(), config.maxWidth());
    int checkedHeight = side("height", height, config.defaultHeight(), config.maxHeight());
    String checkedZone = zone == null ? null : Validation.checkZone("zone", zone).getId();
    return new ChartSpec(checkedTitle, checkedSeries, checkedLimit, from, to, rangeSeconds,
        step, checkedAgg, base == null ? null : base.stripTrailingZeros(), checkedUnit,
        checkedType, checkedWidth, checkedHeight, checkedZone,
        privateChart != null && privateChart);
  }

  private List<ChartSeries> checkSeries() {
    if (series.isEmpty()) {
      throw PlotError.bad("series", "a chart needs at least one series");
    }
    if (series.size() > config.maxSeries()) {
      throw PlotError.bad("series", "a chart shows at most " + ChartConfig.MAX_SERIES + "="
          + config.maxSeries() + " series, not " + series.size());
    }
    List<ChartSeries> checked = new java.util.ArrayList<>(series.size());
    for (int i = 0; i < series.size(); i++) {
      checked.add(checkOne(series.get(i), "series[" + i + "]."));
    }
    return checked;
  }

  private static ChartSeries checkOne(ChartSeries one, String prefix) {
    if (one.cid() < 1) {
      throw PlotError.bad(prefix + "cid", "cid must be a positive 64-bit integer, not "
          + one.cid());
    }
    if (one.rid() < 1) {
      throw PlotError.bad(prefix + "rid", "rid must be a positive 64-bit integer, not "
          + one.rid());
    }
    String label = one.label() == null ? one.cid() + ":" + one.rid() : one.label();
    return new ChartSeries(one.cid(), one.rid(), checkText(prefix + "label", label));
  }

  /** Exactly one window: limit, from and to, or range; the newest points by default. */
  private Integer checkWindow() {
    int windows = (limit != null ? 1 : 0) + (from != null || to != null ? 1 : 0)
        + (range != null ? 1 : 0);
    if (windows > 1) {
      String field = limit != null ? "limit" : "range";
      throw PlotError.bad(field, "give one window: limit, or from and to, or range");
    }
    if (from != null || to != null) {
      if (from == null || to == null) {
        throw PlotError.bad(from == null ? "from" : "to", "from and to go together");
      }
      ChartSpecJson.checkTime("from", from);
      ChartSpecJson.checkTime("to", to);
      if (to <= from) {
        throw PlotError.bad("to", "to must be after from (to is exclusive)");
      }
      return null;
    }
    if (range != null) {
      return null;
    }
    if (limit == null) {
      return config.defaultLimit();
    }
    if (limit < 1) {
      throw PlotError.bad("limit", "limit must be 1 or more, not " + limit);
    }
    // A stored spec keeps what was asked; reads clamp it to limit.max-points.
    return (int) Math.min(limit, Integer.MAX_VALUE);
  }

  private static String checkText(String field, String text) {
    if (text == null) {
      return "";
    }
    Validation.checkText(field, text, ChartSpecJson.MAX_TEXT);
    return text;
  }

  private static int side(String field, Long value, int defaultValue, int max) {
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
