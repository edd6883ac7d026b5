package dev.plot.core.chart;

import dev.plot.api.PointStore;
import dev.plot.api.StoreException;
import dev.plot.api.StoredChart;
import dev.plot.core.PlotError;
import dev.plot.core.PlotService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chart links: a short code for a spec, kept in the store. Codes are drawn from a secure random
 * source so links can be neither guessed nor enumerated; the spec key (SHA-256 of the
 * canonical spec) makes an identical spec find its existing code.
 */
public final class ChartLinks {

  private static final Logger log = LoggerFactory.getLogger(ChartLinks.class);

  /** Characters of a code. */
  static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  /** Length of new codes: 62^10, about 8e17 codes, so guessing one is hopeless. */
  public static final int CODE_LENGTH = 10;
  /** What a code can look like; anything else is unknown without asking the store. */
  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{8,32}");
  /** Tries with fresh codes when a store refuses a code already taken by another spec. */
  private static final int CREATE_TRIES = 3;

  private final PointStore store;
  private final ChartConfig config;
  private final ChartSpecJson json;
  private final ChartSpecJson storedJson;
  private final ChartReader reader;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ChartLinks(PlotService service, ChartConfig config, Clock clock) {
    this.store = service.store();
    this.config = config;
    this.json = new ChartSpecJson(config);
    // Stored specs were checked when created; lowering a limit later must not break old links.
    this.storedJson = new ChartSpecJson(new ChartConfig(Integer.MAX_VALUE, Integer.MAX_VALUE,
        config.defaultWidth(), config.defaultHeight(), Integer.MAX_VALUE, config.defaultLimit(),
        config.font(), config.emojiFont()));
    this.reader = new ChartReader(service, clock);
    this.clock = clock;
  }

  public ChartConfig config() {
    return config;
  }

  /** A builder for specs given field by field, checked against this server's limits. */
  public ChartSpecBuilder builder() {
    return new ChartSpecBuilder(config);
  }

  /**
   * The data a chart shows now.
   *
   * @throws PlotError when a read is refused
   */
  public ChartData read(ChartSpec spec) {
    return reader.read(spec);
  }

  /** Reads and checks a spec in JSON, naming the field at fault. */
  public ChartSpec parse(String specJson) {
    return json.parse(specJson);
  }

  /**
   * Stores a link for a spec, or finds the one an identical spec already has.
   *
   * @throws PlotError UNAVAILABLE when the store fails
   */
  public Created create(ChartSpec spec) {
    String canonical = ChartSpecJson.canonical(spec);
    String key = specKey(canonical);
    StoreException last = null;
    for (int attempt = 0; attempt < CREATE_TRIES; attempt++) {
      String code = newCode();
      try {
        String stored = store.putChart(new StoredChart(code, key, canonical,
            clock.millis() / 1000));
        boolean created = stored.equals(code);
        if (created) {
          log.info("chart link created code={} series={}", code, spec.series().size());
        }
        return new Created(stored, created);
      } catch (StoreException e) {
        last = e;
      }
    }
    throw PlotError.unavailable("chart link not stored: " + last.getMessage());
  }

  /** The spec of a code, or empty when no such link exists. */
  public Optional<ChartSpec> find(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      return Optional.empty();
    }
    Optional<StoredChart> stored;
    try {
      stored = store.chart(code);
    } catch (StoreException e) {
      throw PlotError.unavailable("chart link not readable: " + e.getMessage());
    }
    return stored.map(chart -> storedJson.parse(chart.spec()));
  }

  /** The spec key: SHA-256 of the canonical JSON, in hex. */
  public static String specKey(String canonicalJson) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(
          canonicalJson.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(CODE_LENGTH);
    for (int i = 0; i < CODE_LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * The result of creating a link.
   *
   * @param code the link's code
   * @param created false when an identical spec already had this code
   */
  public record Created(String code, boolean created) {
  }
}
