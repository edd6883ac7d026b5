package dev.plot.api;

import java.util.List;
import java.util.Map;

/**
 * Opens a {@link PointStore} by name. Providers are found with {@link java.util.ServiceLoader}:
 * a plugin jar lists its class in {@code META-INF/services/dev.plot.api.StoreProvider}, and
 * {@code plot serve --store NAME} picks it.
 */
public interface StoreProvider {

  /** The name users give to {@code --store}, such as {@code h2} or {@code mysql}. */
  String name();

  /**
   * Opens the store, creating or migrating its schema as needed.
   *
   * @param settings every plot setting by its dotted key ({@code data.dir}, {@code mysql.url})
   * @throws StoreException when the store cannot be opened
   */
  PointStore open(Map<String, String> settings);

  /**
   * Beginnings of the setting keys this store reads beyond plot's own, such as {@code redis.}.
   * Plot refuses at start a key it does not know unless a provider on the class path claims
   * it, so a typing mistake is not silently ignored; by default the store's name and a dot.
   */
  default List<String> settingPrefixes() {
    return List.of(name() + ".");
  }
}
