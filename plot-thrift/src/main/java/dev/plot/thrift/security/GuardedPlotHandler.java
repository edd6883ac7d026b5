package dev.plot.thrift.security;

import dev.plot.core.PlotError;
import dev.plot.core.PlotService;
import dev.plot.core.access.Access;
import dev.plot.core.access.Principal;
import dev.plot.core.access.Scope;
import dev.plot.core.chart.ChartLinks;
import dev.plot.core.chart.ChartSeries;
import dev.plot.core.chart.ChartSpec;
import dev.plot.thrift.PlotHandler;
import dev.plot.thrift.ThriftErrors;
import dev.plot.thrift.gen.Bucket;
import dev.plot.thrift.gen.CategoryInfo;
import dev.plot.thrift.gen.RangeQuery;
import dev.plot.thrift.gen.Sample;
import java.util.List;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Thrift service behind {@link Access}: each call is checked against the connection's
 * client address and token before the plain handler runs it, so a refused call writes nothing.
 * A token is presented once per connection with {@code authenticate}; clients on the
 * allow-list need none, so the seed's {@code plot} keeps working unchanged for them.
 */
public final class GuardedPlotHandler extends PlotHandler {

  private static final Logger log = LoggerFactory.getLogger(GuardedPlotHandler.class);

  private final ChartLinks charts;
  private final Access access;

  public GuardedPlotHandler(PlotService service, ChartLinks charts, Access access) {
    super(service, charts);
    this.charts = charts;
    this.access = access;
  }

  @Override
  public void authenticate(String token) throws TException {
    ThriftConnection connection = ThriftConnections.current();
    try {
      Principal principal = access.principal(connection == null ? null : connection.peer(),
          token == null || token.isBlank() ? "-" : token);
      if (connection != null) {
        connection.token(token);
      }
      log.debug("thrift authenticated {}", principal.describe());
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    }
  }

  /** The seed's method declares no exception: a refusal travels as its message. */
  @Override
  public void plot(long cid, long rid, long value) throws TException {
    try {
      Principal principal = principal();
      access.check(principal, Scope.WRITE, cid);
      access.checkWriteRate(principal);
    } catch (PlotError e) {
      throw new TApplicationException(TApplicationException.INTERNAL_ERROR, e.getMessage());
    }
    super.plot(cid, rid, value);
  }

  @Override
  public int save(List<Sample> samples) throws TException {
    try {
      Principal principal = principal();
      access.check(principal, Scope.WRITE);
      for (int i = 0; i < samples.size(); i++) {
        try {
          access.check(principal, Scope.WRITE, samples.get(i).getCid());
        } catch (PlotError e) {
          throw samples.size() == 1 ? e : e.atIndex(i);
        }
      }
      access.checkWriteRate(principal);
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    }
    return super.save(samples);
  }

  @Override
  public List<Long> plot_point(long cid, long rid, int limit) throws TException {
    check(Scope.READ, cid);
    return super.plot_point(cid, rid, limit);
  }

  @Override
  public List<Double> plot_point_base(long cid, long rid, int limit, double base)
      throws TException {
    check(Scope.READ, cid);
    return super.plot_point_base(cid, rid, limit, base);
  }

  @Override
  public List<Long> plot_point_timed(long cid, long rid, int limit) throws TException {
    check(Scope.READ, cid);
    return super.plot_point_timed(cid, rid, limit);
  }

  @Override
  public List<Bucket> plot_range(RangeQuery query) throws TException {
    check(Scope.READ, query.getCid());
    return super.plot_range(query);
  }

  @Override
  public void define_category(CategoryInfo category) throws TException {
    check(Scope.ADMIN, category.getCid());
    if (category.isSetRollupCid()) {
      // A rollup writes into its target cid, so defining one needs that cid too.
      check(Scope.ADMIN, category.getRollupCid());
    }
    super.define_category(category);
  }

  @Override
  public CategoryInfo get_category(long cid) throws TException {
    check(Scope.READ, cid);
    return super.get_category(cid);
  }

  @Override
  public List<CategoryInfo> list_categories() throws TException {
    try {
      access.check(principal(), Scope.READ);
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    }
    return super.list_categories();
  }

  /**
   * Storing a link needs scope write, and scope read on every cid of the spec: the link shows
   * those series to whoever holds it.
   */
  @Override
  public String create_chart(String specJson) throws TException {
    try {
      Principal principal = principal();
      access.check(principal, Scope.WRITE);
      access.check(principal, Scope.READ);
      if (specJson != null) {
        ChartSpec spec = charts.parse(specJson);
        for (ChartSeries series : spec.series()) {
          access.check(principal, Scope.READ, series.cid());
        }
      }
      access.checkWriteRate(principal);
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    }
    return super.create_chart(specJson);
  }

  private void check(Scope scope, long cid) throws TException {
    try {
      access.check(principal(), scope, cid);
    } catch (PlotError e) {
      throw ThriftErrors.toThrift(e);
    }
  }

  /** The caller on this connection; the token is checked again on every call, so revoking
   * it takes effect on open connections too. */
  private Principal principal() {
    ThriftConnection connection = ThriftConnections.current();
    if (connection == null) {
      return access.principal(null, null);
    }
    return access.principal(connection.peer(), connection.token());
  }
}
