package dev.plot.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A plot server in a child JVM, so a test can kill it with SIGKILL and start it again. */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final StringBuffer log = new StringBuffer();
  final int thriftPort;
  final int httpPort;

  private ServerProcess(Process process, int thriftPort, int httpPort) {
    this.process = process;
    this.thriftPort = thriftPort;
    this.httpPort = httpPort;
  }

  /** Starts {@code plot serve} on free ports and returns once it serves. */
  static ServerProcess start(Path dataDir, String... extraArgs) throws Exception {
    return start(dataDir, freePort(), freePort(), extraArgs);
  }

  static ServerProcess start(Path dataDir, int thriftPort, int httpPort, String... extraArgs)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
        "--data-dir", dataDir.toString(), "--thrift-port", Integer.toString(thriftPort),
        "--http-port", Integer.toString(httpPort)));
    command.addAll(List.of(extraArgs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ServerProcess server = new ServerProcess(process, thriftPort, httpPort);
    CountDownLatch serving = new CountDownLatch(1);
    Thread reader = new Thread(() -> server.drain(serving), "server-log");
    reader.setDaemon(true);
    reader.start();
    if (!serving.await(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("server did not start:\n" + server.log);
    }
    return server;
  }

  private void drain(CountDownLatch serving) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.append(line).append('\n');
        if (line.contains("plot serving")) {
          serving.countDown();
        }
      }
    } catch (IOException e) {
      log.append("log reader stopped: ").append(e.getMessage()).append('\n');
    }
  }

  /** The child JVM's process id, for jcmd. */
  long pid() {
    return process.pid();
  }

  String log() {
    return log.toString();
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed by the server. */
  void killNine() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the server's shutdown hook drains writes and closes the store. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
