package com.example.plot.memory;

import dev.plot.api.PointStore;
import dev.plot.api.StoreProvider;
import java.util.Map;

/**
 * The example plugin's entry point, listed in
 * {@code META-INF/services/dev.plot.api.StoreProvider} of its jar, so that
 * {@code plot serve --store example-memory} finds it on the class path.
 */
public final class MemoryStoreProvider implements StoreProvider {

  @Override
  public String name() {
    return "example-memory";
  }

  @Override
  public PointStore open(Map<String, String> settings) {
    return new MemoryStore(new MemoryStore.Data());
  }
}
