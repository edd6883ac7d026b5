package dev.plot.http.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emoji pictures read from a colour-bitmap font (Noto Color Emoji: CBDT/CBLC tables of PNGs).
 * Java 2D draws no glyph from such fonts, so PNG charts draw these pictures in place of the
 * emoji instead. Only single code points are looked up; sequences (ZWJ, skin tones, flags)
 * show as their parts.
 */
public final class EmojiImages {

  private static final Logger log = LoggerFactory.getLogger(EmojiImages.class);

  /** Debian's fonts-noto-color-emoji. */
  public static final Path NOTO_COLOR_EMOJI =
      Path.of("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf");

  private final ByteBuffer font;
  private final Map<Integer, Integer> glyphs;
  private final int cbdt;
  private final Strike strike;
  private final Map<Integer, Optional<BufferedImage>> images = new ConcurrentHashMap<>();

  private EmojiImages(ByteBuffer font, Map<Integer, Integer> glyphs, int cbdt, Strike strike) {
    this.font = font;
    this.glyphs = glyphs;
    this.cbdt = cbdt;
    this.strike = strike;
  }

  /** The emoji of a font file, or none when it is missing or not a CBDT font. */
  public static EmojiImages load(Path file) {
    if (!Files.isReadable(file)) {
      log.info("emoji font not found path={}; emoji in PNG charts show as boxes", file);
      return none();
    }
    try {
      ByteBuffer font = ByteBuffer.wrap(Files.readAllBytes(file)).asReadOnlyBuffer();
      Map<String, Integer> tables = tables(font);
      if (!tables.containsKey("cmap") || !tables.containsKey("CBLC")
          || !tables.containsKey("CBDT")) {
        log.info("emoji font has no colour bitmaps path={}", file);
        return none();
      }
      return new EmojiImages(font, cmap(font, tables.get("cmap")), tables.get("CBDT"),
          strike(font, tables.get("CBLC")));
    } catch (IOException | RuntimeException e) {
      log.warn("emoji font unreadable path={} reason={}", file, e.toString());
      return none();
    }
  }

  /** No emoji pictures: every emoji is drawn with the text font. */
  public static EmojiImages none() {
    return new EmojiImages(ByteBuffer.allocate(0), Map.of(), 0, null);
  }

  /** The picture of a code point, square-ish, about 109 pixels high; empty when none. */
  public Optional<BufferedImage> image(int codePoint) {
    Integer glyph = glyphs.get(codePoint);
    if (glyph == null || strike == null) {
      return Optional.empty();
    }
    return images.computeIfAbsent(codePoint, ignored -> decode(glyph));
  }

  private Optional<BufferedImage> decode(int glyph) {
    for (IndexSubtable sub : strike.subtables()) {
      if (glyph < sub.first() || glyph > sub.last()) {
        continue;
      }
      int index = glyph - sub.first();
      long start;
      long end;
      if (sub.indexFormat() == 1) {
        start = Integer.toUnsignedLong(font.getInt(sub.offsets() + 4 * index));
        end = Integer.toUnsignedLong(font.getInt(sub.offsets() + 4 * index + 4));
      } else {
        start = Short.toUnsignedInt(font.getShort(sub.offsets() + 2 * index));
        end = Short.toUnsignedInt(font.getShort(sub.offsets() + 2 * index + 2));
      }
      if (end <= start) {
        return Optional.empty();
      }
      int data = (int) (cbdt + sub.imageDataOffset() + start);
      // Format 17 has 5 bytes of small metrics, 18 has 8 of big metrics, 19 none.
      int skip = sub.imageFormat() == 17 ? 5 : sub.imageFormat() == 18 ? 8 : 0;
      int length = font.getInt(data + skip);
      byte[] png = new byte[length];
      font.get(data + skip + 4, png);
      try {
        return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(png)));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Map<String, Integer> tables(ByteBuffer font) {
    int count = Short.toUnsignedInt(font.getShort(4));
    Map<String, Integer> tables = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int record = 12 + 16 * i;
      byte[] tag = new byte[4];
      font.get(record, tag);
      tables.put(new String(tag, java.nio.charset.StandardCharsets.US_ASCII),
          font.getInt(record + 8));
    }
    return tables;
  }

  /** Code points to glyph ids from the cmap's format 12 subtable (all Unicode planes). */
  private static Map<Integer, Integer> cmap(ByteBuffer font, int cmap) {
    int count = Short.toUnsignedInt(font.getShort(cmap + 2));
    Map<Integer, Integer> glyphs = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int subtable = cmap + font.getInt(cmap + 4 + 8 * i + 4);
      if (font.getShort(subtable) != 12) {
        continue;
      }
      int groups = font.getInt(subtable + 12);
      for (int g = 0; g < groups; g++) {
        int group = subtable + 16 + 12 * g;
        int first = font.getInt(group);
        int last = font.getInt(group + 4);
        int glyph = font.getInt(group + 8);
        for (int codePoint = first; codePoint <= last; codePoint++) {
          glyphs.put(codePoint, glyph + codePoint - first);
        }
      }
    }
    return glyphs;
  }

  /** The largest strike (bitmap size) and its index subtables of formats 1 and 3. */
  private static Strike strike(ByteBuffer font, int cblc) {
    int sizes = font.getInt(cblc + 4);
    Strike best = null;
    int bestPpem = -1;
    for (int s = 0; s < sizes; s++) {
      int size = cblc + 8 + 48 * s;
      int ppem = Byte.toUnsignedInt(font.get(size + 45));
      if (ppem <= bestPpem) {
        continue;
      }
      int array = cblc + font.getInt(size);
      int count = font.getInt(size + 8);
      java.util.List<IndexSubtable> subtables = new java.util.ArrayList<>();
      for (int k = 0; k < count; k++) {
        int entry = array + 8 * k;
        int first = Short.toUnsignedInt(font.getShort(entry));
        int last = Short.toUnsignedInt(font.getShort(entry + 2));
        int header = array + font.getInt(entry + 4);
        int indexFormat = Short.toUnsignedInt(font.getShort(header));
        if (indexFormat == 1 || indexFormat == 3) {
          subtables.add(new IndexSubtable(first, last, indexFormat,
              Short.toUnsignedInt(font.getShort(header + 2)), font.getInt(header + 4),
              header + 8));
        }
      }
      best = new Strike(subtables);
      bestPpem = ppem;
    }
    return best;
  }

  private record Strike(java.util.List<IndexSubtable> subtables) {
  }

  private record IndexSubtable(int first, int last, int indexFormat, int imageFormat,
      int imageDataOffset, int offsets) {
  }
}
