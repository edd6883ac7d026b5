package dev.plot.store.h2;

import dev.plot.api.PointStore;
import dev.plot.api.StoreProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Provides the embedded store as {@code --store h2}, the default. */
public final class H2StoreProvider implements StoreProvider {

  /** Directory holding the database file. */
  public static final String DATA_DIR = "data.dir";
  /** Whether each commit is forced to the disk, not only written to the operating system. */
  public static final String FSYNC = "h2.fsync";
  /** Connections kept open to the database. */
  public static final String POOL_SIZE = "h2.pool-size";

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public PointStore open(Map<String, String> settings) {
    Path dataDir = Path.of(settings.getOrDefault(DATA_DIR, "data"));
    boolean fsync = Boolean.parseBoolean(settings.getOrDefault(FSYNC, "false"));
    int poolSize = Integer.parseInt(settings.getOrDefault(POOL_SIZE, "8"));
    return new H2Store(dataDir, fsync, poolSize);
  }

  /** None: every key this store reads is in plot's settings catalog, which checks them. */
  @Override
  public List<String> settingPrefixes() {
    return List.of();
  }
}
