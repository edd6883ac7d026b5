package dev.plot.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the server's identity from PEM files that openssl writes. */
final class TlsContextsTest {

  @TempDir
  Path dir;

  @Test
  void keyStore_readsPkcs8Key() throws Exception {
    Path key = dir.resolve("key.pem");
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
        key.toString());
    Path cert = selfSigned(key);

    KeyStore store = TlsContexts.keyStore(new TlsConfig(cert.toString(), key.toString(), "", ""));

    assertNotNull(store.getKey("plot", TlsContexts.keyPassword(
        new TlsConfig(cert.toString(), key.toString(), "", "")).toCharArray()));
  }

  @Test
  void keyStore_readsPkcs1RsaKey() throws Exception {
    Path key = dir.resolve("rsa.pem");
    openssl("genrsa", "-traditional", "-out", key.toString(), "2048");
    assertTrue(Files.readString(key).contains("BEGIN RSA PRIVATE KEY"));
    Path cert = selfSigned(key);

    KeyStore store = TlsContexts.keyStore(new TlsConfig(cert.toString(), key.toString(), "", ""));

    assertEquals(1, store.size());
  }

  @Test
  void keyStore_readsEcKey() throws Exception {
    Path key = dir.resolve("ec.pem");
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        key.toString());
    Path cert = selfSigned(key);

    assertNotNull(TlsContexts.server(new TlsConfig(cert.toString(), key.toString(), "", "")));
  }

  @Test
  void keyStore_missingFileNamesTheSetting() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TlsContexts.keyStore(new TlsConfig(dir.resolve("none.pem").toString(),
            dir.resolve("none.key").toString(), "", "")));

    assertTrue(error.getMessage().contains(TlsConfig.CERT_FILE), error.getMessage());
  }

  @Test
  void keyStore_fileWithoutKeySaysHowToConvert() throws Exception {
    Path key = dir.resolve("key.pem");
    openssl("genpkey", "-algorithm", "RSA", "-out", key.toString());
    Path cert = selfSigned(key);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TlsContexts.keyStore(new TlsConfig(cert.toString(), cert.toString(), "", "")));

    assertTrue(error.getMessage().contains(TlsConfig.KEY_FILE), error.getMessage());
  }

  private Path selfSigned(Path key) throws Exception {
    Path cert = dir.resolve(key.getFileName() + ".crt");
    openssl("req", "-x509", "-key", key.toString(), "-days", "1", "-subj", "/CN=localhost",
        "-out", cert.toString());
    return cert;
  }

  private static void openssl(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("openssl failed: " + output);
    }
  }
}
