package dev.plot.core.jobs;

import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Rollup;
import dev.plot.api.Sample;
import dev.plot.api.WriteBatch;
import dev.plot.core.Bucket;
import dev.plot.core.PlotService;
import dev.plot.core.RangeQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills each rollup's target category: every closed bucket {@code [t, t + step)} of every rid
 * of the source becomes one point of the target at time {@code t}, with the same rid, reduced
 * by the rollup's aggregate with the rules of a range read (increases for a counter).
 *
 * <p>A bucket is closed once {@value JobsConfig#ROLLUP_LATENESS} seconds have passed after its
 * end, so points arriving that late still count. Progress is a watermark per series in the
 * store's metadata: the end of the last bucket written. The target points and the new
 * watermark commit in one transaction, under a batch id made of the series and the first
 * bucket, so a crash or a retry of a commit in doubt never writes a bucket twice, and two
 * servers rolling up the same store write each bucket once. An empty bucket writes no point.
 * An average is rounded half away from zero; a result outside 64 bits is left out and logged.
 */
public final class RollupJob extends BackgroundJob {

  private static final Logger log = LoggerFactory.getLogger(RollupJob.class);

  /** Metadata key prefix of rollup watermarks: {@code rollup:SOURCE:TARGET:RID}. */
  public static final String WATERMARK_PREFIX = "rollup:";

  private final PlotService service;
  private final PointStore store;
  private final JobsConfig config;
  private final Clock clock;
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong pointsWritten = new AtomicLong();
  private final AtomicLong batchesWritten = new AtomicLong();
  private final AtomicLong bucketsLeftOut = new AtomicLong();

  /**
   * @param service reads buckets with the rules of a range read; its store receives the target
   *     points and the watermarks
   * @param clock decides which buckets are closed
   */
  public RollupJob(PlotService service, JobsConfig config, Clock clock) {
    super("rollup", config.rollupIntervalSeconds());
    this.service = service;
    this.store = service.store();
    this.config = config;
    this.clock = clock;
  }

  /** The metadata key holding the end of the last bucket rolled up for one series. */
  public static String watermarkKey(long sourceCid, long targetCid, long rid) {
    return WATERMARK_PREFIX + sourceCid + ":" + targetCid + ":" + rid;
  }

  /** Completed runs since start. */
  public long runs() {
    return runs.get();
  }

  /** Target points written since start. */
  public long pointsWritten() {
    return pointsWritten.get();
  }

  /** Transactions (chunks of buckets with their watermark) committed since start. */
  public long batchesWritten() {
    return batchesWritten.get();
  }

  /** Buckets left out because their result does not fit in 64 bits. */
  public long bucketsLeftOut() {
    return bucketsLeftOut.get();
  }

  @Override
  public void runOnce() {
    long began = System.nanoTime();
    long now = clock.millis() / 1000;
    long pointsBefore = pointsWritten.get();
    long batchesBefore = batchesWritten.get();
    int categories = 0;
    int series = 0;
    for (Category category : store.categories()) {
      if (stopping()) {
        break;
      }
      if (category.rollup() == null) {
        continue;
      }
      categories++;
      defineTarget(category);
      for (long rid : store.rids(category.cid())) {
        if (stopping()) {
          break;
        }
        series++;
        rollSeries(category, rid, now);
      }
    }
    runs.incrementAndGet();
    log.info("rollup run categories={} series={} points={} batches={} millis={}", categories,
        series, pointsWritten.get() - pointsBefore, batchesWritten.get() - batchesBefore,
        (System.nanoTime() - began) / 1_000_000);
  }

  /** Defines the target as a gauge of the rollup's step unless it exists. */
  private void defineTarget(Category source) {
    Rollup rollup = source.rollup();
    if (store.category(rollup.targetCid()).isPresent()) {
      return;
    }
    Category target = new Category(rollup.targetCid(), "rollup of cid " + source.cid() + " ("
        + rollup.agg().label() + ")", source.unit(), null, rollup.step(), Kind.GAUGE, null, null,
        rollup.zone(), 0, null);
    if (store.insertCategory(target)) {
      log.info("rollup target defined cid={} source={} step={}", target.cid(), source.cid(),
          rollup.step());
    }
  }

  private void rollSeries(Category category, long rid, long now) {
    RollupBuckets buckets = new RollupBuckets(category.rollup());
    long closedEnd = buckets.start(now - config.rollupLatenessSeconds());
    String key = watermarkKey(category.cid(), category.rollup().targetCid(), rid);
    int chunk = chunkBuckets(category);
    while (!stopping()) {
      long from = nextBucket(category, rid, key, buckets, closedEnd);
      if (from < 0) {
        return;
      }
      long to = from;
      for (int n = 0; n < chunk && to < closedEnd; n++) {
        to = buckets.end(to);
      }
      writeChunk(category, rid, key, from, to);
    }
  }

  /**
   * The start of the next bucket with points to roll up, or -1 when every closed bucket is
   * done. An empty stretch is skipped in one step.
   */
  private long nextBucket(Category category, long rid, String key, RollupBuckets buckets,
      long closedEnd) {
    Optional<String> mark = store.meta(key);
    long from = mark.map(Long::parseLong).orElse(0L);
    if (from >= closedEnd) {
      return -1;
    }
    List<Point> next = store.range(category.cid(), rid, from, closedEnd, 1);
    if (next.isEmpty()) {
      if (mark.isPresent()) {
        // No points to write: moving the watermark alone needs no transaction with points,
        // and losing this update only means looking at the same empty stretch again.
        store.putMeta(key, Long.toString(closedEnd));
      }
      return -1;
    }
    return Math.max(from, buckets.start(next.get(0).time()));
  }

  /** Buckets per transaction, fewer when a bucket holds many source points. */
  private int chunkBuckets(Category category) {
    long pointsPerBucket = Math.max(1, 2 * (category.rollup().step() / category.step() + 1));
    long fit = service.config().maxRangePoints() / pointsPerBucket;
    return (int) Math.max(1, Math.min(config.rollupChunkBuckets(), fit));
  }

  private void writeChunk(Category category, long rid, String key, long from, long to) {
    Rollup rollup = category.rollup();
    List<Bucket> newestFirst = service.range(new RangeQuery(category.cid(), List.of(rid), from,
        to, rollup.step(), rollup.agg(), null, false, rollup.zone()));
    List<Sample> samples = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Bucket bucket = newestFirst.get(i);
      if (bucket.value() == null) {
        continue;
      }
      Long value = toLong(bucket.value());
      if (value == null) {
        bucketsLeftOut.incrementAndGet();
        log.error("rollup bucket left out cid={} rid={} time={} value={} reason=outside 64 bits",
            category.cid(), rid, bucket.time(), bucket.value().toPlainString());
        continue;
      }
      samples.add(new Sample(rollup.targetCid(), rid, bucket.time(), value));
    }
    String batchId = key + ":" + from;
    store.append(new WriteBatch(batchId, samples, Map.of(key, Long.toString(to))));
    pointsWritten.addAndGet(samples.size());
    batchesWritten.incrementAndGet();
  }

  private static Long toLong(BigDecimal value) {
    try {
      return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
