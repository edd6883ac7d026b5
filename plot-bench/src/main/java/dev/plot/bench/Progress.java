package dev.plot.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints one progress line a second while a workload runs (done so far, the rate over the last
 * second, and the rate since the start), so a long run shows it is alive and how it is going.
 */
public final class Progress implements AutoCloseable {

  private final String label;
  private final String unit;
  private final long total;
  private final LongSupplier done;
  private final PrintStream out;
  private final Thread thread;
  private final long startNanos = System.nanoTime();
  private volatile boolean running = true;

  /**
   * Starts printing.
   *
   * @param total how many units the run will do, or 0 when open-ended
   */
  public Progress(String label, String unit, long total, LongSupplier done, PrintStream out) {
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.done = done;
    this.out = out;
    this.thread = new Thread(this::loop, "plot-bench-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long lastDone = 0;
    long lastNanos = startNanos;
    while (running) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      long count = done.getAsLong();
      double recent = (count - lastDone) / ((now - lastNanos) / 1e9);
      double overall = count / ((now - startNanos) / 1e9);
      String of = total > 0 ? String.format(Locale.ROOT, "/%,d (%.0f%%)", total,
          100.0 * count / total) : "";
      out.printf(Locale.ROOT, "%s: %,d%s %s, %,.0f %s/s now, %,.0f %s/s overall, %ds%n", label,
          count, of, unit, recent, unit, overall, unit,
          TimeUnit.NANOSECONDS.toSeconds(now - startNanos));
      lastDone = count;
      lastNanos = now;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
