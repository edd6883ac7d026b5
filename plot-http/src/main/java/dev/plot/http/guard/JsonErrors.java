package dev.plot.http.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plot.core.PlotError;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes refusals as plot's JSON errors: {@code {"error": "...", "field": "..."}}. */
final class JsonErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonErrors() {
  }

  static void write(Response response, Callback callback, PlotError error) {
    response.setStatus(error.code().httpStatus());
    if (error.code() == PlotError.Code.UNAUTHORIZED) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, java.nio.ByteBuffer.wrap(body(error.getMessage(), error.field())),
        callback);
  }

  static byte[] body(String message, String field) {
    ObjectNode node = JSON.createObjectNode();
    node.put("error", message);
    if (field != null) {
      node.put("field", field);
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
