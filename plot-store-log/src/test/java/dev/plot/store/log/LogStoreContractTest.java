package dev.plot.store.log;

import dev.plot.api.PointStore;
import dev.plot.store.testkit.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

final class LogStoreContractTest extends StoreContract {

  @TempDir
  Path dataDir;

  @Override
  protected PointStore openEmpty() {
    return new LogStore(dataDir, false, 1 << 20, 1 << 30);
  }

  @Override
  protected PointStore reopen() {
    return new LogStore(dataDir, false, 1 << 20, 1 << 30);
  }
}
