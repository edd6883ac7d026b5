package dev.plot.core.jobs;

import dev.plot.api.PointStore;
import dev.plot.store.log.LogStore;
import java.nio.file.Path;

/** RetentionJob's tests on the write-ahead log store. */
final class RetentionJobLogStoreTest extends RetentionJobTest {

  @Override
  PointStore openStore(Path dir) {
    return new LogStore(dir, false, 1 << 20, 1 << 22);
  }
}
