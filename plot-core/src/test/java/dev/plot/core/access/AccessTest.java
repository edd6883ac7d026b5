package dev.plot.core.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.core.PlotError;
import dev.plot.core.Settings;
import dev.plot.store.h2.H2Store;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what, with tokens kept in a real embedded store. */
final class AccessTest {

  @TempDir
  Path dataDir;

  private H2Store store;
  private Tokens tokens;
  private InetAddress outside;
  private InetAddress loopback;

  @BeforeEach
  void open() throws Exception {
    store = new H2Store(dataDir, false, 2);
    tokens = new Tokens(store, Clock.systemUTC(), 60_000);
    outside = InetAddress.getByName("203.0.113.9");
    loopback = InetAddress.getByName("127.0.0.1");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Access access(String... settings) {
    AccessConfig config = AccessConfig.from(Settings.of(settings));
    return new Access(config, tokens, new WriteRateLimiter(config.writeRate(), Clock.systemUTC()));
  }

  @Test
  void principal_allowListedWithoutTokenMayDoEverything() {
    Principal principal = access().principal(loopback, null);

    assertTrue(principal.may(Scope.WRITE, 7));
    assertTrue(principal.may(Scope.ADMIN, 7));
    assertFalse(principal.hasToken());
  }

  @Test
  void check_outsideWithoutTokenMayOnlyRead() {
    Access access = access();
    Principal principal = access.principal(outside, null);

    assertDoesNotThrow(() -> access.check(principal, Scope.READ, 7));
    PlotError refused = assertThrows(PlotError.class,
        () -> access.check(principal, Scope.WRITE, 7));
    assertEquals(PlotError.Code.UNAUTHORIZED, refused.code());
    assertEquals("token", refused.field());
  }

  @Test
  void check_closedReadsNeedAToken() {
    Access access = access(AccessConfig.READ_OPEN, "false");

    assertThrows(PlotError.class,
        () -> access.check(access.principal(outside, null), Scope.READ, 7));
  }

  @Test
  void check_tokenLimitedToCids() {
    Access access = access();
    String secret = tokens.create("agent", EnumSet.of(Scope.WRITE), Set.of(7L)).secret();
    Principal principal = access.principal(outside, secret);

    assertDoesNotThrow(() -> access.check(principal, Scope.WRITE, 7));
    PlotError other = assertThrows(PlotError.class,
        () -> access.check(principal, Scope.WRITE, 8));
    assertEquals("cid", other.field());
    assertEquals(PlotError.Code.FORBIDDEN, other.code());
    assertEquals("token", assertThrows(PlotError.class,
        () -> access.check(principal, Scope.READ, 7)).field());
  }

  @Test
  void checkPrivate_needsATokenEvenOnTheAllowList() {
    Access access = access();
    String reader = tokens.create("reader", EnumSet.of(Scope.READ), Set.of()).secret();

    assertThrows(PlotError.class, () -> access.checkPrivate(access.principal(loopback, null), 7));
    assertDoesNotThrow(() -> access.checkPrivate(access.principal(outside, reader), 7));
  }

  @Test
  void principal_revokedOrMistypedTokenIsRefused() {
    Access access = access();
    String secret = tokens.create("gone", EnumSet.of(Scope.ADMIN), Set.of()).secret();
    tokens.revoke("gone");

    assertEquals(PlotError.Code.UNAUTHORIZED,
        assertThrows(PlotError.class, () -> access.principal(loopback, secret)).code());
    assertThrows(PlotError.class, () -> access.principal(loopback, "plot_gone_x"));
    assertThrows(PlotError.class, () -> access.principal(loopback, "nonsense"));
  }

  @Test
  void create_storesOnlyTheHash() {
    String secret = tokens.create("hashed", EnumSet.of(Scope.READ), Set.of(1L, 2L)).secret();

    Map<String, String> stored = store.metaWithPrefix(Tokens.PREFIX);
    assertEquals(Set.of("token:hashed"), stored.keySet());
    assertFalse(stored.get("token:hashed").contains(secret.substring(12)));
    assertTrue(stored.get("token:hashed").contains("cids=1,2"));
  }

  @Test
  void create_refusesTakenAndMalformedNames() {
    tokens.create("taken", EnumSet.of(Scope.READ), Set.of());

    assertEquals("name", assertThrows(PlotError.class,
        () -> tokens.create("taken", EnumSet.of(Scope.READ), Set.of())).field());
    assertEquals("name", assertThrows(PlotError.class,
        () -> tokens.create("has_underscore", EnumSet.of(Scope.READ), Set.of())).field());
  }

  @Test
  void checkWriteRate_refusalNamesTheSetting() {
    Access access = access(AccessConfig.WRITE_RATE, "1");
    Principal principal = access.principal(outside, null);

    access.checkWriteRate(principal);
    PlotError refused = assertThrows(PlotError.class, () -> access.checkWriteRate(principal));

    assertEquals(PlotError.Code.TOO_MANY_REQUESTS, refused.code());
    assertEquals(AccessConfig.WRITE_RATE, refused.field());
  }
}
