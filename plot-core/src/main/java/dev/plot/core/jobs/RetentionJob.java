package dev.plot.core.jobs;

import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.PointStore;
import dev.plot.api.Rollup;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the points of each category older than its retention, in steps of at most
 * {@value JobsConfig#RETENTION_DELETE_ROWS} points with a pause between steps, so each step is
 * a short transaction and writers and readers never wait long.
 *
 * <p>A category with a rollup keeps every point its rollup has not yet read: nothing at or
 * after the oldest watermark of its rids (for a counter, also the samples one maximum gap
 * before it, which the first increase of the next bucket needs). Until every rid has a
 * watermark, nothing of that category is deleted.
 */
public final class RetentionJob extends BackgroundJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final PointStore store;
  private final JobsConfig config;
  private final Clock clock;
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong pointsDeleted = new AtomicLong();
  private final AtomicLong steps = new AtomicLong();

  /** @param clock decides which points are older than their category's retention */
  public RetentionJob(PointStore store, JobsConfig config, Clock clock) {
    super("retention", config.retentionIntervalSeconds());
    this.store = store;
    this.config = config;
    this.clock = clock;
  }

  /** Completed runs since start. */
  public long runs() {
    return runs.get();
  }

  /** Points deleted since start. */
  public long pointsDeleted() {
    return pointsDeleted.get();
  }

  /** Delete steps (short transactions) since start. */
  public long steps() {
    return steps.get();
  }

  @Override
  public void runOnce() {
    long began = System.nanoTime();
    long now = clock.millis() / 1000;
    long deletedBefore = pointsDeleted.get();
    long stepsBefore = steps.get();
    int categories = 0;
    for (Category category : store.categories()) {
      if (stopping()) {
        break;
      }
      if (category.retention() == 0) {
        continue;
      }
      categories++;
      long cutoff = Math.min(now - category.retention(), rolledUpBefore(category));
      if (cutoff > 0) {
        deleteBefore(category.cid(), cutoff);
      }
    }
    runs.incrementAndGet();
    log.info("retention run categories={} deleted={} steps={} millis={}", categories,
        pointsDeleted.get() - deletedBefore, steps.get() - stepsBefore,
        (System.nanoTime() - began) / 1_000_000);
  }

  /** The time before which the rollup has read every point, or the maximum without one. */
  private long rolledUpBefore(Category category) {
    Rollup rollup = category.rollup();
    if (rollup == null) {
      return Long.MAX_VALUE;
    }
    String prefix = RollupJob.watermarkKey(category.cid(), rollup.targetCid(), 0);
    prefix = prefix.substring(0, prefix.length() - 1);
    Map<String, String> marks = store.metaWithPrefix(prefix);
    long oldest = Long.MAX_VALUE;
    for (long rid : store.rids(category.cid())) {
      String mark = marks.get(prefix + rid);
      if (mark == null) {
        return 0;
      }
      oldest = Math.min(oldest, Long.parseLong(mark));
    }
    return category.kind() == Kind.COUNTER ? oldest - category.effectiveMaxGap() : oldest;
  }

  private void deleteBefore(long cid, long cutoff) {
    while (!stopping()) {
      int deleted = store.deleteBefore(cid, cutoff, config.retentionDeleteRows());
      pointsDeleted.addAndGet(deleted);
      steps.incrementAndGet();
      if (deleted < config.retentionDeleteRows() || !pause()) {
        return;
      }
    }
  }

  /** Leaves room for writers between two steps; false when interrupted. */
  private boolean pause() {
    if (config.retentionPauseMillis() == 0) {
      return true;
    }
    try {
      Thread.sleep(config.retentionPauseMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
