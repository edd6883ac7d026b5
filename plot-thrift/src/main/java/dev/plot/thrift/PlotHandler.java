package dev.plot.thrift;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.Rollup;
import dev.plot.core.PlotError;
import dev.plot.core.PlotService;
import dev.plot.core.Validation;
import dev.plot.core.chart.ChartConfig;
import dev.plot.core.chart.ChartLinks;
import dev.plot.thrift.gen.Bucket;
import dev.plot.thrift.gen.CategoryInfo;
import dev.plot.thrift.gen.Plot;
import dev.plot.thrift.gen.RangeQuery;
import dev.plot.thrift.gen.Sample;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Thrift service: each call checks its input in the core and maps refusals. */
public class PlotHandler implements Plot.Iface {

  private static final Logger log = LoggerFactory.getLogger(PlotHandler.class);

  private final PlotService service;
  private final ChartLinks charts;

  /** A handler whose chart links use default chart settings and the system clock. */
  public PlotHandler(PlotService service) {
    this(service, new ChartLinks(service, ChartConfig.defaults(), Clock.systemUTC()));
  }

  public PlotHandler(PlotService service, ChartLinks charts) {
    this.service = service;
    this.charts = charts;
  }

  protected PlotService service() {
    return service;
  }

  /**
   * The original method declares no exception, so a refusal travels as an application
   * exception whose message an old client shows as is.
   */
  @Override
  public void plot(long cid, long rid, long value) throws TException {
    try {
      service.plot(cid, rid, value);
    } catch (PlotError e) {
      log.debug("plot refused cid={} rid={} reason={}", cid, rid, e.getMessage());
      throw new TApplicationException(TApplicationException.INTERNAL_ERROR, e.getMessage());
    } catch (RuntimeException e) {
      dev.plot.thrift.gen.PlotError error = ThriftErrors.unexpected(e);
      throw new TApplicationException(TApplicationException.INTERNAL_ERROR, error.getMessage());
    }
  }

