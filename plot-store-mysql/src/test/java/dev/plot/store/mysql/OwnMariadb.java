package dev.plot.store.mysql;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code mariadbd} of the test's own, on a free port of 127.0.0.1 and a temporary data
 * directory, that the test may kill and restart; the shared database on 3306 is never touched.
 * Needs Debian's MariaDB server package and root (mariadbd runs as user mysql).
 */
final class OwnMariadb implements AutoCloseable {

  private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static final long START_TIMEOUT_SECONDS = 120;

  private final Path dir;
  private final int port;
  private Process process;

  private OwnMariadb(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Installs and starts one; skips the calling test when this machine cannot run it. */
  static OwnMariadb start() throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(MARIADBD) && Files.isExecutable(INSTALL_DB),
        "skipped: restart tests need " + MARIADBD + " and " + INSTALL_DB
            + " (apt-get install mariadb-server)");
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "skipped: restart tests run mariadbd as user mysql, which needs root");
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "plot-mariadb-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    // mariadbd writes its socket, pid and log files here as user mysql.
    Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName("mysql"));
    OwnMariadb server = new OwnMariadb(dir, freePort());
    server.install();
    server.restart();
    return server;
  }

  /** A JDBC URL of database {@code plot} on this server, created on first connect. */
  String url() {
    return "jdbc:mysql://127.0.0.1:" + port + "/plot?createDatabaseIfNotExist=true";
  }

  /** Kills the server with SIGKILL, as a crash or {@code kill -9} would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /** Starts the server (again) on the same data and port, and waits until it answers. */
  void restart() throws IOException, InterruptedException {
    process = new ProcessBuilder(List.of(MARIADBD.toString(), "--no-defaults", "--user=mysql",
        "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
        "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
        "--log-error=" + dir.resolve("error.log"), "--skip-grant-tables", "--skip-name-resolve",
        "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("stdout.log").toFile())
        .start();
    waitUntilAnswering();
  }

  @Override
  public void close() throws IOException {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private void install() throws IOException, InterruptedException {
    Process install = new ProcessBuilder(List.of(INSTALL_DB.toString(), "--no-defaults",
        "--user=mysql", "--datadir=" + dir.resolve("data"), "--skip-test-db",
        "--auth-root-authentication-method=normal"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("install.log").toFile())
        .start();
    if (!install.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS) || install.exitValue() != 0) {
      install.destroyForcibly();
      throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve(
          "install.log") + ":\n" + Files.readString(dir.resolve("install.log")));
    }
  }

  private void waitUntilAnswering() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mariadbd exited with " + process.exitValue()
            + ", see " + dir.resolve("error.log") + " and " + dir.resolve("stdout.log"));
      }
      try (Connection connection = DriverManager.getConnection(url(), "root", "")) {
        if (connection.isValid(10)) {
          return;
        }
      } catch (SQLException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("mariadbd did not answer on port " + port + " within "
        + START_TIMEOUT_SECONDS + " s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
