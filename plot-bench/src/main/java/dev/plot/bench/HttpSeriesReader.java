package dev.plot.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads series with {@code GET /api/v1/series/{cid}/{rid}?limit=N} over one keep-alive HTTP/1.1
 * connection. The answer is checked by counting the pairs of its {@code points} array and
 * comparing the value of the first (newest) pair.
 */
public final class HttpSeriesReader implements SeriesReader {

  /** The server answered that it has no such route: the HTTP reads are not built there yet. */
  public static final class RouteMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    RouteMissingException(String message) {
      super(message);
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  private final HttpClient client;
  private final String base;
  private final Workload workload;
  private final int limit;
  private final Duration timeout;

  public HttpSeriesReader(HostPort server, Workload workload, int limit, int timeoutMillis) {
    // One client per reader: a separate connection per thread, like separate processes.
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(timeoutMillis)).build();
    this.base = "http://" + server + "/api/v1/series/" + workload.cid() + "/";
    this.workload = workload;
    this.limit = limit;
    this.timeout = Duration.ofMillis(timeoutMillis);
  }

  /** A factory opening one HTTP client per reader. */
  public static Factory factory(HostPort server, Workload workload, int limit,
      int timeoutMillis) {
    return () -> new HttpSeriesReader(server, workload, limit, timeoutMillis);
  }

  @Override
  public boolean read(long rid) throws Exception {
    URI uri = URI.create(base + rid + "?limit=" + limit);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      throw new RouteMissingException("GET " + uri + " answered 404: the server has no series"
          + " route yet");
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET " + uri + " answered " + response.statusCode());
    }
    return check(response.body(), rid);
  }

  private boolean check(byte[] body, long rid) throws IOException {
    int pairs = 0;
    long newest = -1;
    try (JsonParser parser = JSON.createParser(body)) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() == JsonToken.FIELD_NAME
            && parser.currentName().equals("points") && parser.getParsingContext().getParent()
            .inRoot()) {
          parser.nextToken();
          while (parser.nextToken() == JsonToken.START_ARRAY) {
            parser.nextToken();
            parser.nextToken();
            if (pairs == 0) {
              newest = parser.getValueAsLong();
            }
            parser.nextToken();
            pairs++;
          }
        }
      }
    }
    return pairs == Math.min(limit, workload.points()) && newest == workload.newestValue(rid);
  }

  @Override
  public void close() {
    // HttpClient holds no resources that outlive its connections' idle timeout in Java 17.
  }
}
