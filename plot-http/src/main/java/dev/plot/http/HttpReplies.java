package dev.plot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.core.PlotError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes replies: JSON bodies, JSON errors, and raw bytes with a content type. */
public final class HttpReplies {

  public static final String JSON = "application/json; charset=utf-8";

  private HttpReplies() {
  }

  public static void json(Response response, Callback callback, int status, JsonNode body) {
    bytes(response, callback, status, JSON, HttpJson.bytes(body));
  }

  public static void bytes(Response response, Callback callback, int status, String type,
      byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  public static void text(Response response, Callback callback, int status, String type,
      String body) {
    bytes(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {"error": ..., "field": ..., "index"|"line": ...}} with the error's status. */
  public static void error(Response response, Callback callback, PlotError error) {
    json(response, callback, error.code().httpStatus(), errorBody(error));
  }

  public static ObjectNode errorBody(PlotError error) {
    ObjectNode body = HttpJson.object();
    body.put("error", error.getMessage());
    if (error.field() != null) {
      body.put("field", error.field());
    }
    if (error.index() != null) {
      body.put("index", error.index());
    }
    if (error.line() != null) {
      body.put("line", error.line());
    }
    return body;
  }
}
