package dev.plot.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every plot setting by its dotted key, after defaults, the configuration file, environment
 * variables and flags have been merged (in that order, later winning). Typed getters refuse a
 * malformed value with a message naming the key.
 */
public final class Settings {

  private final Map<String, String> values;

  public Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Settings of(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Settings(map);
  }

  /** This plus the given entries, which win. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> map = new LinkedHashMap<>(values);
    map.putAll(overrides);
    return new Settings(map);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public String get(String key, String defaultValue) {
    String value = values.get(key);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  public String require(String key) {
    return Objects.requireNonNull(get(key, null), () -> "setting " + key + " is required");
  }

  public long getLong(String key, long defaultValue) {
    String value = get(key, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " must be an integer, not " + value);
    }
  }

  public int getInt(String key, int defaultValue) {
    long value = getLong(key, defaultValue);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("setting " + key + " " + value + " is out of range "
          + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** A TCP port, 0 for any free one. */
  public int getPort(String key, int defaultValue) {
    long value = getLong(key, defaultValue);
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException("setting " + key + " " + value
          + " is out of range 0..65535");
    }
    return (int) value;
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key, null);
    if (value == null) {
      return defaultValue;
    }
    // Only the two words: the stores read their own switches with Boolean.parseBoolean, which
    // would take "yes" as false, so anything else is refused everywhere alike.
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("setting " + key + " must be true or false, not " + value);
  }
}
