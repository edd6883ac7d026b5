package dev.plot.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The last handler: a JSON 404 for any path no other handler took. */
public final class NotFoundHandler extends Handler.Abstract {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    response.setStatus(404);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, "{\"error\":\"no such route\",\"field\":\"path\"}",
        callback);
    return true;
  }
}
