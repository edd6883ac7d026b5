package dev.plot.server;

import dev.plot.thrift.gen.Sample;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses import lines: {@code cid,rid,time,value}, or {@code time,value} when the cid and rid
 * are given for the whole file (the form of the public CloudWatch and NAB files). A time is
 * unix seconds, or a date and time read in the import's zone unless it names its own offset.
 * A value may have decimals: it is multiplied by the scale and rounded half away from zero.
 */
final class CsvRows {

  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private final Long cid;
  private final Long rid;
  private final BigDecimal scale;
  private final ZoneId zone;

  CsvRows(Long cid, Long rid, BigDecimal scale, ZoneId zone) {
    this.cid = cid;
    this.rid = rid;
    this.scale = scale;
    this.zone = zone;
  }

  /** Whether the first meaningful line shows cid and rid columns (a header or 4 cells). */
  static boolean hasSeriesColumns(BufferedReader reader) throws IOException {
    String line;
    boolean firstLine = true;
    while ((line = reader.readLine()) != null) {
      if (firstLine) {
        line = withoutBom(line);
        firstLine = false;
      }
      if (line.isBlank()) {
        continue;
      }
      String first = line.split(",", -1)[0].trim().toLowerCase(Locale.ROOT);
      if (first.equals("cid")) {
        return true;
      }
      return !isHeader(line) && line.split(",", -1).length == 4;
    }
    return false;
  }

  /**
   * The number of the first line that is not UTF-8, or 0 if there is none. Lines are split on
   * the newline byte, which never occurs inside a UTF-8 sequence.
   */
  static long firstNonUtf8Line(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long number = 1;
      int b;
      while (true) {
        b = in.read();
        if (b == '\n' || b == -1) {
          try {
            decoder.reset().decode(ByteBuffer.wrap(line.toByteArray()));
          } catch (CharacterCodingException e) {
            return number;
          }
          if (b == -1) {
            return 0;
          }
          line.reset();
          number++;
        } else {
          line.write(b);
        }
      }
    }
  }

  /** The first line without the byte-order mark that spreadsheets put before UTF-8 text. */
  static String withoutBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** Whether a line is a header rather than data. */
  static boolean isHeader(String line) {
    String first = line.split(",", -1)[0].trim().toLowerCase(Locale.ROOT);
    return first.equals("cid") || first.equals("timestamp") || first.equals("time");
  }

  /**
   * Parses one data line.
   *
   * @throws IllegalArgumentException naming the column at fault
   */
  Sample parse(String line) {
    String[] cells = line.split(",", -1);
    long lineCid;
    long lineRid;
    String time;
    String value;
    if (cells.length == 4) {
      if (cid != null || rid != null) {
        // Filing such a line under --cid/--rid would merge distinct series into one.
        throw new IllegalArgumentException("a line of cid,rid,time,value names its own series;"
            + " --cid and --rid are only for time,value files");
      }
      lineCid = integer("cid", cells[0]);
      lineRid = integer("rid", cells[1]);
      time = cells[2];
      value = cells[3];
    } else if (cells.length == 2) {
      if (cid == null || rid == null) {
        throw new IllegalArgumentException("a line of time,value needs --cid and --rid");
      }
      lineCid = cid;
      lineRid = rid;
      time = cells[0];
      value = cells[1];
    } else {
      throw new IllegalArgumentException("expected cid,rid,time,value or time,value, found "
          + cells.length + " columns");
    }
    Sample sample = new Sample(lineCid, lineRid, scaled(value));
    sample.setTime(seconds(time));
    return sample;
  }

  private static long integer(String column, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + ": not an integer: " + text.trim());
    }
  }

  long scaled(String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value: not a number: " + text.trim());
    }
    BigDecimal rounded = value.multiply(scale).setScale(0, RoundingMode.HALF_UP);
    try {
      return rounded.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("value: " + text.trim() + " scaled by " + scale
          + " is outside the signed 64-bit range");
    }
  }

  long seconds(String text) {
    String trimmed = text.trim();
    if (trimmed.matches("-?\\d+")) {
      return integer("time", trimmed);
    }
    try {
      return OffsetDateTime.parse(trimmed).toEpochSecond();
    } catch (DateTimeParseException offsetMissing) {
      try {
        LocalDateTime local = trimmed.contains("T")
            ? LocalDateTime.parse(trimmed) : LocalDateTime.parse(trimmed, SPACED);
        return local.atZone(zone).toEpochSecond();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("time: not unix seconds nor YYYY-MM-DD HH:MM:SS: "
            + trimmed);
      }
    }
  }
}
