package dev.plot.core.access;

import dev.plot.core.PlotError;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a token, or a client on the allow-list, may do. {@link #ADMIN} covers the others. */
public enum Scope {
  /** Read series and private charts. */
  READ,
  /** Save points. */
  WRITE,
  /** Everything, including defining categories. */
  ADMIN;

  /** The lower-case name used in settings, commands and messages. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code read}, {@code write} or {@code admin}.
   *
   * @throws PlotError naming the field {@code scope} for anything else
   */
  public static Scope parse(String text) {
    for (Scope scope : values()) {
      if (scope.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return scope;
      }
    }
    throw PlotError.bad("scope", "scope must be read, write or admin, not " + text);
  }

  /** Parses a comma-separated list such as {@code write,read}. */
  public static Set<Scope> parseAll(String text) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        scopes.add(parse(part));
      }
    }
    if (scopes.isEmpty()) {
      throw PlotError.bad("scope", "name at least one scope: read, write or admin");
    }
    return scopes;
  }
}
