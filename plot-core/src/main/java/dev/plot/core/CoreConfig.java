package dev.plot.core;

/**
 * The core's limits and write-path settings, each read from a named setting.
 *
 * @param maxLimit largest {@code limit} a read returns; larger ones are clamped to it
 * @param maxBatchSamples most samples one call may save
 * @param autoDefine whether a write to an unknown cid defines it with defaults
 * @param commitSamples most samples one group commit holds
 * @param commitWaitMicros how long a group commit waits for more writes to join it
 * @param queueSamples most samples waiting for a commit before writes are refused as busy
 * @param writeThreads threads committing groups in parallel
 * @param commitTimeoutMillis how long a write waits for its commit before it fails
 * @param maxRangePoints most stored points one series may bring into one range read
 */
public record CoreConfig(
    int maxLimit,
    int maxBatchSamples,
    boolean autoDefine,
    int commitSamples,
    long commitWaitMicros,
    int queueSamples,
    int writeThreads,
    long commitTimeoutMillis,
    int maxRangePoints) {

  public static final String MAX_LIMIT = "limit.max-points";
  public static final String MAX_BATCH = "limit.batch-samples";
  public static final String AUTO_DEFINE = "categories.auto-define";
  public static final String COMMIT_SAMPLES = "write.commit-samples";
  public static final String COMMIT_WAIT = "write.commit-wait-micros";
  public static final String QUEUE_SAMPLES = "write.queue-samples";
  public static final String WRITE_THREADS = "write.threads";
  public static final String COMMIT_TIMEOUT = "write.commit-timeout-ms";
  public static final String MAX_RANGE_POINTS = "limit.range-points";

  public static CoreConfig from(Settings settings) {
    CoreConfig config = new CoreConfig(
        settings.getInt(MAX_LIMIT, 100_000),
        settings.getInt(MAX_BATCH, 100_000),
        settings.getBoolean(AUTO_DEFINE, true),
        settings.getInt(COMMIT_SAMPLES, 20_000),
        settings.getLong(COMMIT_WAIT, 0),
        settings.getInt(QUEUE_SAMPLES, 1_000_000),
        settings.getInt(WRITE_THREADS, 1),
        settings.getLong(COMMIT_TIMEOUT, 60_000),
        settings.getInt(MAX_RANGE_POINTS, 1_000_000));
    config.check();
    return config;
  }

  public static CoreConfig defaults() {
    return from(new Settings(java.util.Map.of()));
  }

  private void check() {
    positive(MAX_LIMIT, maxLimit);
    positive(MAX_BATCH, maxBatchSamples);
    positive(COMMIT_SAMPLES, commitSamples);
    positive(QUEUE_SAMPLES, queueSamples);
    positive(WRITE_THREADS, writeThreads);
    positive(COMMIT_TIMEOUT, commitTimeoutMillis);
    positive(MAX_RANGE_POINTS, maxRangePoints);
    if (commitWaitMicros < 0) {
      throw new IllegalArgumentException("setting " + COMMIT_WAIT + " must be 0 or more");
    }
  }

  private static void positive(String key, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("setting " + key + " must be 1 or more, not " + value);
    }
  }
}
