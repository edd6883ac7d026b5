package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Category;
import dev.plot.api.PointStore;
import dev.plot.core.Settings;
import dev.plot.thrift.gen.Plot;
import dev.plot.thrift.gen.Sample;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated Thrift frames and HTTP bodies against a server in a child JVM under
 * -Xmx256m, on its own ports on 127.0.0.1. Bounded in count and time. Afterwards the server
 * still answers, and the store holds exactly the points the server acknowledged: valid
 * requests, plus any mutated one that happened to stay valid and was acknowledged as such.
 */
final class FuzzTest {

  /** Frames to try; the run stops earlier when its time is up. */
  private static final long THRIFT_FRAMES = 100_000;
  private static final long HTTP_BODIES = 5_000;
  private static final long THRIFT_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(75);
  private static final long HTTP_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(25);
  private static final int MAX_FRAME = 64 * 1024;
  private static final int THRIFT_CONNECTIONS = 6;
  private static final int BODY_LIMIT = 64 * 1024;
  private static final Pattern SAVED = Pattern.compile("\"saved\"\\s*:\\s*(\\d+)");

  @TempDir
  Path dataDir;

  private final Figures figures = new Figures();

  @Test
  void fuzz_serverSurvivesAndStoresExactlyTheAcknowledgedPoints() throws Exception {
    long heapBefore;
    long heapAfter;
    try (ServerProcess server = ServerProcess.start(dataDir, "-D",
        "thrift.max-frame-bytes=" + MAX_FRAME, "-D", "http.max-body-bytes=" + BODY_LIMIT)) {
      heapBefore = heapUsed(server);

      long started = System.nanoTime();
      runThrift(server.thriftPort);
      figures.thriftSeconds = (System.nanoTime() - started) / 1_000_000_000.0;
      started = System.nanoTime();
      runHttp(server.httpPort);
      figures.httpSeconds = (System.nanoTime() - started) / 1_000_000_000.0;

      assertAnswers(server);
      heapAfter = heapUsed(server);
      server.stop();
    }
    long stored = storedPoints();

    System.out.printf("fuzz: thrift frames tried %d (valid %d, mutated %d, random %d, lying"
        + " length %d, truncated %d, oversized %d), http bodies %d, points acknowledged %d,"
        + " stored %d, unanswered %d, crashes 0, partial writes %d, heap used before %d MB,"
        + " after %d MB, thrift %.1f s, http %.1f s%n", figures.frames.get(),
        figures.valid.get(), figures.mutated.get(),
        figures.random.get(), figures.lying.get(), figures.truncated.get(),
        figures.oversized.get(), figures.bodies.get(), figures.acknowledged.get(), stored,
        figures.unanswered.get(), stored - figures.acknowledged.get(), heapBefore >> 20,
        heapAfter >> 20, figures.thriftSeconds, figures.httpSeconds);
    assertTrue(figures.frames.get() >= THRIFT_FRAMES, "frames tried: " + figures.frames);
    assertEquals(0, figures.unanswered.get(), "requests neither answered nor closed");
    assertEquals(figures.acknowledged.get(), stored, "points stored vs acknowledged");
  }

  // Thrift

