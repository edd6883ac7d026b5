package dev.plot.server;

import dev.plot.core.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole plot server on free ports of 127.0.0.1 with a real HTTP client. The store is a
 * parameter: the default {@code log} store in a temporary directory, {@code
 * -Dplot.test.store=h2} the H2 store there, {@code -Dplot.test.store=mysql} MySQL, reading
 * {@code PLOT_TEST_MYSQL_URL},
 * {@code _USER} and {@code _PASSWORD} (defaults: the test script's database {@code plot_test},
 * user plot/plot). On MySQL each start drops plot's tables first, so every server starts as
 * empty as one on a fresh directory.
 */
final class TestServer implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final PlotServer server;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private TestServer(PlotServer server) {
    this.server = server;
  }

  /** Starts a server; {@code settings} win over the fixture's. */
  static TestServer start(Path dataDir, Map<String, String> settings) {
    Map<String, String> all = new LinkedHashMap<>();
    String store = System.getProperty("plot.test.store", "log");
    all.put("store", store);
    all.put("data.dir", dataDir.toString());
    all.put("thrift.host", "127.0.0.1");
    all.put("thrift.port", "0");
    all.put("http.host", "127.0.0.1");
    all.put("http.port", "0");
    if (store.equals("mysql")) {
      all.put("mysql.url", env("PLOT_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/plot_test"));
      all.put("mysql.user", env("PLOT_TEST_MYSQL_USER", "plot"));
      all.put("mysql.password", env("PLOT_TEST_MYSQL_PASSWORD", "plot"));
      dropPlotTables(all.get("mysql.url"), all.get("mysql.user"), all.get("mysql.password"));
    }
    all.putAll(settings);
    return new TestServer(PlotServer.start(new Settings(all)));
  }

  static TestServer start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  PlotServer server() {
    return server;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.httpPort() + path;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET().build());
  }

  HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  HttpResponse<String> postJson(String path, String body)
      throws IOException, InterruptedException {
    return post(path, "application/json", body);
  }

  HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE().build());
  }

  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path))).timeout(TIMEOUT);
  }

  /** Drops plot's own tables, leaving anything else in the test database alone. */
  private static void dropPlotTables(String url, String user, String password) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
         Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM"
          + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        if (name.matches("plot_(category|chart|batch|meta|schema_history|[0-9]+)")) {
          statement.execute("DROP TABLE IF EXISTS `" + name + "`");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot clean the test database " + url + ": "
          + e.getMessage(), e);
    }
  }

  private static String env(String name, String defaultValue) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }

  @Override
  public void close() {
    server.close();
  }
}
