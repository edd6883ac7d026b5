package dev.plot.core;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Range reads with buckets, exact aggregates and series combined. Sums and averages are
 * computed on {@link BigDecimal}, so no 64-bit overflow and no rounding through a double ever
 * changes a result; an average is exact to 34 significant digits.
 */
public final class RangeReader {

  /** Precision of averages and rates: IEEE 754 decimal128, 34 significant digits. */
  public static final MathContext DECIMALS = MathContext.DECIMAL128;

  private final PointStore store;
  private final int maxBuckets;
  private final int maxPoints;

  /**
   * @param maxBuckets most buckets one read returns
   * @param maxPoints most stored points one series may contribute to one read
   */
  public RangeReader(PointStore store, int maxBuckets, int maxPoints) {
    this.store = store;
    this.maxBuckets = maxBuckets;
    this.maxPoints = maxPoints;
  }

  /** The buckets of a range read, newest first. */
  public List<Bucket> read(RangeQuery query, Category category) {
    check(query);
    long step = query.step() > 0 ? query.step() : category.step();
    String zoneName = query.zone() != null ? query.zone() : category.zone();
    ZoneId zone = Validation.checkZone("zone", zoneName);
    long[] starts = bucketStarts(query.from(), query.to(), step, zone);
    Agg agg = query.agg() != null ? query.agg()
        : category.kind() == Kind.COUNTER && !query.rate() ? Agg.SUM : Agg.AVG;

    BigDecimal[][] perRid = new BigDecimal[query.rids().size()][];
    for (int r = 0; r < query.rids().size(); r++) {
      List<TimedValue> values = values(category, query.rids().get(r), query);
      perRid[r] = reduce(values, starts, query.to(), agg);
    }
    List<Bucket> newestFirst = new ArrayList<>(starts.length);
    for (int b = starts.length - 1; b >= 0; b--) {
      newestFirst.add(new Bucket(starts[b], combine(perRid, b, query.combine())));
    }
    return newestFirst;
  }

  private void check(RangeQuery query) {
    Validation.checkCid(query.cid());
    if (query.rids().isEmpty()) {
      throw PlotError.bad("rid", "name at least one rid");
    }
    Validation.checkRids(query.rids(), "rid");
    Validation.checkTime(query.from());
    if (query.to() <= query.from()) {
      throw PlotError.bad("to", "to must be after from (to is exclusive)");
    }
    if (query.step() < 0) {
      throw PlotError.bad("step", "step must be 1 second or more");
    }
    if (query.combine() != null && query.combine() != Agg.SUM && query.combine() != Agg.AVG
        && query.combine() != Agg.MAX && query.combine() != Agg.MIN) {
      throw PlotError.bad("combine", "combine must be sum, avg, max or min");
    }
  }

