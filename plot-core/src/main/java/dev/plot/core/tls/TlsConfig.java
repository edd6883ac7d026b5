package dev.plot.core.tls;

import dev.plot.core.Settings;

/**
 * The server's TLS identity, shared by Thrift and HTTPS: PEM certificate chain and private key
 * files, or a keystore (PKCS12 or JKS) as the alternative.
 *
 * @param certFile PEM certificate chain, server certificate first; empty when a keystore is used
 * @param keyFile PEM private key (PKCS#8 {@code BEGIN PRIVATE KEY} or PKCS#1
 *     {@code BEGIN RSA PRIVATE KEY}), unencrypted; empty when a keystore is used
 * @param keystoreFile PKCS12 or JKS keystore holding one key entry; empty when PEM files are
 * @param keystorePassword password of the keystore and its key
 */
public record TlsConfig(String certFile, String keyFile, String keystoreFile,
    String keystorePassword) {

  public static final String CERT_FILE = "tls.cert-file";
  public static final String KEY_FILE = "tls.key-file";
  public static final String KEYSTORE_FILE = "tls.keystore-file";
  public static final String KEYSTORE_PASSWORD = "tls.keystore-password";

  public static TlsConfig from(Settings settings) {
    return new TlsConfig(settings.get(CERT_FILE, ""), settings.get(KEY_FILE, ""),
        settings.get(KEYSTORE_FILE, ""), settings.get(KEYSTORE_PASSWORD, ""));
  }

  /** Whether an identity is configured at all. */
  public boolean configured() {
    return !certFile.isEmpty() || !keystoreFile.isEmpty();
  }
}
