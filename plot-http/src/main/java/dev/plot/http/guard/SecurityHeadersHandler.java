package dev.plot.http.guard;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds {@code X-Content-Type-Options: nosniff} and a Content-Security-Policy allowing only
 * plot's own scripts to every response. It sits outermost, so refusals by the handlers after
 * it carry the headers too; error pages get them from {@link JsonErrorHandler}. The policy is
 * harmless on JSON and pictures and protects every HTML page without each route setting it.
 */
public final class SecurityHeadersHandler extends Handler.Wrapper {

  /**
   * Scripts, fonts and data only from plot itself; inline styles are allowed because chart
   * libraries size elements with style attributes; no plugins; forms post only to plot.
   */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
      + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none';"
      + " base-uri 'none'; form-action 'self'";

  public SecurityHeadersHandler(Handler next) {
    super(next);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    add(response);
    return super.handle(request, response, callback);
  }

  static void add(Response response) {
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.getHeaders().put("Referrer-Policy", "no-referrer");
  }
}
