package dev.plot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.Settings;
import dev.plot.thrift.gen.PlotError;
import dev.plot.thrift.gen.Sample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plot token create|list|revoke} on the embedded store while the server is stopped,
 * then the server honouring what they did.
 */
final class TokenCommandTest {

  @TempDir
  Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private int plot(String... args) {
    out.reset();
    err.reset();
    return Main.run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void create_printsSecretOnceAndServerAcceptsIt() throws Exception {
    assertEquals(0, plot("token", "create", "agent-7", "--scope", "write", "--cid", "1,2",
        "--data-dir", dataDir.toString()));
    String secret = out();
    assertTrue(secret.startsWith("plot_agent-7_"), secret);

    assertEquals(0, plot("token", "list", "--data-dir", dataDir.toString()));
    assertTrue(out().startsWith("agent-7 scope=write cids=1,2 created="), out());
    assertFalse(out().contains(secret));

    try (PlotServer server = start()) {
      try (PlotClient client = PlotClient.connect("127.0.0.1:" + server.thriftPort(), false,
          10_000, null, secret)) {
        assertEquals(1, client.api().save(List.of(new Sample(1, 1, 5))));
        assertEquals(403, assertThrows(PlotError.class,
            () -> client.api().save(List.of(new Sample(3, 1, 5)))).getCode());
      }
    }
  }

  @Test
  void revoke_removesTokenAndServerRefusesIt() throws Exception {
    plot("token", "create", "old", "--scope", "write", "--data-dir", dataDir.toString());
    String secret = out();

    assertEquals(0, plot("token", "revoke", "old", "--data-dir", dataDir.toString()));
    assertEquals("revoked old", out());
    assertEquals(1, plot("token", "revoke", "old", "--data-dir", dataDir.toString()));

    try (PlotServer server = start()) {
      PlotError refused = assertThrows(PlotError.class, () -> PlotClient.connect(
          "127.0.0.1:" + server.thriftPort(), false, 10_000, null, secret).close());
      assertEquals(401, refused.getCode());
    }
  }

  @Test
  void create_badScopeIsOneLineError() {
    assertEquals(1, plot("token", "create", "x", "--scope", "everything", "--data-dir",
        dataDir.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("scope must be read, write or"
        + " admin"), err.toString(StandardCharsets.UTF_8));
  }

  private PlotServer start() {
    return PlotServer.start(Settings.of("data.dir", dataDir.toString(), "thrift.port", "0",
        "http.port", "0", "access.write-allow", "10.0.0.0/8"));
  }
}
