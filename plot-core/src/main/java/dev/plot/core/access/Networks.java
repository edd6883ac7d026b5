package dev.plot.core.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of client networks in CIDR notation, IPv4 and IPv6 ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}, or a single address). An IPv4-mapped IPv6 peer address
 * ({@code ::ffff:10.1.2.3}) matches the IPv4 networks.
 */
public final class Networks {

  private final List<Network> networks;
  private final String text;

  private Networks(List<Network> networks, String text) {
    this.networks = List.copyOf(networks);
    this.text = text;
  }

  /** No network at all: nobody is on the list. */
  public static Networks none() {
    return new Networks(List.of(), "");
  }

  /**
   * Parses a comma-separated list. Only literal addresses are accepted, never host names, so
   * parsing never asks a name server.
   *
   * @param key the setting the list comes from, named in the error
   * @throws IllegalArgumentException naming the key and the bad entry
   */
  public static Networks parse(String key, String text) {
    List<Network> networks = new ArrayList<>();
    for (String part : text.split(",")) {
      String entry = part.trim();
      if (!entry.isEmpty()) {
        networks.add(Network.parse(key, entry));
      }
    }
    return new Networks(networks, text.trim());
  }

  /** Whether the address lies in one of the networks. */
  public boolean contains(InetAddress address) {
    if (address == null) {
      return false;
    }
    byte[] bytes = unmapped(address.getAddress());
    for (Network network : networks) {
      if (network.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return networks.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }

  /** An IPv4-mapped IPv6 address as its 4 IPv4 bytes; anything else unchanged. */
  private static byte[] unmapped(byte[] bytes) {
    if (bytes.length != 16) {
      return bytes;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return bytes;
      }
    }
    if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
      return bytes;
    }
    return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
  }

  /** One network: its first address and prefix length in bits. */
  private record Network(byte[] base, int prefix) {

    static Network parse(String key, String entry) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      byte[] bytes = literal(key, entry, address);
      int bits = bytes.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("setting " + key + ": prefix of " + entry
              + " must be 0 to " + bits);
        }
      }
      return new Network(bytes, prefix);
    }

    private static byte[] literal(String key, String entry, String address) {
      boolean v4 = address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
      boolean v6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
      if (!v4 && !v6) {
        throw new IllegalArgumentException("setting " + key + ": " + entry
            + " is not an IPv4 or IPv6 network such as 10.0.0.0/8 or fd00::/8");
      }
      try {
        // A literal is parsed without a lookup: the checks above rule out names.
        return unmapped(InetAddress.getByName(address).getAddress());
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("setting " + key + ": " + entry
            + " is not a valid address");
      }
    }

    boolean contains(byte[] address) {
      if (address.length != base.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != base[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (base[full] & mask);
    }
  }
}
