package dev.plot.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.plot.api.Category;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First writes to one cid from several threads, as the W1 load generator sends them. */
final class H2StoreRaceTest {

  private static final int THREADS = 8;

  @TempDir
  Path dataDir;

  @Test
  void insertCategory_concurrentFirstWritesInsertOnceAndNeverFail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (H2Store store = new H2Store(dataDir, false, THREADS)) {
      for (long cid = 1; cid <= 20; cid++) {
        Category category = Category.defaults(cid);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Boolean>> inserts = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
          inserts.add(pool.submit(() -> {
            start.await();
            return store.insertCategory(category);
          }));
        }

        int inserted = 0;
        for (Future<Boolean> insert : inserts) {
          inserted += insert.get() ? 1 : 0;
        }

        assertEquals(1, inserted, "cid " + cid);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
