package dev.plot.server.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing /proc/net/dev text, and choosing rids for interfaces. */
final class NetDevTest {

  static String fixture() throws IOException {
    try (InputStream in = NetDevTest.class.getResourceAsStream("/proc-net-dev.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void parse_realFileSplitsAtFirstColon() throws IOException {
    assertEquals(List.of(new NetDev.Interface("vethf345468", 648, 438),
        new NetDev.Interface("lo", 1_664_039_048L, 1_664_039_048L),
        new NetDev.Interface("docker0", 2568, 438),
        new NetDev.Interface("eth0", 874_354_587L, 563_352_563L)), NetDev.parse(fixture()));
  }

  @Test
  void parse_nameRunningIntoColonAndNoSpaceAfterIt() {
    String text = "Inter-|   Receive |  Transmit\n face |bytes |bytes\n"
        + "vps95:1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";

    assertEquals(List.of(new NetDev.Interface("vps95", 1, 9)), NetDev.parse(text));
  }

  @Test
  void parse_shortLineRefusedNamingLine() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> NetDev.parse("h|\nh|\n  eth0: 1 2 3\n"));

    assertEquals("line 3 of the net/dev text has 3 counters, not 16", error.getMessage());
  }

  @Test
  void rid_mappedThenVpsNThenStableHash() {
    InterfaceRids rids = new InterfaceRids(Map.of("eth0", 7L));

    assertEquals(7, rids.rid("eth0"));
    assertEquals(95, rids.rid("vps95"));
    assertEquals(437_306_077L, rids.rid("lo"));
    assertEquals(672_751_441L, rids.rid("vethf345468"));
    assertEquals(123_593_698L, new InterfaceRids(Map.of()).rid("eth0"));
    assertEquals("hashed", rids.how("vps0"));
  }
}