  @Override
  public int save(List<Sample> samples) throws TException {
    try {
      List<dev.plot.api.Sample> converted = new ArrayList<>(samples.size());
      for (int i = 0; i < samples.size(); i++) {
        Sample sample = samples.get(i);
        // The IDL cannot make value required without breaking old clients; an absent value
        // must not be stored as the 0 that Thrift leaves in its place.
        if (!sample.isSetValue()) {
          throw PlotError.bad("value", "value is required").atIndex(i);
        }
        converted.add(new dev.plot.api.Sample(sample.getCid(), sample.getRid(),
            sample.isSetTime() ? sample.getTime() : dev.plot.api.Sample.NO_TIME,
            sample.getValue()));
      }
      return service.save(converted);
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  @Override
  public List<Long> plot_point(long cid, long rid, int limit) throws TException {
    try {
      List<Point> points = service.newest(cid, rid, limit);
      List<Long> values = new ArrayList<>(points.size());
      for (Point point : points) {
        values.add(point.value());
      }
      return values;
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  @Override
  public List<Double> plot_point_base(long cid, long rid, int limit, double base)
      throws TException {
    try {
      return service.newest(cid, rid, limit, base);
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  @Override
  public List<Long> plot_point_timed(long cid, long rid, int limit) throws TException {
    try {
      List<Point> points = service.newest(cid, rid, limit);
      List<Long> flat = new ArrayList<>(points.size() * 2);
      for (Point point : points) {
        flat.add(point.time());
        flat.add(point.value());
      }
      return flat;
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  /**
   * A range read. Integer results travel exactly in {@code value}; averages, rates and any
   * value divided by {@code base} travel in {@code real}. A sum beyond 64 bits cannot travel
   * exactly, so it is refused naming {@code agg} rather than rounded.
   */
  @Override
  public List<Bucket> plot_range(RangeQuery query) throws TException {
    try {
      List<dev.plot.core.Bucket> buckets = service.range(toRangeQuery(query));
      Double base = query.isSetBase() ? Validation.checkBase(query.getBase()) : null;
      List<Bucket> out = new ArrayList<>(buckets.size());
      for (dev.plot.core.Bucket bucket : buckets) {
        out.add(toBucket(bucket, base));
      }
      return out;
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  private dev.plot.core.RangeQuery toRangeQuery(RangeQuery query) {
    List<Long> rids = query.isSetGroup() ? service.group(query.getGroup())
        : query.isSetRids() ? query.getRids() : List.of();
    return new dev.plot.core.RangeQuery(query.getCid(), rids, query.getFromTime(),
        query.getToTime(), query.isSetStep() ? query.getStep() : 0,
        query.isSetAgg() ? agg("agg", query.getAgg()) : null,
        query.isSetCombine() ? agg("combine", query.getCombine()) : null,
        query.isSetRate() && query.isRate(), null);
  }

  private static Agg agg(String field, String text) {
    try {
      return Agg.parse(text);
    } catch (IllegalArgumentException e) {
      throw PlotError.bad(field, field + " " + e.getMessage());
    }
  }

  private static Bucket toBucket(dev.plot.core.Bucket bucket, Double base) {
    Bucket out = new Bucket(bucket.time());
    BigDecimal value = bucket.value();
    if (value == null) {
      return out;
    }
    if (base != null) {
      out.setReal(value.doubleValue() / base);
      if (!Double.isFinite(out.getReal())) {
        throw PlotError.bad("base", "base " + base + " is too small: " + value.toPlainString()
            + " divided by it is not a finite number");
      }
    } else if (bucket.integral()) {
      try {
        out.setValue(value.longValueExact());
      } catch (ArithmeticException e) {
        throw PlotError.bad("agg", "the result " + value.toPlainString() + " at time "
            + bucket.time() + " is outside 64 bits; read it over HTTP, or use avg or a base");
      }
    } else {
      out.setReal(value.doubleValue());
    }
    return out;
  }

  @Override
  public void define_category(CategoryInfo info) throws TException {
    try {
      service.registry().define(toCategory(info));
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (IllegalArgumentException e) {
      throw ThriftErrors.toThrift(PlotError.bad("category", e.getMessage()));
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  @Override
  public CategoryInfo get_category(long cid) throws TException {
    try {
      return toInfo(service.registry().require(cid));
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  @Override
  public List<CategoryInfo> list_categories() throws TException {
    try {
      return service.registry().all().stream().map(PlotHandler::toInfo).toList();
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    } catch (RuntimeException e) {
      throw ThriftErrors.unexpected(e);
    }
  }

  @Override
  public String create_chart(String specJson) throws TException {
    try {
      if (specJson == null) {
        throw PlotError.bad("spec_json", "send a chart spec in JSON");
      }
      return charts.create(charts.parse(specJson)).code();
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    }
  }

  @Override
  public void authenticate(String token) throws TException {
    throw ThriftErrors.toThrift(PlotError.of(PlotError.Code.BAD_REQUEST, "token",
        "tokens are not configured on this server"));
  }

  /** A category from its Thrift form, with plot's defaults for absent fields. */
  public static Category toCategory(CategoryInfo info) {
    Rollup rollup = null;
    if (info.isSetRollupCid()) {
      rollup = new Rollup(info.getRollupCid(),
          info.isSetRollupStep() ? info.getRollupStep() : 86_400,
          Agg.parse(info.isSetRollupAgg() ? info.getRollupAgg() : "sum"),
          info.isSetRollupZone() ? info.getRollupZone() : null);
    }
    return new Category(info.getCid(), info.isSetName() ? info.getName() : "cid " + info.getCid(),
        info.getUnit(), info.isSetBase() ? info.getBase() : null,
        info.isSetStep() ? info.getStep() : Category.DEFAULT_STEP,
        info.isSetKind() ? Kind.parse(info.getKind()) : Kind.GAUGE,
        info.isSetWrap() ? info.getWrap() : null,
        info.isSetMaxGap() ? info.getMaxGap() : null,
        info.getZone(), info.isSetRetention() ? info.getRetention() : 0, rollup);
  }

  /** The Thrift form of a category. */
  public static CategoryInfo toInfo(Category category) {
    CategoryInfo info = new CategoryInfo(category.cid(), category.name());
    info.setUnit(category.unit());
    if (category.base() != null) {
      info.setBase(category.base());
    }
    info.setStep(category.step());
    info.setKind(category.kind().label());
    if (category.wrap() != null) {
      info.setWrap(category.wrap());
    }
    if (category.maxGap() != null) {
      info.setMaxGap(category.maxGap());
    }
    info.setZone(category.zone());
    info.setRetention(category.retention());
    if (category.rollup() != null) {
      info.setRollupCid(category.rollup().targetCid());
      info.setRollupStep(category.rollup().step());
      info.setRollupAgg(category.rollup().agg().label());
      info.setRollupZone(category.rollup().zone());
    }
    return info;
  }
}
