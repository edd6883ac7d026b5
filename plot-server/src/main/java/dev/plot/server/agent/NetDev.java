package dev.plot.server.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of {@code /proc/net/dev}: two header lines, then one line per interface,
 * {@code name: rx_bytes rx_packets ... tx_bytes ...}. Names are right-aligned and may run into
 * the colon, so a line is split at its first colon and then on whitespace, never at columns.
 */
public final class NetDev {

  /** Fields after the colon: 8 receive counters, then 8 transmit counters. */
  private static final int FIELDS = 16;
  /** Index of transmitted bytes among the fields after the colon. */
  private static final int TX_BYTES = 8;

  private NetDev() {
  }

  /**
   * The byte counters of one interface as read.
   *
   * @param name interface name, such as {@code eth0}
   * @param rxBytes bytes received since the counter started
   * @param txBytes bytes transmitted since the counter started
   */
  public record Interface(String name, long rxBytes, long txBytes) {
  }

  /**
   * The interfaces in the order listed.
   *
   * @throws IllegalArgumentException naming the 1-based line that is not in the format
   */
  public static List<Interface> parse(String text) {
    List<Interface> interfaces = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      // Header lines carry '|' and no colon; blank lines carry nothing.
      if (colon < 0 || line.indexOf('|') >= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip();
      String[] fields = line.substring(colon + 1).strip().split("\\s+");
      if (name.isEmpty() || fields.length < FIELDS) {
        throw new IllegalArgumentException("line " + (i + 1) + " of the net/dev text has "
            + fields.length + " counters, not " + FIELDS);
      }
      interfaces.add(new Interface(name, counter(fields[0], i), counter(fields[TX_BYTES], i)));
    }
    return interfaces;
  }

  private static long counter(String field, int index) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + (index + 1) + " of the net/dev text has "
          + field + " where a counter should be");
    }
  }
}
