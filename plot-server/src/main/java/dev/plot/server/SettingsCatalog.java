package dev.plot.server;

import dev.plot.core.CoreConfig;
import dev.plot.core.access.AccessConfig;
import dev.plot.core.chart.ChartConfig;
import dev.plot.core.jobs.JobsConfig;
import dev.plot.core.tls.TlsConfig;
import dev.plot.http.HttpConfig;
import dev.plot.http.guard.HttpLimits;
import dev.plot.thrift.ThriftConfig;
import dev.plot.thrift.security.ThriftLimits;
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
      new Entry("h2.pool-size", "8", "connections kept open to the H2 database"),
      new Entry("mysql.url", "jdbc:mysql://127.0.0.1:3306/plot", "JDBC URL of the MySQL store;"
          + " several hosts for failover"),
      new Entry("mysql.user", "plot", "MySQL user"),
      new Entry("mysql.password", "", "MySQL password"),
      new Entry("mysql.pool-size", "8", "MySQL connections"),
      new Entry("mysql.table-pattern", "plot_{cid}", "table of a cid's points; {cid} serves the"
          + " original system's tables"),
      new Entry("mysql.write-wait-ms", "30000", "ms a write waits for a database that went"
          + " away before it fails"),
      new Entry("mysql.retries", "5", "retries of a transaction after a conflict (1213) or a"
          + " connection lost before its commit was known"),
      new Entry("mysql.causal-reads", "true", "on Galera, reads wait for writes committed on"
          + " other nodes (wsrep_sync_wait=1)"),
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
      new Entry(CoreConfig.MAX_RANGE_POINTS, "1000000", "most stored points of one series one"
          + " range read may bring in"),
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
          + " steps, leaving room for writers"),
      new Entry(ChartConfig.MAX_WIDTH, "4000", "widest chart picture, pixels; wider is a 400"),
      new Entry(ChartConfig.MAX_HEIGHT, "4000", "tallest chart picture, pixels; taller is a 400"),
      new Entry(ChartConfig.WIDTH, "800", "chart width when neither spec nor request gives one"),
      new Entry(ChartConfig.HEIGHT, "400", "chart height when neither spec nor request gives one"),
      new Entry(ChartConfig.MAX_SERIES, "20", "most series one chart shows"),
      new Entry(ChartConfig.DEFAULT_LIMIT, "1440", "newest points per series of a chart without"
          + " a window"),
      new Entry(ChartConfig.FONT, "Noto Sans CJK SC", "font family of PNG charts; it must hold"
          + " the glyphs of titles"),
      new Entry(ChartConfig.EMOJI_FONT, "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
          "colour-emoji font whose pictures PNG charts draw for emoji, or none"),
      new Entry(TlsConfig.CERT_FILE, "", "PEM certificate chain of the server (TLS)"),
      new Entry(TlsConfig.KEY_FILE, "", "PEM private key of the server, unencrypted (TLS)"),
      new Entry(TlsConfig.KEYSTORE_FILE, "", "PKCS12 or JKS keystore instead of the PEM files"),
      new Entry(TlsConfig.KEYSTORE_PASSWORD, "", "password of the keystore and its key"),
      new Entry(ThriftLimits.TLS, "false", "Thrift over TLS (a thread-pool server)"),
      new Entry(ThriftLimits.MAX_CONNECTIONS, "1000", "most open Thrift connections; more are"
          + " closed on arrival"),
      new Entry(ThriftLimits.READ_TIMEOUT, "30000", "ms a client may take to send one frame"
          + " once started (with TLS: any read); slower clients are dropped"),
      new Entry(ThriftLimits.IDLE_TIMEOUT, "600000", "ms a Thrift connection may stay without"
          + " sending a frame"),
      new Entry(ThriftLimits.MAX_BUFFER, "67108864", "bytes of Thrift frames being read at once,"
          + " all connections together"),
      new Entry(HttpLimits.TLS, "false", "HTTPS instead of HTTP"),
      new Entry(HttpLimits.IDLE_TIMEOUT, "30000", "ms an HTTP connection may go without a byte;"
          + " bounds slow requests"),
      new Entry(HttpLimits.MAX_CONNECTIONS, "1000", "most open HTTP connections; more wait"),
      new Entry(AccessConfig.WRITE_ALLOW, AccessConfig.LOOPBACK, "networks (CIDR, IPv4 and"
          + " IPv6) that may write without a token"),
      new Entry(AccessConfig.READ_OPEN, "true", "anyone who can connect may read series; false:"
          + " allow-list or a read token"),
      new Entry(AccessConfig.WRITE_RATE, "0", "write requests per second per client address;"
          + " 0 is off; loopback is never limited"),
      new Entry(AccessConfig.TOKEN_RELOAD, "5000", "ms between reads of the tokens from the"
          + " store"));

  private SettingsCatalog() {
  }
}
