package dev.plot.core.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds TLS contexts from plot's settings: the server's from PEM files or a keystore, a
 * client's from a PEM file of trusted certificates. Errors name the setting or file at fault,
 * so a misconfigured server stops at start with one clear line.
 */
public final class TlsContexts {

  /** Password of the in-memory keystore built from PEM files; it never leaves the process. */
  private static final char[] MEMORY_PASSWORD = "plot".toCharArray();
  private static final Pattern PEM_BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private TlsContexts() {
  }

  /**
   * The server's context.
   *
   * @throws IllegalArgumentException naming the setting or file when the identity cannot be
   *     loaded
   */
  public static SSLContext server(TlsConfig config) {
    KeyStore keys = keyStore(config);
    char[] password = config.keystoreFile().isEmpty()
        ? MEMORY_PASSWORD : config.keystorePassword().toCharArray();
    try {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS identity cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * The server's identity as a keystore whose key password is {@link #keyPassword}.
   *
   * @throws IllegalArgumentException naming the setting or file at fault
   */
  public static KeyStore keyStore(TlsConfig config) {
    if (!config.keystoreFile().isEmpty()) {
      return loadKeyStore(config);
    }
    if (config.certFile().isEmpty() || config.keyFile().isEmpty()) {
      throw new IllegalArgumentException("TLS needs " + TlsConfig.CERT_FILE + " and "
          + TlsConfig.KEY_FILE + " (PEM), or " + TlsConfig.KEYSTORE_FILE);
    }
    List<Certificate> chain = certificates(Path.of(config.certFile()), TlsConfig.CERT_FILE);
    PrivateKey key = privateKey(Path.of(config.keyFile()));
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("plot", key, MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(TlsConfig.KEY_FILE + " " + config.keyFile()
          + " does not match " + TlsConfig.CERT_FILE + " " + config.certFile() + ": "
          + e.getMessage(), e);
    }
  }

  /** The password protecting the key in {@link #keyStore}. */
  public static String keyPassword(TlsConfig config) {
    return config.keystoreFile().isEmpty()
        ? new String(MEMORY_PASSWORD) : config.keystorePassword();
  }

  /**
   * A client's context trusting the certificates in a PEM file, or the system's authorities
   * when {@code caFile} is null.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read
   */
  public static SSLContext client(Path caFile) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (caFile == null) {
        factory.init((KeyStore) null);
      } else {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates(caFile, "--ca")) {
          trusted.setCertificateEntry("ca" + i++, certificate);
        }
        factory.init(trusted);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot trust " + caFile + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore loadKeyStore(TlsConfig config) {
    Path file = Path.of(config.keystoreFile());
    String type = file.toString().endsWith(".jks") ? "JKS" : "PKCS12";
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, config.keystorePassword().toCharArray());
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(TlsConfig.KEYSTORE_FILE + " " + file
          + " cannot be read (check " + TlsConfig.KEYSTORE_PASSWORD + "): " + e.getMessage(), e);
    }
  }

  private static List<Certificate> certificates(Path file, String setting) {
    List<Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (byte[] der : blocks(file, setting, "CERTIFICATE")) {
        certificates.add(factory.generateCertificate(new java.io.ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(setting + " " + file + " holds a certificate that"
          + " cannot be read: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(setting + " " + file
          + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return certificates;
  }

  private static PrivateKey privateKey(Path file) {
    List<byte[]> pkcs8 = blocks(file, TlsConfig.KEY_FILE, "PRIVATE KEY");
    List<byte[]> pkcs1 = blocks(file, TlsConfig.KEY_FILE, "RSA PRIVATE KEY");
    byte[] der;
    if (!pkcs8.isEmpty()) {
      der = pkcs8.get(0);
    } else if (!pkcs1.isEmpty()) {
      der = Pkcs1.toPkcs8(pkcs1.get(0));
    } else {
      throw new IllegalArgumentException(TlsConfig.KEY_FILE + " " + file + " holds no"
          + " unencrypted PEM key; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY");
    }
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Not this algorithm: the next one is tried.
      }
    }
    throw new IllegalArgumentException(TlsConfig.KEY_FILE + " " + file
        + " holds a key that is not RSA, EC or EdDSA");
  }

  private static List<byte[]> blocks(Path file, String setting, String label) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + " " + file + " cannot be read: "
          + e.getMessage(), e);
    }
    List<byte[]> blocks = new ArrayList<>();
    Matcher matcher = PEM_BLOCK.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).equals(label)) {
        blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
      }
    }
    return blocks;
  }
}
