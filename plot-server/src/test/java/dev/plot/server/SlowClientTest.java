package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send too slowly, or nothing, are dropped: a frame or request trickling in one
 * byte at a time, and a connection that never sends. Timeouts are short here so the test is
 * quick; a generous guard stops it if the server never drops them.
 */
final class SlowClientTest {

  private static final Duration GUARD = Duration.ofSeconds(30);

  @TempDir
  Path dataDir;

  private PlotServer server;

  @BeforeEach
  void start() {
    server = PlotServer.start(Settings.of("data.dir", dataDir.toString(), "thrift.port", "0",
        "http.port", "0", "thrift.read-timeout-ms", "1000", "thrift.idle-timeout-ms", "2000",
        "http.idle-timeout-ms", "1000"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void thrift_frameSentOneByteAtATimeIsDropped() {
    assertTimeoutPreemptively(GUARD, () -> {
      try (Socket slow = new Socket("127.0.0.1", server.thriftPort())) {
        boolean dropped = trickle(slow, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5, 6, 7, 8});

        assertTrue(dropped, "the slow client was still connected after all its bytes");
        assertServerAnswers();
      }
    });
  }

  @Test
  void thrift_connectionThatNeverSendsIsDropped() {
    assertTimeoutPreemptively(GUARD, () -> {
      try (Socket idle = new Socket("127.0.0.1", server.thriftPort())) {
        assertEquals(-1, idle.getInputStream().read());
      }
    });
  }

  @Test
  void http_requestSentOneByteAtATimeIsDropped() {
    assertTimeoutPreemptively(GUARD, () -> {
      try (Socket slow = new Socket("127.0.0.1", server.httpPort())) {
        byte[] request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

        assertTrue(trickle(slow, request), "the slow client was still connected");
      }
    });
  }

  /**
   * Sends one byte, then waits for the server to drop the connection before sending the
   * next; the pauses are far longer than the timeouts under test.
   *
   * @return whether the server dropped the connection before all bytes were sent
   */
  private static boolean trickle(Socket socket, byte[] bytes) throws IOException {
    socket.setSoTimeout(3_000);
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    for (byte b : bytes) {
      try {
        out.write(b);
        out.flush();
      } catch (IOException e) {
        return true;
      }
      try {
        int read = in.read();
        if (read == -1) {
          return true;
        }
        // An answer (such as 408) is fine as long as the connection then closes.
        in.readAllBytes();
        return true;
      } catch (java.net.SocketTimeoutException e) {
        // Still connected after a pause twice the timeout: send the next byte.
      } catch (IOException e) {
        return true;
      }
    }
    return false;
  }

  private void assertServerAnswers() throws Exception {
    try (PlotClient client = PlotClient.connect("127.0.0.1:" + server.thriftPort(), false,
        10_000)) {
      client.api().plot(1, 1, 5);
      assertEquals(List.of(5L), client.api().plot_point(1, 1, 1));
    }
  }
}
