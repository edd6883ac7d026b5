package dev.plot.server;

import dev.plot.core.CoreConfig;
import dev.plot.core.jobs.JobsConfig;
import dev.plot.http.HttpConfig;
import dev.plot.thrift.ThriftConfig;
import java.util.List;

/**
 * Every documented setting with its default and meaning. README's settings table follows this
 * list; {@code plot settings} prints it.
 */
public final class SettingsCatalog {

  /** One documented setting. */
  public record Entry(String key, String defaultValue, String meaning) {
  }

  /** Which store serves the points: {@code log} (embedded), {@code h2}, {@code mysql}. */
  public static final String STORE = "store";
  /** Directory of the embedded store. */
  public static final String DATA_DIR = "data.dir";

  public static final List<Entry> ENTRIES = List.of(
      new Entry(STORE, "log", "store: log (embedded, default), h2 (embedded), mysql, or a"
          + " plugin's name"),
      new Entry(DATA_DIR, "data", "directory of the embedded stores"),
      new Entry("log.fsync", "false", "force every log write to the disk, not only to the OS"),
      new Entry("log.segment-bytes", "268435456", "log segment file size"),
      new Entry("log.compact-bytes", "536870912", "log size above which start-up writes a"
          + " snapshot and drops old segments"),
      new Entry("h2.fsync", "false", "force every H2 commit to the disk (not only to the OS)"),
      new Entry(ThriftConfig.HOST, "127.0.0.1", "Thrift listen address"),
      new Entry(ThriftConfig.PORT, "9090", "Thrift port"),
      new Entry(ThriftConfig.PROTOCOL, "binary", "Thrift protocol: binary or compact"),
      new Entry(ThriftConfig.MAX_FRAME, "16777216", "largest Thrift frame, bytes"),
      new Entry(ThriftConfig.WORKERS, "8", "Thrift worker threads"),
      new Entry(ThriftConfig.SELECTORS, "2", "Thrift selector threads"),
      new Entry(HttpConfig.HOST, "127.0.0.1", "HTTP listen address"),
      new Entry(HttpConfig.PORT, "8080", "HTTP port"),
      new Entry(HttpConfig.MAX_BODY, "16777216", "largest HTTP request body, bytes"),
      new Entry(HttpConfig.PUBLIC_URL, "", "base URL of chart links (default: the request's)"),
      new Entry(CoreConfig.MAX_LIMIT, "100000", "most points one read returns; larger limits are"
          + " clamped"),
      new Entry(CoreConfig.MAX_BATCH, "100000", "most samples one save call may carry"),
      new Entry(CoreConfig.AUTO_DEFINE, "true", "a write to an unknown cid defines it"),
      new Entry(CoreConfig.COMMIT_SAMPLES, "20000", "most samples in one group commit"),
      new Entry(CoreConfig.COMMIT_WAIT, "0", "microseconds a group commit waits for company"),
      new Entry(CoreConfig.QUEUE_SAMPLES, "1000000", "samples waiting for a commit before writes"
          + " are refused as busy"),
      new Entry(CoreConfig.WRITE_THREADS, "1", "threads committing groups"),
      new Entry(CoreConfig.COMMIT_TIMEOUT, "60000", "ms a write waits for its commit"),
      new Entry(JobsConfig.ROLLUP_INTERVAL, "60", "seconds between rollup runs; 0 turns"
          + " rollups off"),
      new Entry(JobsConfig.ROLLUP_LATENESS, "300", "seconds after a bucket ends before it is"
          + " rolled up; points arriving later than this are not in the rollup"),
      new Entry(JobsConfig.ROLLUP_CHUNK, "100", "most buckets of one series a rollup writes in"
          + " one transaction"),
      new Entry(JobsConfig.RETENTION_INTERVAL, "300", "seconds between retention runs; 0 turns"
          + " retention off"),
      new Entry(JobsConfig.RETENTION_DELETE_ROWS, "10000", "most points one retention step"
          + " deletes in one transaction"),
      new Entry(JobsConfig.RETENTION_PAUSE, "10", "ms retention pauses between two delete"
          + " steps, leaving room for writers"));

  private SettingsCatalog() {
  }
}
