package dev.plot.http;

import dev.plot.core.Settings;

/**
 * Settings of the HTTP front end.
 *
 * @param host address to listen on
 * @param port port to listen on, 0 for any free one
 * @param maxBodyBytes largest request body accepted
 * @param publicUrl base of the chart links handed out, or empty to use the request's host
 */
public record HttpConfig(String host, int port, long maxBodyBytes, String publicUrl) {

  public static final String HOST = "http.host";
  public static final String PORT = "http.port";
  public static final String MAX_BODY = "http.max-body-bytes";
  public static final String PUBLIC_URL = "http.public-url";

  public static HttpConfig from(Settings settings) {
    return new HttpConfig(
        settings.get(HOST, "127.0.0.1"),
        settings.getPort(PORT, 8080),
        settings.getLong(MAX_BODY, 16L * 1024 * 1024),
        settings.get(PUBLIC_URL, ""));
  }
}
