package dev.plot.http.guard;

import dev.plot.core.PlotError;
import dev.plot.core.access.Access;
import dev.plot.core.access.Principal;
import dev.plot.core.access.Scope;
import dev.plot.core.chart.ChartSeries;
import dev.plot.core.chart.ChartSpec;
import java.util.TreeSet;
import org.eclipse.jetty.server.Request;

/**
 * The per-cid checks of the HTTP routes, asked with the caller {@link AccessHandler} left on the
 * request, so each route states in one line what it needs. Refusals are {@link Access}'s: 401
 * naming {@code token} for a caller without the token it needs, 403 naming {@code token} for a
 * missing scope or {@code cid} for a cid the token does not cover.
 */
public final class RouteAccess {

  private final Access access;

  public RouteAccess(Access access) {
    this.access = access;
  }

  /**
   * Refuses unless the caller may act with {@code scope} on {@code cid}.
   *
   * @throws PlotError UNAUTHORIZED or FORBIDDEN naming {@code token} or {@code cid}
   */
  public void check(Request request, Scope scope, long cid) {
    access.check(caller(request), scope, cid);
  }

  /**
   * Refuses unless the caller holds {@code scope} for at least one cid; for a check made before
   * the cids of a request are known.
   *
   * @throws PlotError UNAUTHORIZED or FORBIDDEN naming {@code token}
   */
  public void check(Request request, Scope scope) {
    access.check(caller(request), scope);
  }

  /**
   * Refuses unless the caller holds {@code scope} for every cid, present and future; for what
   * belongs to no cid and acts on all of them, such as a group of rids.
   *
   * @throws PlotError UNAUTHORIZED or FORBIDDEN naming {@code token}; FORBIDDEN naming
   *     {@code cid} for a token limited to some cids
   */
  public void checkEveryCid(Request request, Scope scope) {
    Principal caller = caller(request);
    access.check(caller, scope);
    if (!caller.cids().isEmpty()) {
      throw PlotError.of(PlotError.Code.FORBIDDEN, "cid", caller.describe()
          + " covers only cids " + new TreeSet<>(caller.cids()) + "; this acts on every cid");
    }
  }

  /**
   * Refuses unless the caller may read every cid a chart shows; for charts drawn or stored on
   * request, whose data the answer or the link reveals.
   *
   * @throws PlotError UNAUTHORIZED or FORBIDDEN naming {@code token} or {@code cid}
   */
  public void checkRead(Request request, ChartSpec spec) {
    Principal caller = caller(request);
    for (ChartSeries series : spec.series()) {
      access.check(caller, Scope.READ, series.cid());
    }
  }

  /**
   * Lets a stored chart link through to whoever holds its code, unless the chart is private:
   * then every cid it shows needs a token with scope read covering it.
   *
   * @throws PlotError UNAUTHORIZED or FORBIDDEN naming {@code token} or {@code cid}
   */
  public void checkLink(Request request, ChartSpec spec) {
    if (!spec.privateChart()) {
      return;
    }
    Principal caller = caller(request);
    for (ChartSeries series : spec.series()) {
      access.checkPrivate(caller, series.cid());
    }
  }

  /** The caller; {@link HttpGuard} puts {@link AccessHandler} before every route. */
  private static Principal caller(Request request) {
    Principal caller = AccessHandler.principal(request);
    if (caller == null) {
      throw new IllegalStateException("no caller on the request: the route is not behind "
          + AccessHandler.class.getSimpleName());
    }
    return caller;
  }
}