  /** Bucket starts covering {@code [from, to)}: epoch-aligned, or local midnights for days. */
  long[] bucketStarts(long from, long to, long step, ZoneId zone) {
    List<Long> starts = new ArrayList<>();
    if (step % 86_400 == 0) {
      long days = step / 86_400;
      LocalDate day = Instant.ofEpochSecond(from).atZone(zone).toLocalDate();
      long start = day.atStartOfDay(zone).toEpochSecond();
      while (start < to) {
        starts.add(start);
        tooMany(starts.size(), "step");
        day = day.plusDays(days);
        start = day.atStartOfDay(zone).toEpochSecond();
      }
    } else {
      long start = Math.floorDiv(from, step) * step;
      for (; start < to; start += step) {
        starts.add(start);
        tooMany(starts.size(), "step");
      }
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  private void tooMany(int buckets, String field) {
    if (buckets > maxBuckets) {
      throw PlotError.bad(field, "a range read returns at most " + CoreConfig.MAX_LIMIT + "="
          + maxBuckets + " buckets; use a larger step or a shorter range");
    }
  }

  /** The values of one series in the range: stored integers, increases or rates. */
  private List<TimedValue> values(Category category, long rid, RangeQuery query) {
    List<Point> points = store.range(category.cid(), rid, query.from(), query.to(),
        maxPoints + 1);
    if (points.size() > maxPoints) {
      throw PlotError.bad("from", "the range holds more than " + maxPoints + " points of rid "
          + rid + "; use a shorter range or a rollup");
    }
    if (category.kind() != Kind.COUNTER) {
      List<TimedValue> values = new ArrayList<>(points.size());
      for (Point point : points) {
        values.add(new TimedValue(point.time(), BigDecimal.valueOf(point.value())));
      }
      return values;
    }
    List<Point> samples = new ArrayList<>(points.size() + 1);
    store.before(category.cid(), rid, query.from()).ifPresent(samples::add);
    samples.addAll(points);
    return query.rate() ? rates(samples, category) : increases(samples, category);
  }

  private static List<TimedValue> increases(List<Point> samples, Category category) {
    List<TimedValue> values = new ArrayList<>(samples.size());
    for (Point increase : CounterMath.increases(samples, category)) {
      values.add(new TimedValue(increase.time(), BigDecimal.valueOf(increase.value())));
    }
    return values;
  }

  /**
   * Per-second rates. A sample at the same time as the one before it has no seconds of its
   * own: its increase joins the step that ended at that time, so rate times seconds still adds
   * up to the increase.
   */
  private static List<TimedValue> rates(List<Point> samples, Category category) {
    List<TimedValue> values = new ArrayList<>(samples.size());
    long stepIncrease = 0;
    long stepSeconds = 0;
    long stepEnd = Long.MIN_VALUE;
    for (CounterMath.Increase increase : CounterMath.increasesWithSeconds(samples, category)) {
      if (increase.seconds() == 0 && increase.time() == stepEnd && !values.isEmpty()) {
        stepIncrease += increase.value();
        values.set(values.size() - 1, rate(stepEnd, stepIncrease, stepSeconds));
      } else if (increase.seconds() > 0) {
        stepIncrease = increase.value();
        stepSeconds = increase.seconds();
        stepEnd = increase.time();
        values.add(rate(stepEnd, stepIncrease, stepSeconds));
      }
    }
    return values;
  }

  private static TimedValue rate(long time, long increase, long seconds) {
    return new TimedValue(time,
        clean(BigDecimal.valueOf(increase).divide(BigDecimal.valueOf(seconds), DECIMALS)));
  }

  /** Reduces values, oldest first, into the buckets; an empty bucket stays null. */
  static BigDecimal[] reduce(List<TimedValue> values, long[] starts, long to, Agg agg) {
    BigDecimal[] result = new BigDecimal[starts.length];
    long[] counts = new long[starts.length];
    int bucket = 0;
    for (TimedValue value : values) {
      while (bucket + 1 < starts.length && value.time() >= starts[bucket + 1]) {
        bucket++;
      }
      if (value.time() < starts[bucket] || value.time() >= to) {
        continue;
      }
      counts[bucket]++;
      BigDecimal current = result[bucket];
      result[bucket] = switch (agg) {
        case SUM, AVG -> current == null ? value.value() : current.add(value.value());
        case MIN -> current == null || value.value().compareTo(current) < 0
            ? value.value() : current;
        case MAX -> current == null || value.value().compareTo(current) > 0
            ? value.value() : current;
        case LAST -> value.value();
        case COUNT -> BigDecimal.valueOf(counts[bucket]);
      };
    }
    if (agg == Agg.AVG) {
      for (int b = 0; b < result.length; b++) {
        if (result[b] != null) {
          result[b] = clean(result[b].divide(BigDecimal.valueOf(counts[b]), DECIMALS));
        }
      }
    }
    return result;
  }

  private static BigDecimal combine(BigDecimal[][] perRid, int bucket, Agg combine) {
    if (perRid.length == 1) {
      return perRid[0][bucket];
    }
    BigDecimal[] present = Arrays.stream(perRid).map(values -> values[bucket])
        .filter(value -> value != null).toArray(BigDecimal[]::new);
    if (present.length == 0) {
      return null;
    }
    Agg how = combine != null ? combine : Agg.SUM;
    BigDecimal result = present[0];
    for (int i = 1; i < present.length; i++) {
      result = switch (how) {
        case MAX -> result.max(present[i]);
        case MIN -> result.min(present[i]);
        default -> result.add(present[i]);
      };
    }
    if (how == Agg.AVG) {
      result = clean(result.divide(BigDecimal.valueOf(present.length), DECIMALS));
    }
    return result;
  }

  /** A decimal without trailing zeros and never in exponent form when read back plainly. */
  static BigDecimal clean(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Local midnight of the day holding {@code time} in {@code zone}, for rollups. */
  public static long dayStart(long time, ZoneId zone) {
    ZonedDateTime at = Instant.ofEpochSecond(time).atZone(zone);
    return at.toLocalDate().atStartOfDay(zone).toEpochSecond();
  }

  /** A value at a time, before bucketing. */
  record TimedValue(long time, BigDecimal value) {
  }
}
