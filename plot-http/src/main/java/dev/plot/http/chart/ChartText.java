package dev.plot.http.chart;

/** Escaping of text drawn into markup: XML and HTML text and attribute values. */
public final class ChartText {

  private ChartText() {
  }

  /**
   * Text safe inside XML or HTML elements and quoted attributes. Characters XML 1.0 cannot
   * carry (most control characters, lone surrogates) become U+FFFD, so the document always
   * parses.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n'
              && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
