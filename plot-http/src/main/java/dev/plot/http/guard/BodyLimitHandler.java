package dev.plot.http.guard;

import dev.plot.http.HttpConfig;
import dev.plot.http.HttpRequests;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses request bodies larger than {@value HttpConfig#MAX_BODY} with 413, naming the setting.
 * A declared length over the limit is refused before any of the body is read; a body without
 * a length (chunked) fails the read that crosses the limit with the same refusal, which the
 * route answers as the 413 it would have given for a declared length. It must sit before every
 * handler that reads a body.
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
      JsonErrors.write(response, callback,
          HttpRequests.bodyTooLarge(declared + " bytes", maxBodyBytes));
      return true;
    }
    return super.handle(new LimitedRequest(request), response, callback);
  }

  /** Counts the body as it is read and fails the read that crosses the limit. */
  private final class LimitedRequest extends Request.Wrapper {
    private long read;
    private Content.Chunk refused;

    LimitedRequest(Request request) {
      super(request);
    }

    @Override
    public Content.Chunk read() {
      if (refused != null) {
        return refused;
      }
      Content.Chunk chunk = super.read();
      if (chunk == null || Content.Chunk.isFailure(chunk)) {
        return chunk;
      }
      read += chunk.remaining();
      if (read > maxBodyBytes) {
        chunk.release();
        // A PlotError, not an HTTP exception: the route's reader rethrows it as it is, and
        // the route answers it as any refusal, without logging a failure.
        refused = Content.Chunk.from(HttpRequests.bodyTooLarge("more than " + maxBodyBytes
            + " bytes", maxBodyBytes));
        return refused;
      }
      return chunk;
    }
  }
}
