package dev.plot.http.guard;

import dev.plot.core.PlotError;
import dev.plot.http.HttpConfig;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses request bodies larger than {@value HttpConfig#MAX_BODY} with 413, naming the setting.
 * A declared length over the limit is refused before any of the body is read; a body without
 * a length (chunked) fails the read that crosses the limit, which the route answers as 413
 * through the error handler. It must sit before every handler that reads a body.
 */
public final class BodyLimitHandler extends Handler.Wrapper {

  private final long maxBodyBytes;

  /** @param maxBodyBytes largest body accepted, in bytes */
  public BodyLimitHandler(long maxBodyBytes, Handler next) {
    super(next);
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      JsonErrors.write(response, callback, refusal(declared + " bytes"));
      return true;
    }
    return super.handle(new LimitedRequest(request), response, callback);
  }

  private PlotError refusal(String size) {
    return PlotError.of(PlotError.Code.TOO_LARGE, HttpConfig.MAX_BODY, "request body of "
        + size + " is larger than " + HttpConfig.MAX_BODY + "=" + maxBodyBytes + " bytes");
  }

  /** Counts the body as it is read and fails the read that crosses the limit. */
  private final class LimitedRequest extends Request.Wrapper {
    private long read;

    LimitedRequest(Request request) {
      super(request);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = super.read();
      if (chunk == null || Content.Chunk.isFailure(chunk)) {
        return chunk;
      }
      read += chunk.remaining();
      if (read > maxBodyBytes) {
        chunk.release();
        PlotError error = refusal("more than " + maxBodyBytes + " bytes");
        return Content.Chunk.from(new HttpException.RuntimeException(413, error.getMessage()));
      }
      return chunk;
    }
  }
}
