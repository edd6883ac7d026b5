package dev.plot.http.guard;

import dev.plot.core.PlotError;
import dev.plot.core.access.Access;
import dev.plot.core.access.Principal;
import dev.plot.core.access.Scope;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Works out who is calling, from {@code Authorization: Bearer TOKEN} and the client's address,
 * and leaves the {@link Principal} on the request for the routes ({@link #principal}).
 *
 * <p>Under {@code /api/} it refuses early what no route may allow: a request changing
 * something (any method but GET, HEAD and OPTIONS) needs scope write and counts against the
 * write rate; a read needs scope read. Routes then check the cids they touch with
 * {@link Access#check}. Chart links ({@code /c/...}) pass: the code is the secret, and a
 * private chart calls {@link Access#checkPrivate}. An invalid token is a 401 everywhere, so a
 * mistyped token is never mistaken for no token.
 */
public final class AccessHandler extends Handler.Wrapper {

  /** Request attribute holding the caller's {@link Principal}. */
  public static final String PRINCIPAL = Principal.class.getName();

  private final Access access;

  public AccessHandler(Access access, Handler next) {
    super(next);
    this.access = access;
  }

  /** The caller of a request that passed this handler. */
  public static Principal principal(Request request) {
    return (Principal) request.getAttribute(PRINCIPAL);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    try {
      Principal principal = access.principal(peer(request), bearer(request));
      request.setAttribute(PRINCIPAL, principal);
      if (Request.getPathInContext(request).startsWith("/api/")) {
        checkApi(request.getMethod(), principal);
      }
    } catch (PlotError e) {
      JsonErrors.write(response, callback, e);
      return true;
    }
    return super.handle(request, response, callback);
  }

  private void checkApi(String method, Principal principal) {
    if (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)
        || HttpMethod.OPTIONS.is(method)) {
      access.check(principal, Scope.READ);
      return;
    }
    access.check(principal, Scope.WRITE);
    access.checkWriteRate(principal);
  }

  private static InetAddress peer(Request request) {
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }

  private static String bearer(Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null) {
      return null;
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      // An empty token is a mistake, not an absence: it must be refused, not ignored.
      return token.isEmpty() ? "-" : token;
    }
    throw PlotError.of(PlotError.Code.UNAUTHORIZED, "token",
        "only Authorization: Bearer TOKEN is understood");
  }
}
