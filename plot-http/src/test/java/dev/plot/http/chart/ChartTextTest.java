package dev.plot.http.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ChartTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "</text><script>| &lt;/text&gt;&lt;script&gt;",
      "`\"><svg onload=x>`| &quot;&gt;&lt;svg onload=x&gt;",
      "a & b 'c'| a &amp; b &#39;c&#39;",
      "tété 带宽 💩0| tété 带宽 💩0"})
  void escape_leavesNoMarkup(String text, String escaped) {
    assertEquals(escaped, ChartText.escape(text));
  }

  @Test
  void escape_replacesWhatXmlCannotCarry() {
    assertEquals("a\uFFFDb\uFFFDc\td", ChartText.escape("a\u0000b\uD800c\td"));
  }
}
