package dev.plot.core.access;

import dev.plot.core.PlotError;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who may do what; both front ends and the chart routes ask it.
 *
 * <ul>
 *   <li>A client presenting a token gets exactly the token's scopes and cids, wherever it
 *       connects from. A token that is unknown or revoked is refused (401), never ignored.
 *   <li>A client on the allow-list ({@value AccessConfig#WRITE_ALLOW}) without a token may do
 *       everything, as every client could before tokens existed: the seed's {@code plot} call
 *       keeps working unchanged.
 *   <li>Any other client may only read, and only while {@value AccessConfig#READ_OPEN} is true.
 * </ul>
 *
 * <p>Chart links are read by whoever holds the link; a chart marked {@code private} asks
 * {@link #checkPrivate} for each of its cids, which requires a token with scope read.
 */
public final class Access {

  private static final Set<Scope> EVERYTHING = EnumSet.allOf(Scope.class);

  private final AccessConfig config;
  private final Tokens tokens;
  private final WriteRateLimiter rates;

  public Access(AccessConfig config, Tokens tokens, WriteRateLimiter rates) {
    this.config = config;
    this.tokens = tokens;
    this.rates = rates;
  }

  public AccessConfig config() {
    return config;
  }

  public Tokens tokens() {
    return tokens;
  }

  /**
   * Who a client is, from its address and the token it presented.
   *
   * @param token the secret presented, or null (or blank) for none
   * @throws PlotError UNAUTHORIZED naming {@code token} when a token was presented but is not
   *     valid
   */
  public Principal principal(InetAddress address, String token) {
    if (token != null && !token.isBlank()) {
      Optional<Token> found = tokens.verify(token.trim());
      if (found.isEmpty()) {
        throw PlotError.of(PlotError.Code.UNAUTHORIZED, "token",
            "the token presented is not valid: unknown, revoked or mistyped");
      }
      return new Principal(address, found.get().name(), found.get().scopes(), found.get().cids());
    }
    if (config.writeAllow().contains(address)) {
      return new Principal(address, null, EVERYTHING, Set.of());
    }
    return new Principal(address, null,
        config.readOpen() ? EnumSet.of(Scope.READ) : EnumSet.noneOf(Scope.class), Set.of());
  }

  /**
   * Refuses unless the caller may act with {@code scope} on {@code cid}.
   *
   * @throws PlotError UNAUTHORIZED naming {@code token} when the caller has no token and needs
   *     one; FORBIDDEN naming {@code token} or {@code cid} when its token does not cover it
   */
  public void check(Principal principal, Scope scope, long cid) {
    if (principal.may(scope, cid)) {
      return;
    }
    if (!principal.hasToken()) {
      throw PlotError.of(PlotError.Code.UNAUTHORIZED, "token", scope.label()
          + " from " + principal.describe() + " needs a token with scope " + scope.label()
          + (scope == Scope.READ ? "" : " or an address in " + AccessConfig.WRITE_ALLOW));
    }
    if (!principal.may(scope)) {
      throw PlotError.of(PlotError.Code.FORBIDDEN, "token", principal.describe()
          + " does not have scope " + scope.label());
    }
    throw PlotError.of(PlotError.Code.FORBIDDEN, "cid", principal.describe()
        + " does not cover cid " + cid);
  }

  /**
   * Refuses unless the caller holds {@code scope} for at least one cid; for checks made before
   * the cids of a request are known.
   */
  public void check(Principal principal, Scope scope) {
    if (!principal.may(scope)) {
      check(principal, scope, Long.MIN_VALUE);
    }
  }

  /**
   * The check a private chart makes for each of its cids: a token with scope read covering
   * the cid is required; the allow-list alone does not open a private chart.
   *
   * @throws PlotError UNAUTHORIZED or FORBIDDEN naming {@code token} or {@code cid}
   */
  public void checkPrivate(Principal principal, long cid) {
    if (!principal.hasToken()) {
      throw PlotError.of(PlotError.Code.UNAUTHORIZED, "token",
          "this chart is private: send a token with scope read (Authorization: Bearer ...)");
    }
    check(principal, Scope.READ, cid);
  }

  /**
   * Counts one write request against the client's rate.
   *
   * @throws PlotError TOO_MANY_REQUESTS naming {@value AccessConfig#WRITE_RATE}
   */
  public void checkWriteRate(Principal principal) {
    if (!rates.tryAcquire(principal.address())) {
      throw PlotError.of(PlotError.Code.TOO_MANY_REQUESTS, AccessConfig.WRITE_RATE,
          principal.describe() + " sends more than " + AccessConfig.WRITE_RATE + "="
              + config.writeRate() + " write requests per second; retry later");
    }
  }
}
