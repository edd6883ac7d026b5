package dev.plot.core;

import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: concurrent writes queue up while a commit runs, and the next commit takes all
 * of them in one transaction. A write's future completes only after the transaction holding
 * its samples has committed, so an acknowledgement always follows a commit.
 *
 * <p>Closing stops new writes, commits everything already queued, then returns.
 */
public final class WritePath implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WritePath.class);

  private final PointStore store;
  private final CoreConfig config;
  private final LinkedBlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
  private final Semaphore queuedSamples;
  private final List<Thread> committers = new ArrayList<>();
  private final AtomicLong committedSamples = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private volatile boolean closing;

  public WritePath(PointStore store, CoreConfig config) {
    this.store = store;
    this.config = config;
    this.queuedSamples = new Semaphore(config.queueSamples());
    for (int i = 0; i < config.writeThreads(); i++) {
      Thread thread = new Thread(this::commitLoop, "plot-commit-" + i);
      thread.setDaemon(false);
      committers.add(thread);
      thread.start();
    }
  }

  /**
   * Saves samples that are already valid and timed, returning once they are committed.
   *
   * @throws PlotError UNAVAILABLE when the queue is full, the store failed, or the server is
   *     shutting down
   */
  public int save(List<Sample> samples) {
    CompletableFuture<Integer> done = submit(samples);
    try {
      return done.get(config.commitTimeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PlotError.unavailable("interrupted while waiting for the commit");
    } catch (TimeoutException e) {
      throw PlotError.unavailable("no commit within " + CoreConfig.COMMIT_TIMEOUT + "="
          + config.commitTimeoutMillis() + " ms; the samples may or may not be saved");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PlotError error) {
        throw error;
      }
      throw PlotError.unavailable("store failed: " + e.getCause().getMessage());
    }
  }

  /** Queues samples for the next group commit; the future completes after that commit. */
  public CompletableFuture<Integer> submit(List<Sample> samples) {
    if (closing) {
      throw PlotError.unavailable("server is shutting down; nothing was saved");
    }
    if (samples.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    if (!queuedSamples.tryAcquire(samples.size())) {
      throw PlotError.of(PlotError.Code.UNAVAILABLE, CoreConfig.QUEUE_SAMPLES,
          "server busy: more than " + CoreConfig.QUEUE_SAMPLES + "=" + config.queueSamples()
              + " samples wait for a commit; nothing was saved, retry later");
    }
    PendingWrite pending = new PendingWrite(samples, new CompletableFuture<>());
    queue.add(pending);
    return pending.done();
  }

  /** Samples committed since start. */
  public long committedSamples() {
    return committedSamples.get();
  }

  /** Group commits since start. */
  public long commits() {
    return commits.get();
  }

  private void commitLoop() {
    List<PendingWrite> group = new ArrayList<>();
    while (true) {
      PendingWrite first;
      try {
        first = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        if (queue.isEmpty()) {
          return;
        }
        continue;
      }
      if (first == null) {
        if (closing && queue.isEmpty()) {
          return;
        }
        continue;
      }
      group.clear();
      group.add(first);
      gather(group, first.samples().size());
      commit(group);
    }
  }

  private void gather(List<PendingWrite> group, int sampleCount) {
    long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(config.commitWaitMicros());
    int total = sampleCount;
    while (total < config.commitSamples()) {
      PendingWrite next = queue.peek();
      if (next != null && total + next.samples().size() > config.commitSamples()) {
        return;
      }
      next = queue.poll();
      if (next == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          next = queue.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (next == null) {
          return;
        }
      }
      group.add(next);
      total += next.samples().size();
    }
  }

  private void commit(List<PendingWrite> group) {
    List<Sample> samples;
    if (group.size() == 1) {
      samples = group.get(0).samples();
    } else {
      samples = new ArrayList<>();
      for (PendingWrite pending : group) {
        samples.addAll(pending.samples());
      }
    }
    try {
      store.append(WriteBatch.of(UUID.randomUUID().toString(), samples));
      committedSamples.addAndGet(samples.size());
      commits.incrementAndGet();
      for (PendingWrite pending : group) {
        pending.done().complete(pending.samples().size());
      }
    } catch (RuntimeException e) {
      log.warn("commit failed samples={} writes={} reason={}", samples.size(), group.size(),
          e.getMessage());
      PlotError error = PlotError.unavailable("store did not commit: " + e.getMessage()
          + "; nothing of this call was acknowledged");
      for (PendingWrite pending : group) {
        pending.done().completeExceptionally(error);
      }
    } finally {
      queuedSamples.release(samples.size());
    }
  }

  /** Stops taking writes and commits everything queued before returning. */
  @Override
  public void close() {
    closing = true;
    for (Thread thread : committers) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    log.info("write path closed commits={} samples={}", commits.get(), committedSamples.get());
  }

  private record PendingWrite(List<Sample> samples, CompletableFuture<Integer> done) {
  }
}
