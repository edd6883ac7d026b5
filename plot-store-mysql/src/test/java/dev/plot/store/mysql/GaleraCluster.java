package dev.plot.store.mysql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared three-node Galera test cluster ({@code shared/galera/start.sh} and
 * {@code stop.sh}, see GALERA.md) in a temporary directory of the test's own. Node N answers
 * SQL on 127.0.0.1:331N. Skips the calling tests, saying why, where the machine cannot run it.
 */
final class GaleraCluster implements AutoCloseable {

  /** Set to true to skip the cluster suite on a machine that could run it. */
  static final String SKIP_PROPERTY = "plot.galera.skip";

  private static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
  private static final long SCRIPT_TIMEOUT_SECONDS = 240;
  private static final int[] PORTS = {3311, 3312, 3313, 4561, 4562, 4563};

  private final Path scripts;
  private final Path base;
  private final Thread stopAtExit;

  private GaleraCluster(Path scripts, Path base) {
    this.scripts = scripts;
    this.base = base;
    // Stops the nodes even when the test JVM is ended before @AfterAll runs.
    this.stopAtExit = new Thread(this::stopQuietly, "galera-stop-at-exit");
  }

  /**
   * Starts the three nodes, or skips the calling tests saying what is missing. They stop at
   * {@link #close()} or, at the latest, when the JVM exits.
   */
  static GaleraCluster start() throws IOException, InterruptedException {
    Assumptions.assumeFalse(Boolean.getBoolean(SKIP_PROPERTY),
        "skipped: -D" + SKIP_PROPERTY + "=true");
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "skipped: the Galera scripts run as root");
    Assumptions.assumeTrue(Files.exists(PROVIDER),
        "skipped: galera is not installed (" + PROVIDER + "; apt-get install galera-4 rsync)");
    Optional<Path> scripts = findScripts();
    Assumptions.assumeTrue(scripts.isPresent(),
        "skipped: shared/galera/start.sh or scripts/galera/start.sh not found above "
            + Path.of("").toAbsolutePath() + " (set PLOT_GALERA_SCRIPTS)");
    for (int port : PORTS) {
      Assumptions.assumeTrue(free(port), "skipped: port " + port
          + " is in use; another Galera test cluster is running on this machine");
    }
    Path base = Files.createTempDirectory(Path.of("/tmp"), "plot-galera-");
    GaleraCluster cluster = new GaleraCluster(scripts.get(), base);
    Runtime.getRuntime().addShutdownHook(cluster.stopAtExit);
    try {
      cluster.run("start.sh");
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * A JDBC URL of database {@code plot_galera} naming these nodes in this order: the first is
   * used while it answers, the next ones when it does not.
   */
  String url(int... nodes) {
    StringJoiner hosts = new StringJoiner(",");
    for (int node : nodes) {
      hosts.add("127.0.0.1:331" + node);
    }
    return "jdbc:mysql://" + hosts + "/plot_galera?createDatabaseIfNotExist=true";
  }

  /** Kills one node's mariadbd with SIGKILL. */
  void kill(int node) throws IOException {
    long pid = Long.parseLong(Files.readString(base.resolve("node" + node + "/launch.pid"))
        .trim());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
        "node" + node + " (pid " + pid + ") is not running"));
    process.destroyForcibly();
    process.onExit().join();
  }

  /** Starts the nodes that are not running, as joiners, and waits until all are Synced. */
  void restartMissing() throws IOException, InterruptedException {
    run("start.sh");
  }

  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException e) {
      // The JVM is exiting already, and the hook has run or is running.
    }
  }

  private void stopQuietly() {
    try {
      run("stop.sh");
      try (Stream<Path> files = Files.walk(base)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("galera test cluster under " + base + " may still run: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(String script) throws IOException, InterruptedException {
    Path log = Files.createTempFile("plot-galera-", ".log");
    try {
      Process process = new ProcessBuilder(List.of(scripts.resolve(script).toString(),
          base.toString()))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(script + " did not finish within "
            + SCRIPT_TIMEOUT_SECONDS + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(script + " failed with " + process.exitValue() + ":\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Optional<Path> findScripts() {
    String configured = System.getenv("PLOT_GALERA_SCRIPTS");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(dir -> Files.exists(dir.resolve("start.sh")));
    }
    // The workplace's shared scripts first; else the copy in the repository's scripts/galera,
    // so a clean clone anywhere runs the suite.
    for (String place : new String[] {"shared/galera", "scripts/galera"}) {
      for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(place);
        if (Files.isExecutable(candidate.resolve("start.sh"))) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
