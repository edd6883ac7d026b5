package dev.plot.store.h2;

import dev.plot.api.PointStore;
import dev.plot.store.testkit.StoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

final class H2StoreContractTest extends StoreContract {

  @TempDir
  Path dataDir;

  @Override
  protected PointStore openEmpty() {
    return new H2Store(dataDir, false, 4);
  }

  @Override
  protected PointStore reopen() {
    return new H2Store(dataDir, false, 4);
  }
}
