package dev.plot.server.agent;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Which rid an interface's series get: an explicit mapping first; then {@code vpsN} is rid N,
 * as the original agent did for virtual machines; any other name gets a rid derived from the
 * name alone (CRC-32 into 1,000,000 to 1,000,999,999), the same on every host and every run,
 * and within the original tables' unsigned 32-bit rid range.
 */
public final class InterfaceRids {

  /** First rid of the range that names without a mapping are hashed into. */
  public static final long HASHED_BASE = 1_000_000L;
  /** Size of the range that names without a mapping are hashed into. */
  public static final long HASHED_RANGE = 1_000_000_000L;

  private static final Pattern VPS = Pattern.compile("vps([1-9][0-9]{0,17})");

  private final Map<String, Long> explicit;

  /** @param explicit interface name to rid; every rid must be positive */
  public InterfaceRids(Map<String, Long> explicit) {
    explicit.forEach((name, rid) -> {
      if (rid < 1) {
        throw new IllegalArgumentException("the rid of interface " + name
            + " must be positive, not " + rid);
      }
    });
    this.explicit = Map.copyOf(explicit);
  }

  /** The rid of an interface's series. */
  public long rid(String name) {
    Long mapped = explicit.get(name);
    if (mapped != null) {
      return mapped;
    }
    Matcher vps = VPS.matcher(name);
    if (vps.matches()) {
      return Long.parseLong(vps.group(1));
    }
    CRC32 crc = new CRC32();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return HASHED_BASE + crc.getValue() % HASHED_RANGE;
  }

  /** How a rid was chosen, for the log: {@code mapped}, {@code vpsN} or {@code hashed}. */
  public String how(String name) {
    if (explicit.containsKey(name)) {
      return "mapped";
    }
    return VPS.matcher(name).matches() ? "vpsN" : "hashed";
  }
}
