package com.example.plot.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreProvider;
import dev.plot.api.WriteBatch;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** plot finds stores the way {@code plot serve --store NAME} does: by ServiceLoader. */
final class PluginDiscoveryTest {

  @Test
  void serviceLoader_findsPluginBesideBuiltInStore() {
    Set<String> names = ServiceLoader.load(StoreProvider.class).stream()
        .map(provider -> provider.get().name())
        .collect(Collectors.toSet());

    assertEquals(Set.of("mysql", "example-memory"), names);
  }

  @Test
  void open_pluginByNameStoresPoints() {
    StoreProvider provider = ServiceLoader.load(StoreProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(candidate -> candidate.name().equals("example-memory"))
        .findFirst()
        .orElseThrow();

    try (PointStore store = provider.open(Map.of())) {
      store.append(WriteBatch.of("b1", List.of(new Sample(3, 95, 1_764_806_400L, 11))));

      assertInstanceOf(MemoryStore.class, store);
      assertEquals(List.of(new Point(1_764_806_400L, 11)), store.newest(3, 95, 1440));
    }
  }
}
