package com.example.plot.memory;

import dev.plot.api.PointStore;
import dev.plot.store.testkit.StoreContract;

/** A plugin runs plot's store contract suite from plot-store-testkit against its store. */
final class MemoryStoreContractTest extends StoreContract {

  private MemoryStore.Data data;

  @Override
  protected PointStore openEmpty() {
    data = new MemoryStore.Data();
    return new MemoryStore(data);
  }

  @Override
  protected PointStore reopen() {
    return new MemoryStore(data);
  }
}
