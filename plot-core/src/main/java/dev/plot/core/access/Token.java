package dev.plot.core.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * A named token as the store keeps it: never the secret itself, only its SHA-256.
 *
 * @param name unique name, 1 to 64 of A-Z a-z 0-9 and -
 * @param scopes what the token allows
 * @param cids the categories it is limited to; empty means every category
 * @param created unix seconds of its creation
 * @param secretHash lower-case hex SHA-256 of the secret
 */
public record Token(String name, Set<Scope> scopes, Set<Long> cids, long created,
    String secretHash) {

  public Token {
    scopes = Set.copyOf(EnumSet.copyOf(scopes));
    cids = Set.copyOf(cids);
  }

  /** The metadata value that stores this token. */
  String encode() {
    StringJoiner scopeText = new StringJoiner(",");
    scopes.stream().sorted().forEach(scope -> scopeText.add(scope.label()));
    StringJoiner cidText = new StringJoiner(",");
    new TreeSet<>(cids).forEach(cid -> cidText.add(Long.toString(cid)));
    return "sha256=" + secretHash + ";scopes=" + scopeText + ";cids=" + cidText + ";created="
        + created;
  }

  /** A token from its metadata value; null when the value is not one plot wrote. */
  static Token decode(String name, String value) {
    String hash = null;
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Set<Long> cids = new TreeSet<>();
    long created = 0;
    try {
      for (String field : value.split(";")) {
        int equals = field.indexOf('=');
        String key = field.substring(0, Math.max(equals, 0));
        String text = field.substring(equals + 1);
        switch (key) {
          case "sha256" -> hash = text;
          case "scopes" -> scopes = Scope.parseAll(text);
          case "cids" -> {
            for (String cid : text.split(",")) {
              if (!cid.isBlank()) {
                cids.add(Long.parseLong(cid));
              }
            }
          }
          case "created" -> created = Long.parseLong(text);
          default -> {
            // Fields a later version may add are ignored.
          }
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return hash == null ? null : new Token(name, scopes, cids, created, hash);
  }
}
