package dev.plot.http;

import dev.plot.core.PlotError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of plot's route handlers: a refusal ({@link PlotError}) becomes its JSON error and
 * status, anything else a 500 whose body says only that the request failed; the cause is
 * logged once, never sent to the client.
 */
public abstract class ApiHandler extends Handler.Abstract {

  private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

  @Override
  public final boolean handle(Request request, Response response, Callback callback) {
    try {
      serve(request, response, callback);
    } catch (PlotError e) {
      refused(request, response, callback, e);
    } catch (Exception e) {
      // The trace goes to the log for the operator; the client learns only that it failed.
      log.error("http request failed method={} path={}", request.getMethod(),
          Request.getPathInContext(request), e);
      HttpReplies.error(response, callback, PlotError.of(PlotError.Code.UNAVAILABLE, null,
          "the request failed on the server; it is logged"));
    }
    return true;
  }

  /** Answers the request; throws {@link PlotError} for a client's mistake. */
  protected abstract void serve(Request request, Response response, Callback callback)
      throws Exception;

  /** Answers a refusal; pages override it to answer in HTML. */
  protected void refused(Request request, Response response, Callback callback, PlotError e) {
    HttpReplies.error(response, callback, e);
  }

  /**
   * Refuses a method the route does not take: a 405 naming it, with {@code Allow} listing the
   * methods that work, so a client can correct the method rather than the request.
   */
  protected static PlotError methodNotAllowed(Request request, Response response,
      String... allowed) {
    String list = String.join(", ", allowed);
    response.getHeaders().put(HttpHeader.ALLOW, list);
    return PlotError.of(PlotError.Code.METHOD_NOT_ALLOWED, "method", request.getMethod()
        + " is not allowed here; use " + list);
  }
}
