package dev.plot.store.log;

import dev.plot.api.PointStore;
import dev.plot.api.StoreProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Provides the embedded log store as {@code --store log}, the default. */
public final class LogStoreProvider implements StoreProvider {

  /** Directory of the data; the log store keeps its files in {@code log/} under it. */
  public static final String DATA_DIR = "data.dir";
  /** Whether each write is forced to the disk, not only handed to the operating system. */
  public static final String FSYNC = "log.fsync";
  /** Size at which the log moves on to a new segment file. */
  public static final String SEGMENT_BYTES = "log.segment-bytes";
  /** Log size above which opening the store writes a snapshot and drops older segments. */
  public static final String COMPACT_BYTES = "log.compact-bytes";

  @Override
  public String name() {
    return "log";
  }

  @Override
  public PointStore open(Map<String, String> settings) {
    Path dir = Path.of(settings.getOrDefault(DATA_DIR, "data")).resolve("log");
    return new LogStore(dir,
        Boolean.parseBoolean(settings.getOrDefault(FSYNC, "false")),
        Long.parseLong(settings.getOrDefault(SEGMENT_BYTES, String.valueOf(256L << 20))),
        Long.parseLong(settings.getOrDefault(COMPACT_BYTES, String.valueOf(512L << 20))));
  }

  /** None: every key this store reads is in plot's settings catalog, which checks them. */
  @Override
  public List<String> settingPrefixes() {
    return List.of();
  }
}
