package dev.plot.core.chart;

import dev.plot.core.PlotError;
import java.util.Locale;

/** How a chart draws its series. */
public enum ChartType {
  /** One line per series; a gap breaks the line. */
  LINE,
  /** A line per series with the area below it filled. */
  AREA,
  /** A bar per point. */
  BAR,
  /** Filled areas stacked on each other, series after series. */
  STACKED;

  /** Parses a type name in any case; a 400 naming {@code type} otherwise. */
  public static ChartType parse(String text) {
    for (ChartType type : values()) {
      if (type.name().equalsIgnoreCase(text)) {
        return type;
      }
    }
    throw PlotError.bad("type", "type must be line, area, bar or stacked"
        + ChartSpecJson.shown(text));
  }

  /** The lower-case name used in specs and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
