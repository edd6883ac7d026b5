package dev.plot.http.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws a line of text into a PNG: runs the font can show are drawn with it, and emoji it cannot
 * show are drawn as pictures from {@link EmojiImages}, scaled to the text's size.
 */
final class PngText {

  /** Joiners and variation selectors: they shape a sequence and have no picture of their own. */
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private final EmojiImages emoji;

  PngText(EmojiImages emoji) {
    this.emoji = emoji;
  }

  /** The width of the text in pixels, as {@link #draw} draws it. */
  double width(String text, Font font, FontRenderContext context) {
    double width = 0;
    for (Run run : runs(text, font)) {
      width += run.image() != null ? side(font)
          : font.getStringBounds(run.text(), context).getWidth();
    }
    return width;
  }

  /** Draws the text with its baseline at {@code y}, starting at {@code x}. */
  void draw(Graphics2D g, String text, Font font, double x, double y) {
    g.setFont(font);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    double at = x;
    for (Run run : runs(text, font)) {
      if (run.image() != null) {
        int side = (int) Math.round(side(font));
        int height = (int) Math.round(side * (double) run.image().getHeight()
            / run.image().getWidth());
        g.drawImage(run.image(), (int) Math.round(at),
            (int) Math.round(y - height * 0.85), side, height, null);
        at += side;
      } else {
        g.drawString(run.text(), (float) at, (float) y);
        at += font.getStringBounds(run.text(), g.getFontRenderContext()).getWidth();
      }
    }
  }

  private static double side(Font font) {
    return font.getSize2D() * 1.15;
  }

  private List<Run> runs(String text, Font font) {
    List<Run> runs = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (font.canDisplay(codePoint)) {
        plain.appendCodePoint(codePoint);
        continue;
      }
      if (codePoint == ZERO_WIDTH_JOINER || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)) {
        continue;
      }
      Optional<BufferedImage> image = emoji.image(codePoint);
      if (image.isEmpty()) {
        plain.appendCodePoint(codePoint);
        continue;
      }
      if (plain.length() > 0) {
        runs.add(new Run(plain.toString(), null));
        plain.setLength(0);
      }
      runs.add(new Run(null, image.get()));
    }
    if (plain.length() > 0) {
      runs.add(new Run(plain.toString(), null));
    }
    return runs;
  }

  private record Run(String text, BufferedImage image) {
  }
}
