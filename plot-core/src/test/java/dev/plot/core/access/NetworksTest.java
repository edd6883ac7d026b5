package dev.plot.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class NetworksTest {

  private static final Networks LIST =
      Networks.parse("access.write-allow", "10.0.0.0/8, 192.168.1.7, 2001:db8::/32, fe80::1/128");

  @ParameterizedTest
  @CsvSource({
      "10.0.0.1, true",
      "10.255.255.255, true",
      "11.0.0.1, false",
      "192.168.1.7, true",
      "192.168.1.8, false",
      "2001:db8:1::5, true",
      "2001:db9::1, false",
      "fe80::1, true",
      "fe80::2, false",
      "::ffff:10.1.2.3, true",
      "127.0.0.1, false"})
  void contains_matchesIpv4AndIpv6Networks(String address, boolean expected) throws Exception {
    assertEquals(expected, LIST.contains(InetAddress.getByName(address)));
  }

  @Test
  void contains_prefixNotOnByteBoundary() throws Exception {
    Networks networks = Networks.parse("k", "172.16.0.0/12");

    assertTrue(networks.contains(InetAddress.getByName("172.31.255.1")));
    assertFalse(networks.contains(InetAddress.getByName("172.32.0.1")));
  }

  @Test
  void contains_loopbackDefault() throws Exception {
    Networks networks = Networks.parse("k", AccessConfig.LOOPBACK);

    assertTrue(networks.contains(InetAddress.getByName("127.0.0.1")));
    assertTrue(networks.contains(InetAddress.getByName("::1")));
    assertFalse(networks.contains(InetAddress.getByName("10.0.0.1")));
    assertFalse(networks.contains(null));
  }

  @Test
  void parse_emptyListHoldsNobody() throws Exception {
    assertFalse(Networks.parse("k", " ").contains(InetAddress.getByName("127.0.0.1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "10.0.0.0/33", "::/129", "10.0.0.0/x", "1.2.3",
      "10.0.0.0/-1"})
  void parse_refusesWhatIsNotANetwork(String entry) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Networks.parse("access.write-allow", entry));

    assertTrue(error.getMessage().contains("access.write-allow"), error.getMessage());
  }
}
