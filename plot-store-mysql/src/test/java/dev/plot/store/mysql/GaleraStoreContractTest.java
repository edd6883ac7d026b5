package dev.plot.store.mysql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.PointStore;
import dev.plot.store.testkit.StoreContract;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract on a three-node Galera cluster (shared/galera/start.sh), through a URL
 * naming all three nodes. Skipped, saying why, where galera is not installed.
 */
@Tag("galera")
@ExtendWith(GaleraClusterExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
final class GaleraStoreContractTest extends StoreContract {

  private final GaleraCluster cluster = GaleraClusterExtension.cluster();

  private static MysqlStore open(String url, String... keysAndValues) {
    return new MysqlStore(MysqlSettings.from(TestDatabase.settingsAt(url, keysAndValues)));
  }

  @Override
  protected PointStore openEmpty() {
    TestDatabase.dropPlotTables(cluster.url(1, 2, 3));
    return reopen();
  }

  @Override
  protected PointStore reopen() {
    MysqlStore store = open(cluster.url(1, 2, 3));
    assertTrue(store.cluster(), "the store sees a Galera cluster");
    return store;
  }
}
