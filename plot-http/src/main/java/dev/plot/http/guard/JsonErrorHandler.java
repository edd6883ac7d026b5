package dev.plot.http.guard;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Replaces Jetty's error pages: every error is {@code {"error": "...", "status": N}}, never a
 * stack trace or the server's version. A 4xx keeps Jetty's message (what was wrong with the
 * request); a 5xx says only that the server failed, as its cause is no business of the client.
 */
public final class JsonErrorHandler extends ErrorHandler {

  public JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowOrigin(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() < 400 ? 500 : response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(ERROR_CACHE_CONTROL);
    SecurityHeadersHandler.add(response);
    String text = message == null ? null : message.toString();
    response.write(true, ByteBuffer.wrap(body(status, text)), callback);
    return true;
  }

  private static byte[] body(int status, String message) {
    String reason = HttpStatus.getMessage(status);
    String text = status >= 500 || message == null || message.isBlank() ? reason : message;
    byte[] json = JsonErrors.body(text, null);
    // Splice the status in: {"error":"..."} becomes {"error":"...","status":N}.
    String withStatus = new String(json, java.nio.charset.StandardCharsets.UTF_8);
    withStatus = withStatus.substring(0, withStatus.length() - 1) + ",\"status\":" + status + "}";
    return withStatus.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
