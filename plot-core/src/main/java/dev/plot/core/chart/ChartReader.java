package dev.plot.core.chart;

import dev.plot.api.Category;
import dev.plot.api.Point;
import dev.plot.core.Bucket;
import dev.plot.core.PlotService;
import dev.plot.core.RangeQuery;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data a chart shows. A {@code limit} chart takes each series' newest points and
 * marks a gap (a null) wherever two neighbours lie more than 1.5 times their usual spacing
 * apart; a time window takes the buckets of a range read, where an empty bucket is already a
 * null.
 */
public final class ChartReader {

  /** Precision of values divided by a base: 16 significant digits, as a double shows. */
  private static final MathContext BASE_PRECISION = MathContext.DECIMAL64;

  private final PlotService service;
  private final Clock clock;

  public ChartReader(PlotService service, Clock clock) {
    this.service = service;
    this.clock = clock;
  }

  /**
   * The data of a chart.
   *
   * @throws dev.plot.core.PlotError when a read is refused (a range too long for its step)
   */
  public ChartData read(ChartSpec spec) {
    List<ChartData.Series> series = new ArrayList<>(spec.series().size());
    long shortestStep = Long.MAX_VALUE;
    for (ChartSeries one : spec.series()) {
      Category category = service.registry().find(one.cid())
          .orElse(Category.defaults(one.cid()));
      long step = spec.step() != null ? spec.step() : category.step();
      shortestStep = Math.min(shortestStep, step);
      List<ChartData.Value> points = spec.timeWindow()
          ? window(spec, one, step) : newest(spec, one, step);
      series.add(new ChartData.Series(one.cid(), one.rid(), one.label(), points));
    }
    return new ChartData(spec, series, shortestStep);
  }

  private List<ChartData.Value> newest(ChartSpec spec, ChartSeries one, long step) {
    List<Point> newestFirst = service.newest(one.cid(), one.rid(), spec.limit());
    long spacing = usualSpacing(newestFirst, step);
    List<ChartData.Value> points = new ArrayList<>(newestFirst.size() + 8);
    Point previous = null;
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Point point = newestFirst.get(i);
      // Integer form of "more than 1.5 times the usual spacing": one missing sample is a gap.
      if (previous != null && 2 * (point.time() - previous.time()) > 3 * spacing) {
        points.add(new ChartData.Value(previous.time() + spacing, null));
      }
      points.add(new ChartData.Value(point.time(), divide(BigDecimal.valueOf(point.value()),
          spec.base())));
      previous = point;
    }
    return points;
  }

  /**
   * The lower median of the spacings between neighbours, so a category whose step setting
   * differs from how often points really come still breaks its line only at real gaps.
   */
  static long usualSpacing(List<Point> newestFirst, long step) {
    List<Long> spacings = new ArrayList<>(newestFirst.size());
    for (int i = 0; i + 1 < newestFirst.size(); i++) {
      long spacing = newestFirst.get(i).time() - newestFirst.get(i + 1).time();
      if (spacing > 0) {
        spacings.add(spacing);
      }
    }
    if (spacings.isEmpty()) {
      return step;
    }
    spacings.sort(null);
    return spacings.get((spacings.size() - 1) / 2);
  }

  private List<ChartData.Value> window(ChartSpec spec, ChartSeries one, long step) {
    long from;
    long to;
    if (spec.from() != null) {
      from = spec.from();
      to = spec.to();
    } else {
      // A window ending now includes the bucket now falls in, so the newest data shows.
      long now = clock.millis() / 1000;
      to = Math.floorDiv(now, step) * step + step;
      from = to - spec.range();
    }
    RangeQuery query = new RangeQuery(one.cid(), List.of(one.rid()), from, to, step,
        spec.agg(), null, false, spec.zone());
    List<Bucket> buckets = service.range(query);
    List<ChartData.Value> points = new ArrayList<>(buckets.size());
    for (int i = buckets.size() - 1; i >= 0; i--) {
      Bucket bucket = buckets.get(i);
      points.add(new ChartData.Value(bucket.time(), divide(bucket.value(), spec.base())));
    }
    return points;
  }

  /** A value divided by the base, exact when it can be, never in exponent form. */
  static BigDecimal divide(BigDecimal value, BigDecimal base) {
    if (value == null) {
      return null;
    }
    BigDecimal result = base == null ? value : value.divide(base, BASE_PRECISION);
    BigDecimal stripped = result.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