  private void runThrift(int port) throws Exception {
    long deadline = System.nanoTime() + THRIFT_BUDGET_NANOS;
    // Several connections at once, so the server's group commit has company to gather.
    ExecutorService workers = Executors.newFixedThreadPool(THRIFT_CONNECTIONS);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < THRIFT_CONNECTIONS; i++) {
      long seed = 8_000L + i;
      done.add(workers.submit(() -> {
        thriftWorker(port, new Random(seed), deadline);
        return null;
      }));
    }
    for (Future<?> future : done) {
      future.get(3, TimeUnit.MINUTES);
    }
    workers.shutdownNow();
  }

  private void thriftWorker(int port, Random random, long deadline) throws IOException {
    while (figures.frames.get() < THRIFT_FRAMES && System.nanoTime() < deadline) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        Connection connection = new Connection(socket);
        int frames = 1 + random.nextInt(200);
        for (int i = 0; i < frames && figures.frames.get() < THRIFT_FRAMES; i++) {
          if (!sendOne(connection, random)) {
            break;
          }
        }
      }
    }
  }

  /** Sends one frame and reads what comes back; false when this connection is finished. */
  private boolean sendOne(Connection connection, Random random) throws IOException {
    figures.frames.incrementAndGet();
    int kind = random.nextInt(100);
    if (kind < 35) {
      figures.valid.incrementAndGet();
      return connection.call(frame(validPayload(random)));
    }
    if (kind < 80) {
      figures.mutated.incrementAndGet();
      return connection.call(frame(mutate(validPayload(random), random)));
    }
    if (kind < 92) {
      figures.random.incrementAndGet();
      byte[] payload = new byte[1 + random.nextInt(300)];
      random.nextBytes(payload);
      return connection.call(frame(payload));
    }
    byte[] payload = validPayload(random);
    byte[] bytes;
    if (kind < 95) {
      figures.lying.incrementAndGet();
      bytes = frame(payload);
      int lie = random.nextBoolean() ? payload.length + 1 + random.nextInt(1000)
          : Math.max(1, payload.length - 1 - random.nextInt(payload.length));
      ByteBuffer.wrap(bytes).putInt(0, lie);
    } else if (kind < 98) {
      figures.truncated.incrementAndGet();
      byte[] whole = frame(payload);
      bytes = Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
    } else {
      figures.oversized.incrementAndGet();
      bytes = new byte[4 + random.nextInt(64)];
      random.nextBytes(bytes);
      ByteBuffer.wrap(bytes).putInt(0, random.nextBoolean()
          ? MAX_FRAME + 1 + random.nextInt(Integer.MAX_VALUE - MAX_FRAME - 1)
          : -1 - random.nextInt(Integer.MAX_VALUE));
    }
    connection.sendLast(bytes);
    return false;
  }

  private static byte[] validPayload(Random random) {
    try {
      TMemoryBuffer buffer = new TMemoryBuffer(256);
      TBinaryProtocol protocol = new TBinaryProtocol(buffer);
      if (random.nextInt(4) == 0) {
        protocol.writeMessageBegin(new TMessage("plot", TMessageType.CALL, random.nextInt()));
        new Plot.plot_args(1 + random.nextInt(3), 1 + random.nextInt(5), random.nextInt(1000))
            .write(protocol);
      } else {
        List<Sample> samples = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
          Sample sample = new Sample(1 + random.nextInt(3), 1 + random.nextInt(5),
              random.nextInt(1_000_000));
          if (random.nextBoolean()) {
            sample.setTime(1_700_000_000L + random.nextInt(1_000_000));
          }
          samples.add(sample);
        }
        protocol.writeMessageBegin(new TMessage("save", TMessageType.CALL, random.nextInt()));
        new Plot.save_args(samples).write(protocol);
      }
      protocol.writeMessageEnd();
      return Arrays.copyOf(buffer.getArray(), buffer.length());
    } catch (TException e) {
      throw new IllegalStateException("cannot encode a request", e);
    }
  }

  /** Corrupts a valid request: flipped bytes, random runs, cut or grown, lengths inside lied. */
  private static byte[] mutate(byte[] payload, Random random) {
    byte[] bytes = payload.clone();
    switch (random.nextInt(5)) {
      case 0 -> {
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        int at = random.nextInt(bytes.length);
        for (int i = at; i < Math.min(bytes.length, at + 1 + random.nextInt(8)); i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
      }
      case 2 -> bytes = Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length));
      case 3 -> {
        bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(32));
        for (int i = payload.length; i < bytes.length; i++) {
          bytes[i] = (byte) random.nextInt(256);
        }
      }
      default -> {
        // A 4-byte length somewhere inside (a string, a list) now claims anything.
        int at = random.nextInt(Math.max(1, bytes.length - 4));
        int[] lies = {-1, 0, Integer.MAX_VALUE, 0x7fff, random.nextInt()};
        ByteBuffer.wrap(bytes).putInt(at, lies[random.nextInt(lies.length)]);
      }
    }
    return bytes;
  }

  private static byte[] frame(byte[] payload) {
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
  }

  /** One fuzzing connection: sends frames and counts the points acknowledged in replies. */
  private final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    Connection(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new DataInputStream(socket.getInputStream());
    }

    /** Sends a frame of the right length and reads its reply; false if the server closed. */
    boolean call(byte[] frame) throws IOException {
      try {
        out.write(frame);
        out.flush();
        return readReply();
      } catch (SocketTimeoutException e) {
        figures.unanswered.incrementAndGet();
        return false;
      } catch (IOException e) {
        // The server closed the connection (reset): a refusal, nothing acknowledged.
        return false;
      }
    }

    /** Sends bytes the server cannot finish as a frame, then reads replies until it closes. */
    void sendLast(byte[] bytes) {
      try {
        out.write(bytes);
        out.flush();
        socket.shutdownOutput();
        while (readReply()) {
          // Each reply is counted as it is read.
        }
      } catch (SocketTimeoutException e) {
        figures.unanswered.incrementAndGet();
      } catch (IOException e) {
        // Reset by the server: what it refused is not acknowledged.
      }
    }

    private boolean readReply() throws IOException {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException e) {
        return false;
      }
      byte[] payload = new byte[length];
      in.readFully(payload);
      figures.acknowledged.addAndGet(acknowledged(payload));
      return true;
    }
  }

  /** Points a reply acknowledges: a successful save's count, 1 for a successful plot. */
  private static long acknowledged(byte[] payload) {
    try {
      TBinaryProtocol protocol = new TBinaryProtocol(new TMemoryInputTransport(payload));
      TMessage message = protocol.readMessageBegin();
      if (message.type != TMessageType.REPLY) {
        return 0;
      }
      if (message.name.equals("save")) {
        Plot.save_result result = new Plot.save_result();
        result.read(protocol);
        return result.isSetSuccess() ? result.getSuccess() : 0;
      }
      if (message.name.equals("plot")) {
        return 1;
      }
      return 0;
    } catch (TException e) {
      throw new AssertionError("the server sent a reply that does not parse", e);
    }
  }

  // HTTP

  private void runHttp(int port) throws Exception {
    long deadline = System.nanoTime() + HTTP_BUDGET_NANOS;
    Random random = new Random(9_000);
    List<String> paths = List.of("/api/v1/points", "/api/v1/charts", "/api/v1/series/1/1",
        "/c/abc", "/healthz", "/", "/api/v1/points?format=json");
    while (figures.bodies.get() < HTTP_BODIES && System.nanoTime() < deadline) {
      figures.bodies.incrementAndGet();
      byte[] body = httpBody(random);
      String path = paths.get(random.nextInt(paths.size()));
      String head = (random.nextInt(5) == 0 ? "PUT " : "POST ") + path + " HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
          + (random.nextBoolean() ? "application/json" : "text/plain") + "\r\n"
          + "Content-Length: " + body.length + "\r\n\r\n";
      String answer = exchange(port, head.getBytes(StandardCharsets.ISO_8859_1), body);
      if (answer.isEmpty()) {
        // Only a body over the limit may be refused by closing before it is all sent.
        assertTrue(body.length > BODY_LIMIT, "no answer to a body of " + body.length
            + " bytes on " + path);
        continue;
      }
      int status = Integer.parseInt(answer.substring(9, 12));
      assertTrue(status < 500, path + " answered " + answer);
      assertTrue(!answer.contains("\tat ") && !answer.contains("Exception"),
          "a stack trace in " + answer);
      Matcher saved = SAVED.matcher(answer);
      if (status == 200 && saved.find()) {
        figures.acknowledged.addAndGet(Long.parseLong(saved.group(1)));
      }
    }
    for (int i = 0; i < 300; i++) {
      figures.bodies.incrementAndGet();
      rawHttp(port, random);
    }
  }

  /** One request on its own connection; the whole answer, or "" when the server closed. */
  private static String exchange(int port, byte[] head, byte[] body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(head);
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // Refused while sending: the answer, if any, is still readable below.
      }
      try {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (SocketTimeoutException e) {
        throw new AssertionError("an HTTP request was neither answered nor closed", e);
      } catch (IOException e) {
        return "";
      }
    }
  }

  private static byte[] httpBody(Random random) {
    int kind = random.nextInt(4);
    if (kind == 0) {
      byte[] bytes = new byte[random.nextInt(2_000)];
      random.nextBytes(bytes);
      return bytes;
    }
    if (kind == 1) {
      return new byte[70_000 + random.nextInt(10_000)];
    }
    StringBuilder text = new StringBuilder();
    String[] pieces = {"{", "}", "[", "]", "\"cid\":", "\"rid\":", "\"value\":", "1", "-1",
        "99999999999999999999", "1e308", "null", ",", " ", "\n", "\"", "\\u0000", "a", ":",
        "\"samples\":", "\"time\":"};
    int count = random.nextInt(200);
    for (int i = 0; i < count; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A request with a lying Content-Length, a broken header or a cut body, by hand. */
  private static void rawHttp(int port, Random random) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String[] heads = {
          "POST /api/v1/points HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nshort",
          "POST /api/v1/points HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
          "POST /api/v1/points HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\nx",
          "POST /api/v1/points HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
          "GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n",
          "BREW /api HTTP/9.9\r\n\r\n",
          "POST /api/v1/points HTTP/1.1\r\nHost: x\r\n" + "X: y\r\n".repeat(3000) + "\r\n"};
      OutputStream out = socket.getOutputStream();
      out.write(heads[random.nextInt(heads.length)].getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(!answer.contains("\tat ") && !answer.startsWith("HTTP/1.1 500"),
          "raw request answered: " + answer);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("a broken HTTP request was neither answered nor closed", e);
    } catch (IOException e) {
      // Reset by the server while refusing: an answer too.
    }
  }

  // afterwards

  private static void assertAnswers(ServerProcess server) throws Exception {
    try (PlotClient client = PlotClient.connect("127.0.0.1:" + server.thriftPort, false,
        10_000)) {
      client.api().plot_point(1, 1, 1);
    }
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.httpPort + "/healthz"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, health.statusCode());
  }

  private long storedPoints() {
    long total = 0;
    try (PointStore store = PlotModule.openStore(Settings.of("data.dir", dataDir.toString()))) {
      for (Category category : store.categories()) {
        for (long rid : store.rids(category.cid())) {
          total += store.newest(category.cid(), rid, Integer.MAX_VALUE).size();
        }
      }
    }
    return total;
  }

  /** Heap in use in the server's JVM after a full collection, from jcmd; -1 without jcmd. */
  private static long heapUsed(ServerProcess server) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!jcmd.toFile().canExecute()) {
      return -1;
    }
    String pid = Long.toString(server.pid());
    run(jcmd.toString(), pid, "GC.run");
    String info = run(jcmd.toString(), pid, "GC.heap_info");
    Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    long bytes = 0;
    while (used.find()) {
      bytes += Long.parseLong(used.group(1)) * 1024;
    }
    return bytes;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    process.getInputStream().transferTo(out);
    process.waitFor(60, TimeUnit.SECONDS);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the run did, counted across threads. */
  private static final class Figures {
    final AtomicLong frames = new AtomicLong();
    final AtomicLong valid = new AtomicLong();
    final AtomicLong mutated = new AtomicLong();
    final AtomicLong random = new AtomicLong();
    final AtomicLong lying = new AtomicLong();
    final AtomicLong truncated = new AtomicLong();
    final AtomicLong oversized = new AtomicLong();
    final AtomicLong bodies = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    volatile double thriftSeconds;
    volatile double httpSeconds;
  }
}
