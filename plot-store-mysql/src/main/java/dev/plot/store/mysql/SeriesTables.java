package dev.plot.store.mysql;

import dev.plot.api.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds, creates and remembers the table of each cid. Creation is {@code CREATE TABLE IF NOT
 * EXISTS}, so writers (or servers) racing on a new cid all succeed and one of them creates it;
 * a table once seen is cached, so DDL, which briefly stalls a whole Galera cluster, runs once
 * per new cid and not on every write. Absent tables are not cached: another server may create
 * them at any time.
 */
final class SeriesTables {

  private static final List<String> PLOT_KEY = List.of("rid", "time", "id");
  private static final List<String> ORIGINAL_KEY = List.of("id");

  private final MysqlSettings settings;
  private final ConcurrentMap<Long, SeriesTable> known = new ConcurrentHashMap<>();

  SeriesTables(MysqlSettings settings) {
    this.settings = settings;
  }

  /** The table of a cid if it exists; reads of an absent table are reads of no points. */
  Optional<SeriesTable> find(long cid, MysqlMapper mapper) {
    SeriesTable table = known.get(cid);
    if (table != null) {
      return Optional.of(table);
    }
    return describe(settings.tableOf(cid), mapper).map(found -> remember(cid, found));
  }

  /**
   * The table of a cid, created when absent. Must run outside a transaction: DDL commits
   * whatever transaction is open on its connection.
   */
  SeriesTable ensure(long cid, MysqlMapper mapper) {
    SeriesTable table = known.get(cid);
    if (table != null) {
      return table;
    }
    String name = settings.tableOf(cid);
    Optional<SeriesTable> found = describe(name, mapper);
    if (found.isEmpty()) {
      mapper.createSeriesTable(name);
      found = describe(name, mapper);
    }
    return remember(cid, found.orElseThrow(() -> new StoreException(
        "table `" + name + "` is still missing after CREATE TABLE")));
  }

  /** Forgets every cached table, after one was found missing. */
  void forgetAll() {
    known.clear();
  }

  private SeriesTable remember(long cid, SeriesTable table) {
    SeriesTable earlier = known.putIfAbsent(cid, table);
    return earlier != null ? earlier : table;
  }

  private static Optional<SeriesTable> describe(String name, MysqlMapper mapper) {
    String engine = mapper.engine(name);
    if (engine == null) {
      return Optional.empty();
    }
    List<String> key = mapper.primaryKey(name).stream()
        .map(column -> column.toLowerCase(java.util.Locale.ROOT))
        .toList();
    if (key.equals(PLOT_KEY)) {
      return Optional.of(new SeriesTable(name, false, engine));
    }
    if (key.equals(ORIGINAL_KEY)) {
      return Optional.of(new SeriesTable(name, true, engine));
    }
    throw new StoreException("table `" + name + "` has neither plot's layout (primary key rid,"
        + " time, id) nor the original's (primary key id) but " + key
        + "; rename it or choose another " + MysqlStoreProvider.TABLE_PATTERN);
  }
}
