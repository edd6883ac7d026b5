package dev.plot.server;

import dev.plot.core.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

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
    if (configFile != null) {
      merged.putAll(readFile(configFile));
    }
    for (SettingsCatalog.Entry entry : SettingsCatalog.ENTRIES) {
      String value = env.get(envName(entry.key()));
      if (value != null) {
        merged.put(entry.key(), value);
      }
    }
    merged.putAll(flags);
    return new Settings(merged);
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
