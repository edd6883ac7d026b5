package dev.plot.store.mysql;

import dev.plot.api.PointStore;
import dev.plot.store.testkit.StoreContract;
import org.junit.jupiter.api.Tag;

/** The store contract on the shared MariaDB's test database, fresh tables for each test. */
@Tag("mysql")
final class MysqlStoreContractTest extends StoreContract {

  @Override
  protected PointStore openEmpty() {
    TestDatabase.dropPlotTables();
    return TestDatabase.open();
  }

  @Override
  protected PointStore reopen() {
    return TestDatabase.open();
  }
}
