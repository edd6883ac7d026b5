package dev.plot.core.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job run on its own daemon thread every interval, one run at a time. A failed run is logged
 * once at ERROR and the next run starts on time. Closing asks a running pass to stop at its
 * next safe point and waits for it.
 */
public abstract class BackgroundJob implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BackgroundJob.class);

  /** How long closing waits for a running pass to reach a safe point. */
  private static final long STOP_WAIT_SECONDS = 30;

  private final String name;
  private final long intervalSeconds;
  private ScheduledExecutorService executor;
  private volatile boolean stopping;

  /**
   * @param name the job's name in logs and its thread's name
   * @param intervalSeconds seconds between the end of one run and the start of the next; 0
   *     never schedules it (a test or an operator may still call {@link #runOnce})
   */
  protected BackgroundJob(String name, long intervalSeconds) {
    this.name = name;
    this.intervalSeconds = intervalSeconds;
  }

  /** One pass of the job, on the caller's thread; stops early when the job is closing. */
  public abstract void runOnce();

  /** Whether a running pass should stop at its next safe point. */
  protected boolean stopping() {
    return stopping;
  }

  /** Schedules the job, first run one interval from now. */
  public synchronized void start() {
    if (intervalSeconds == 0) {
      log.info("job {} off (interval 0)", name);
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "plot-" + name);
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::runLogged, intervalSeconds, intervalSeconds,
        TimeUnit.SECONDS);
    log.info("job {} started interval={}s", name, intervalSeconds);
  }

  private void runLogged() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // The job boundary: log once and let the next run retry from the stored progress.
      log.error("job {} run failed reason={}", name, e.toString());
    }
  }

  /** Stops scheduling and waits for a running pass to stop at its next safe point. */
  @Override
  public synchronized void close() {
    stopping = true;
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("job {} still running after {}s; leaving it to stop on its own", name,
            STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
    log.info("job {} stopped", name);
  }
}
