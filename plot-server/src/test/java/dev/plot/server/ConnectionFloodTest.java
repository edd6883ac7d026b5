package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many more connections than allowed: the excess is closed (Thrift) or left waiting (HTTP),
 * and once the flood ends the server serves normally. Bounded: 300 sockets each.
 */
final class ConnectionFloodTest {

  private static final int LIMIT = 16;
  private static final int FLOOD = 300;

  @TempDir
  Path dataDir;

  private PlotServer server;

  @BeforeEach
  void start() {
    server = PlotServer.start(Settings.of("data.dir", dataDir.toString(), "thrift.port", "0",
        "http.port", "0", "thrift.max-connections", Integer.toString(LIMIT),
        "http.max-connections", Integer.toString(LIMIT)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void thrift_connectionsBeyondLimitAreClosedAndServiceResumes() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      List<Socket> flood = open(server.thriftPort());
      int closed;
      try {
        closed = closedByServer(flood, FLOOD - LIMIT);
      } finally {
        closeAll(flood);
      }

      assertTrue(closed >= FLOOD - LIMIT, "closed " + closed + " of " + FLOOD);
      try (PlotClient client = connectWhenFree()) {
        client.api().plot(1, 1, 3);
        assertEquals(List.of(3L), client.api().plot_point(1, 1, 1));
      }
    });
  }

  @Test
  void http_floodStopsBeingAcceptedAndServiceResumes() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      List<Socket> flood = new ArrayList<>();
      boolean refused = false;
      try {
        // Beyond the limit Jetty stops accepting; once the kernel's queue is full too, a
        // connect gets no answer: the flood holds at most the limit plus that queue.
        for (int i = 0; i < FLOOD && !refused; i++) {
          Socket socket = new Socket();
          try {
            socket.connect(new InetSocketAddress("127.0.0.1", server.httpPort()), 1_000);
            flood.add(socket);
          } catch (SocketTimeoutException e) {
            socket.close();
            refused = true;
          }
        }
      } finally {
        closeAll(flood);
      }
      assertTrue(refused, "all " + FLOOD + " connections were taken");

      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.httpPort() + "/healthz"))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());

      assertEquals(200, health.statusCode());
    });
  }

  private static List<Socket> open(int port) throws IOException {
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < FLOOD; i++) {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(50);
      sockets.add(socket);
    }
    return sockets;
  }

  /** Polls the sockets until {@code expected} of them read end-of-stream, or 20 s pass. */
  private static int closedByServer(List<Socket> sockets, int expected) throws IOException {
    List<Socket> open = new ArrayList<>(sockets);
    int closed = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (closed < expected && System.nanoTime() < deadline) {
      for (int i = open.size() - 1; i >= 0; i--) {
        try {
          if (open.get(i).getInputStream().read() == -1) {
            open.remove(i);
            closed++;
          }
        } catch (SocketTimeoutException e) {
          // Still open: asked again on the next pass.
        } catch (IOException e) {
          open.remove(i);
          closed++;
        }
      }
    }
    return closed;
  }

  private static void closeAll(List<Socket> sockets) throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** Connects once the server has counted the flood's connections out again. */
  private PlotClient connectWhenFree() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        PlotClient client = PlotClient.connect("127.0.0.1:" + server.thriftPort(), false,
            5_000);
        client.api().plot_point(1, 1, 1);
        return client;
      } catch (org.apache.thrift.TException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
