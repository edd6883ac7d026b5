package dev.plot.core.jobs;

import dev.plot.core.Settings;

/**
 * Settings of the background jobs, each read from a named setting.
 *
 * @param rollupIntervalSeconds seconds between rollup runs; 0 turns rollups off
 * @param rollupLatenessSeconds how long after a bucket ends points may still arrive for it; a
 *     bucket is rolled up only once this has passed, so late points within it count
 * @param rollupChunkBuckets most buckets of one series written in one transaction
 * @param retentionIntervalSeconds seconds between retention runs; 0 turns retention off
 * @param retentionDeleteRows most points one delete step removes, so each step is a short
 *     transaction and writers wait at most for one step
 * @param retentionPauseMillis pause between two delete steps, leaving room for writers
 */
public record JobsConfig(
    long rollupIntervalSeconds,
    long rollupLatenessSeconds,
    int rollupChunkBuckets,
    long retentionIntervalSeconds,
    int retentionDeleteRows,
    long retentionPauseMillis) {

  public static final String ROLLUP_INTERVAL = "rollup.interval-seconds";
  public static final String ROLLUP_LATENESS = "rollup.lateness-seconds";
  public static final String ROLLUP_CHUNK = "rollup.chunk-buckets";
  public static final String RETENTION_INTERVAL = "retention.interval-seconds";
  public static final String RETENTION_DELETE_ROWS = "retention.delete-rows";
  public static final String RETENTION_PAUSE = "retention.pause-ms";

  /**
   * Reads and checks every job setting.
   *
   * @throws IllegalArgumentException naming the setting that is malformed or out of range
   */
  public static JobsConfig from(Settings settings) {
    JobsConfig config = new JobsConfig(
        settings.getLong(ROLLUP_INTERVAL, 60),
        settings.getLong(ROLLUP_LATENESS, 300),
        settings.getInt(ROLLUP_CHUNK, 100),
        settings.getLong(RETENTION_INTERVAL, 300),
        settings.getInt(RETENTION_DELETE_ROWS, 10_000),
        settings.getLong(RETENTION_PAUSE, 10));
    config.check();
    return config;
  }

  private void check() {
    atLeast(ROLLUP_INTERVAL, rollupIntervalSeconds, 0);
    atLeast(ROLLUP_LATENESS, rollupLatenessSeconds, 0);
    atLeast(ROLLUP_CHUNK, rollupChunkBuckets, 1);
    atLeast(RETENTION_INTERVAL, retentionIntervalSeconds, 0);
    atLeast(RETENTION_DELETE_ROWS, retentionDeleteRows, 1);
    atLeast(RETENTION_PAUSE, retentionPauseMillis, 0);
  }

  private static void atLeast(String key, long value, long minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException("setting " + key + " must be " + minimum
          + " or more, not " + value);
    }
  }
}
