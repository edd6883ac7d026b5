package dev.plot.core.access;

import dev.plot.api.PointStore;
import dev.plot.core.PlotError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Named tokens kept hashed in the store's metadata under {@value #PREFIX}NAME. A secret reads
 * {@code plot_NAME_RANDOM}: the name lets the server find the entry without a scan, the 32
 * random bytes are what makes it secret. Only the SHA-256 of the whole secret is stored; as
 * the secret is random, a slow hash would add nothing.
 *
 * <p>A server reads the tokens again every {@code reloadMillis}, so a token created or revoked
 * by another process sharing the store (a {@code plot token} command on a MySQL store) takes
 * effect within that time; changes made through this object take effect at once.
 */
public final class Tokens {

  /** Metadata key prefix of tokens. */
  public static final String PREFIX = "token:";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final String SECRET_START = "plot_";

  private final PointStore store;
  private final Clock clock;
  private final long reloadMillis;
  private final SecureRandom random = new SecureRandom();
  private volatile Map<String, Token> cache = Map.of();
  private volatile long loadedAt = Long.MIN_VALUE;

  public Tokens(PointStore store, Clock clock, long reloadMillis) {
    this.store = store;
    this.clock = clock;
    this.reloadMillis = reloadMillis;
  }

  /** A token just created, with the secret that is shown once and never stored. */
  public record Issued(Token token, String secret) {
  }

  /**
   * Creates a token and returns its secret.
   *
   * @param cids the categories it is limited to; empty for every category
   * @throws PlotError naming {@code name} when the name is malformed or taken
   */
  public Issued create(String name, Set<Scope> scopes, Set<Long> cids) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw PlotError.bad("name", "a token name has 1 to 64 of A-Z a-z 0-9 -");
    }
    if (scopes.isEmpty()) {
      throw PlotError.bad("scope", "name at least one scope: read, write or admin");
    }
    for (long cid : cids) {
      if (cid < 1) {
        throw PlotError.bad("cid", "cid must be a positive 64-bit integer, not " + cid);
      }
    }
    if (store.meta(PREFIX + name).isPresent()) {
      throw PlotError.bad("name", "a token named " + name + " exists; revoke it first");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = SECRET_START + name + "_"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Token token = new Token(name, scopes, cids, clock.millis() / 1000, sha256(secret));
    store.putMeta(PREFIX + name, token.encode());
    loadedAt = Long.MIN_VALUE;
    return new Issued(token, secret);
  }

  /** Every token, by name. */
  public List<Token> list() {
    return new ArrayList<>(load(true).values());
  }

  /**
   * Revokes a token: the next call presenting it is refused.
   *
   * @return whether a token of that name existed
   */
  public boolean revoke(String name) {
    boolean existed = store.meta(PREFIX + name).isPresent();
    store.putMeta(PREFIX + name, null);
    loadedAt = Long.MIN_VALUE;
    return existed;
  }

  /** Whether any token exists. */
  public boolean any() {
    return !load(false).isEmpty();
  }

  /** The token whose secret this is, if it exists and the secret matches. */
  public Optional<Token> verify(String secret) {
    if (secret == null || !secret.startsWith(SECRET_START)) {
      return Optional.empty();
    }
    int end = secret.indexOf('_', SECRET_START.length());
    if (end < 0) {
      return Optional.empty();
    }
    Token token = load(false).get(secret.substring(SECRET_START.length(), end));
    if (token == null) {
      return Optional.empty();
    }
    // Constant-time comparison: timing must not tell how much of a guess was right.
    boolean matches = MessageDigest.isEqual(
        token.secretHash().getBytes(StandardCharsets.US_ASCII),
        sha256(secret).getBytes(StandardCharsets.US_ASCII));
    return matches ? Optional.of(token) : Optional.empty();
  }

  private Map<String, Token> load(boolean fresh) {
    long now = clock.millis();
    if (!fresh && loadedAt != Long.MIN_VALUE && now - loadedAt < reloadMillis) {
      return cache;
    }
    Map<String, Token> tokens = new TreeMap<>();
    store.metaWithPrefix(PREFIX).forEach((key, value) -> {
      String name = key.substring(PREFIX.length());
      Token token = Token.decode(name, value);
      if (token != null) {
        tokens.put(name, token);
      }
    });
    cache = Map.copyOf(tokens);
    loadedAt = now;
    return tokens;
  }

  static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
