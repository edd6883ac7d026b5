package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.Settings;
import dev.plot.core.tls.TlsContexts;
import dev.plot.thrift.gen.Sample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.apache.thrift.TException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thrift over TLS and HTTPS, end to end, with a certificate made for the test. */
final class TlsEndToEndTest {

  @TempDir
  static Path dir;

  private static TestCertificate certificate;
  private static PlotServer server;

  @BeforeAll
  static void start() throws Exception {
    certificate = TestCertificate.create(dir);
    server = PlotServer.start(Settings.of("data.dir", dir.resolve("store").toString(),
        "thrift.port", "0", "http.port", "0", "thrift.tls", "true", "http.tls", "true",
        "tls.cert-file", certificate.cert().toString(),
        "tls.key-file", certificate.key().toString(), "thrift.read-timeout-ms", "2000"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void thrift_savesAndReadsOverTls() throws Exception {
    SSLContext trust = TlsContexts.client(certificate.cert());
    try (PlotClient client = PlotClient.connect("localhost:" + server.thriftPort(), false,
        10_000, trust, null)) {
      int saved = client.api().save(List.of(sample(7, 1, 11, 100), sample(7, 1, 12, 101)));

      assertEquals(2, saved);
      assertEquals(List.of(12L, 11L), client.api().plot_point(7, 1, 10));
    }
  }

  @Test
  void thrift_plainClientCannotTalkToTlsPort() {
    assertThrows(TException.class, () -> {
      try (PlotClient client = PlotClient.connect("127.0.0.1:" + server.thriftPort(), false,
          5_000)) {
        client.api().plot_point(7, 1, 10);
      }
    });
  }

  @Test
  void thrift_untrustedCertificateIsRefusedByClient() {
    SSLContext systemTrust = TlsContexts.client(null);

    assertThrows(TException.class, () -> PlotClient.connect(
        "localhost:" + server.thriftPort(), false, 5_000, systemTrust, null).close());
  }

  @Test
  void pointCommand_readsOverTlsWithCa() throws Exception {
    try (PlotClient client = PlotClient.connect("localhost:" + server.thriftPort(), false,
        10_000, TlsContexts.client(certificate.cert()), null)) {
      client.api().save(List.of(sample(8, 2, 5, 100), sample(8, 2, 6, 101)));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run("point", "--cid", "8", "--rid", "2", "--limit", "5", "--server",
          "localhost:" + server.thriftPort(), "--ca", certificate.cert().toString());
    } finally {
      System.setOut(saved);
    }

    assertEquals(0, code);
    assertEquals("[6, 5]", out.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void thrift_silentTlsClientIsDropped() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      SSLContext trust = TlsContexts.client(certificate.cert());
      try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket("localhost",
          server.thriftPort())) {
        socket.startHandshake();
        socket.setSoTimeout(20_000);

        // Handshaken, then silent: the server's read timeout closes the connection.
        int read;
        try {
          read = socket.getInputStream().read();
        } catch (java.io.IOException e) {
          read = -1;
        }
        assertEquals(-1, read);
      }
    });
  }

  @Test
  void https_answersWithSecurityHeaders() throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .sslContext(TlsContexts.client(certificate.cert()))
        .connectTimeout(Duration.ofSeconds(10)).build();

    HttpResponse<String> response = client.send(HttpRequest.newBuilder(
        URI.create("https://localhost:" + server.httpPort() + "/healthz"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("nosniff",
        response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("")
        .contains("script-src 'self'"));
  }

  static Sample sample(long cid, long rid, long value, long time) {
    Sample sample = new Sample(cid, rid, value);
    sample.setTime(time);
    return sample;
  }
}
