package dev.plot.core.jobs;

import dev.plot.api.PointStore;
import dev.plot.store.h2.H2Store;
import java.nio.file.Path;

/** RollupJob's tests on the embedded H2 store. */
final class RollupJobH2Test extends RollupJobTest {

  @Override
  PointStore openStore(Path dir) {
    return new H2Store(dir, false, 4);
  }
}
