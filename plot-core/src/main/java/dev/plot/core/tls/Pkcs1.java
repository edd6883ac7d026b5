package dev.plot.core.tls;

import java.io.ByteArrayOutputStream;

/**
 * Wraps a PKCS#1 RSA key ({@code BEGIN RSA PRIVATE KEY}, as older openssl writes) in the
 * PKCS#8 structure Java reads, so operators need not convert their key files.
 */
final class Pkcs1 {

  /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
  private static final byte[] RSA_ALGORITHM = {
      0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
      0x01, 0x01, 0x05, 0x00};

  private Pkcs1() {
  }

  static byte[] toPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(new byte[] {0x02, 0x01, 0x00}, 0, 3);
    body.write(RSA_ALGORITHM, 0, RSA_ALGORITHM.length);
    byte[] octets = tagged(0x04, pkcs1);
    body.write(octets, 0, octets.length);
    return tagged(0x30, body.toByteArray());
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write((length >>> (8 * i)) & 0xff);
      }
    }
    out.write(content, 0, content.length);
    return out.toByteArray();
  }
}
