package dev.plot.core.access;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: the client's address and what it may do, from the token it presented or,
 * without one, from the allow-list.
 *
 * @param address the client's address as the server sees it
 * @param tokenName the name of the token presented, or null when none was
 * @param scopes what the caller may do; {@link Scope#ADMIN} covers the others
 * @param cids the categories the caller may touch; empty means every category
 */
public record Principal(InetAddress address, String tokenName, Set<Scope> scopes,
    Set<Long> cids) {

  public Principal {
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    cids = Set.copyOf(cids);
  }

  /** Whether the caller presented a valid token. */
  public boolean hasToken() {
    return tokenName != null;
  }

  /** Whether the caller may act with this scope on this cid. */
  public boolean may(Scope scope, long cid) {
    return may(scope) && (cids.isEmpty() || cids.contains(cid));
  }

  /** Whether the caller holds this scope for at least one cid. */
  public boolean may(Scope scope) {
    return scopes.contains(Scope.ADMIN) || scopes.contains(scope);
  }

  /** How the caller is named in refusals and logs. */
  public String describe() {
    String host = address == null ? "unknown" : address.getHostAddress();
    return hasToken() ? "token " + tokenName + " from " + host : host;
  }
}
