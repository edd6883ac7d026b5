package dev.plot.api;

/** How the stored integers of a category are read back. */
public enum Kind {
  /** A reading at a moment: reads return the stored integers. */
  GAUGE,
  /**
   * A cumulative count as the client read it: reads return the increase over each step, a
   * decrease counted as a reset (or a wrap when the category has a wrap value).
   */
  COUNTER;

  /** Parses {@code gauge} or {@code counter}, in any case. */
  public static Kind parse(String text) {
    for (Kind kind : values()) {
      if (kind.name().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("kind must be gauge or counter, not " + text);
  }

  /** The lower-case name used in JSON, Thrift and configuration. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
