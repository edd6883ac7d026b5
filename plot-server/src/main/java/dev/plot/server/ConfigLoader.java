package dev.plot.server;

import dev.plot.api.StoreProvider;
import dev.plot.core.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Merges settings from, lowest first: built-in defaults, the configuration file (Java
 * properties, keys as in README's table), environment variables ({@code PLOT_} and the key in
 * upper case with dots and dashes as underscores: {@code PLOT_THRIFT_PORT}), then flags.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  /** The environment variable that sets a key. */
  public static String envName(String key) {
    return "PLOT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public static Settings load(Path configFile, Map<String, String> env,
      Map<String, String> flags) {
    Map<String, String> merged = new LinkedHashMap<>();
    for (SettingsCatalog.Entry entry : SettingsCatalog.ENTRIES) {
      if (!entry.defaultValue().isEmpty()) {
        merged.put(entry.key(), entry.defaultValue());
      }
    }
    List<String> pluginPrefixes = pluginPrefixes();
    if (configFile != null) {
      Map<String, String> file = readFile(configFile);
      checkKeys(file, pluginPrefixes, " in " + configFile);
      merged.putAll(file);
    }
    for (SettingsCatalog.Entry entry : SettingsCatalog.ENTRIES) {
      String value = env.get(envName(entry.key()));
      if (value != null) {
        merged.put(entry.key(), value);
      }
    }
    checkKeys(flags, pluginPrefixes, "");
    merged.putAll(flags);
    checkBooleans(merged);
    return new Settings(merged);
  }

  /** Keys the catalog does not list are refused unless a store on the class path claims them. */
  private static void checkKeys(Map<String, String> values, List<String> pluginPrefixes,
      String where) {
    Set<String> known = new HashSet<>();
    SettingsCatalog.ENTRIES.forEach(entry -> known.add(entry.key()));
    for (String key : values.keySet()) {
      if (!known.contains(key) && pluginPrefixes.stream().noneMatch(key::startsWith)) {
        throw new IllegalArgumentException("unknown setting " + key + where
            + "; 'plot settings' lists them");
      }
    }
  }

  private static List<String> pluginPrefixes() {
    List<String> prefixes = new ArrayList<>();
    for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
      prefixes.addAll(provider.settingPrefixes());
    }
    return prefixes;
  }

  /** A switch (a setting whose default is true or false) takes only those two words. */
  private static void checkBooleans(Map<String, String> merged) {
    for (SettingsCatalog.Entry entry : SettingsCatalog.ENTRIES) {
      String value = merged.get(entry.key());
      if (isBoolean(entry.defaultValue()) && value != null && !value.isBlank()
          && !isBoolean(value.trim())) {
        throw new IllegalArgumentException("setting " + entry.key()
            + " must be true or false, not " + value.trim());
      }
    }
  }

  private static boolean isBoolean(String value) {
    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration file " + file + ": "
          + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name.trim(), properties.getProperty(name).trim());
    }
    return values;
  }
}
