package dev.plot.store.mysql;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one Galera test cluster for every test class that uses it, once per test JVM: Surefire
 * runs classes one by one, and starting a cluster takes about 20 s. The cluster stops when the
 * JVM exits (see {@link GaleraCluster}).
 */
final class GaleraClusterExtension implements BeforeAllCallback {

  private static GaleraCluster started;
  private static RuntimeException failed;

  /** The running cluster; only valid in classes extended with this. */
  static synchronized GaleraCluster cluster() {
    return started;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    synchronized (GaleraClusterExtension.class) {
      if (failed != null) {
        throw new IllegalStateException("the Galera test cluster failed to start before",
            failed);
      }
      if (started == null) {
        try {
          started = GaleraCluster.start();
        } catch (IllegalStateException e) {
          failed = e;
          throw e;
        }
      }
    }
  }
}
