package dev.plot.server;

import dev.plot.api.PointStore;
import dev.plot.api.StoreException;
import dev.plot.core.Settings;
import dev.plot.core.access.AccessConfig;
import dev.plot.core.access.Scope;
import dev.plot.core.access.Token;
import dev.plot.core.access.Tokens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plot token create|list|revoke}: manages tokens in the store, opened directly from the
 * same settings as {@code plot serve} (so give the same {@code --config} or {@code --data-dir}).
 * The embedded store allows one process at a time: run these while the server is stopped.
 * A MySQL store can be shared: a running server sees the change within
 * {@value AccessConfig#TOKEN_RELOAD} ms.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Manage tokens: create, list, revoke. Opens the store as plot serve does.",
    subcommands = {TokenCommand.CreateToken.class,
        TokenCommand.ListTokens.class, TokenCommand.RevokeToken.class})
final class TokenCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the store is: the options of {@code plot serve} that choose it. */
  static final class StoreOptions {

    @Option(names = "--config", description = "configuration file (Java properties)")
    Path config;

    @Option(names = "--store",
        description = "store: log (embedded, default), h2, mysql, or a plugin")
    String store;

    @Option(names = "--data-dir", description = "directory of the embedded store (default ./data)")
    String dataDir;

    @Option(names = {"-D", "--set"}, description = "any setting as key=value")
    Map<String, String> extra = new LinkedHashMap<>();

    Settings settings() {
      Map<String, String> flags = new LinkedHashMap<>(extra);
      if (store != null) {
        flags.put(SettingsCatalog.STORE, store);
      }
      if (dataDir != null) {
        flags.put(SettingsCatalog.DATA_DIR, dataDir);
      }
      return ConfigLoader.load(config, System.getenv(), flags);
    }

    PointStore open() {
      try {
        return PlotModule.openStore(settings());
      } catch (StoreException e) {
        throw new IllegalStateException("cannot open the store (the embedded store cannot be"
            + " opened while plot serve runs on it): " + e.getMessage(), e);
      }
    }

    Tokens tokens(PointStore store) {
      return new Tokens(store, Clock.systemUTC(), 1);
    }
  }

  /** {@code plot token create NAME --scope write}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token and print its secret, which is shown only this once.")
  static final class CreateToken implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "unique name: 1 to 64 of A-Z a-z 0-9 -")
    String name;

    @Option(names = "--scope", required = true, split = ",",
        description = "read, write, admin (comma-separated; admin covers the others)")
    List<String> scopes;

    @Option(names = "--cid", split = ",",
        description = "limit the token to these cids (default: every cid)")
    List<Long> cids = List.of();

    @Mixin
    StoreOptions where;

    @Override
    public Integer call() {
      Set<Scope> parsed = Scope.parseAll(String.join(",", scopes));
      try (PointStore store = where.open()) {
        Tokens.Issued issued = where.tokens(store).create(name, parsed, new TreeSet<>(cids));
        System.out.println(issued.secret());
        System.err.println("created token " + name + " " + describe(issued.token())
            + "; keep the secret above, plot stores only its hash");
      }
      return 0;
    }
  }

  /** {@code plot token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List tokens: name, scopes, cids, creation time (never secrets).")
  static final class ListTokens implements Callable<Integer> {

    @Mixin
    StoreOptions where;

    @Override
    public Integer call() {
      try (PointStore store = where.open()) {
        List<Token> tokens = where.tokens(store).list();
        for (Token token : tokens) {
          System.out.println(token.name() + " " + describe(token));
        }
        if (tokens.isEmpty()) {
          System.err.println("no tokens: clients on " + AccessConfig.WRITE_ALLOW
              + " write without one");
        }
      }
      return 0;
    }
  }

  /** {@code plot token revoke NAME}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a token: calls presenting it are refused from then on.")
  static final class RevokeToken implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "the token's name")
    String name;

    @Mixin
    StoreOptions where;

    @Override
    public Integer call() {
      try (PointStore store = where.open()) {
        if (!where.tokens(store).revoke(name)) {
          System.err.println("plot: no token named " + name);
          return 1;
        }
        System.out.println("revoked " + name);
      }
      return 0;
    }
  }

  static String describe(Token token) {
    String scopes = token.scopes().stream().sorted().map(Scope::label)
        .collect(Collectors.joining(","));
    String cids = token.cids().isEmpty() ? "all"
        : new TreeSet<>(token.cids()).stream().map(String::valueOf)
            .collect(Collectors.joining(","));
    return "scope=" + scopes + " cids=" + cids + " created="
        + Instant.ofEpochSecond(token.created());
  }
}
