package dev.plot.core.chart;

import dev.plot.core.Settings;

/**
 * Limits and defaults of chart links and pictures.
 *
 * @param maxWidth widest picture in pixels; a wider request is a 400 naming {@code width}
 * @param maxHeight tallest picture in pixels; a taller request is a 400 naming {@code height}
 * @param defaultWidth width of a picture whose spec and request give none
 * @param defaultHeight height of a picture whose spec and request give none
 * @param maxSeries most series one chart may show
 * @param defaultLimit newest points per series when a spec gives no window
 * @param font font family drawn into PNG pictures; it must hold the glyphs of titles
 * @param emojiFont path of a colour-emoji font whose pictures PNGs draw for emoji, or
 *     {@code none}
 */
public record ChartConfig(int maxWidth, int maxHeight, int defaultWidth, int defaultHeight,
    int maxSeries, int defaultLimit, String font, String emojiFont) {

  public static final String MAX_WIDTH = "chart.max-width";
  public static final String MAX_HEIGHT = "chart.max-height";
  public static final String WIDTH = "chart.width";
  public static final String HEIGHT = "chart.height";
  public static final String MAX_SERIES = "chart.max-series";
  public static final String DEFAULT_LIMIT = "chart.default-limit";
  public static final String FONT = "chart.font";
  public static final String EMOJI_FONT = "chart.emoji-font";

  /** Smallest picture side in pixels: below it axes and title no longer fit. */
  public static final int MIN_SIDE = 50;

  public static ChartConfig from(Settings settings) {
    ChartConfig config = new ChartConfig(
        settings.getInt(MAX_WIDTH, 4000),
        settings.getInt(MAX_HEIGHT, 4000),
        settings.getInt(WIDTH, 800),
        settings.getInt(HEIGHT, 400),
        settings.getInt(MAX_SERIES, 20),
        settings.getInt(DEFAULT_LIMIT, 1440),
        settings.get(FONT, "Noto Sans CJK SC"),
        settings.get(EMOJI_FONT, "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"));
    config.check();
    return config;
  }

  public static ChartConfig defaults() {
    return from(new Settings(java.util.Map.of()));
  }

  private void check() {
    atLeast(MAX_WIDTH, maxWidth, MIN_SIDE);
    atLeast(MAX_HEIGHT, maxHeight, MIN_SIDE);
    atLeast(WIDTH, defaultWidth, MIN_SIDE);
    atLeast(HEIGHT, defaultHeight, MIN_SIDE);
    atLeast(MAX_SERIES, maxSeries, 1);
    atLeast(DEFAULT_LIMIT, defaultLimit, 1);
    if (defaultWidth > maxWidth || defaultHeight > maxHeight) {
      throw new IllegalArgumentException("settings " + WIDTH + " and " + HEIGHT
          + " must not exceed " + MAX_WIDTH + " and " + MAX_HEIGHT);
    }
  }

  private static void atLeast(String key, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException("setting " + key + " must be " + min + " or more, not "
          + value);
    }
  }
}
