package dev.plot.thrift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plot.core.CoreConfig;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import dev.plot.store.h2.H2Store;
import dev.plot.thrift.gen.Bucket;
import dev.plot.thrift.gen.CategoryInfo;
import dev.plot.thrift.gen.Plot;
import dev.plot.thrift.gen.PlotError;
import dev.plot.thrift.gen.RangeQuery;
import dev.plot.thrift.gen.Sample;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plot_range} over a real socket: exact integers, decimals, groups and refusals. */
final class PlotRangeTest {

  private static final long T0 = 1_764_806_400L;

  @TempDir
  Path dataDir;

  private H2Store store;
  private PlotService service;
  private ThriftServer server;
  private TTransport transport;
  private Plot.Client client;

  @BeforeEach
  void start() throws Exception {
    Settings settings = Settings.of("thrift.port", "0");
    store = new H2Store(dataDir, false, 4);
    service = new PlotService(store, CoreConfig.from(settings), Clock.systemUTC());
    server = new ThriftServer(ThriftConfig.from(settings), new PlotHandler(service));
    server.start();
    transport = new TFramedTransport(new TSocket("127.0.0.1", server.port()));
    transport.open();
    client = new Plot.Client(new TBinaryProtocol(transport));
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
    service.close();
    store.close();
  }

  private static Sample timed(long cid, long rid, long time, long value) {
    Sample sample = new Sample(cid, rid, value);
    sample.setTime(time);
    return sample;
  }

  private static RangeQuery query(long cid, List<Long> rids, long from, long to, long step) {
    RangeQuery query = new RangeQuery(cid, rids, from, to);
    query.setStep(step);
    return query;
  }

  private static String text(List<Bucket> buckets) {
    StringBuilder out = new StringBuilder();
    for (Bucket bucket : buckets) {
      out.append(bucket.getTime()).append('=')
          .append(bucket.isSetValue() ? Long.toString(bucket.getValue())
              : bucket.isSetReal() ? Double.toString(bucket.getReal()) : "null")
          .append(' ');
    }
    return out.toString().strip();
  }

  @Test
  void plotRange_maxAndMinExactInValue() throws Exception {
    client.save(List.of(timed(18, 1, T0, Long.MAX_VALUE),
        timed(18, 1, T0 + 60, 922_337_203_685_477_570L),
        timed(18, 1, T0 + 120, 9_007_199_254_740_993L)));
    RangeQuery query = query(18, List.of(1L), T0, T0 + 180, 180);

    query.setAgg("max");
    assertEquals("1764806400=9223372036854775807", text(client.plot_range(query)));
    query.setAgg("min");
    assertEquals("1764806400=9007199254740993", text(client.plot_range(query)));
  }

  @Test
  void plotRange_avgInRealEmptyBucketUnset() throws Exception {
    client.save(List.of(timed(16, 1, T0, 5), timed(16, 1, T0 + 30, 6),
        timed(16, 1, T0 + 120, 7)));
    RangeQuery query = query(16, List.of(1L), T0, T0 + 180, 60);
    query.setAgg("avg");

    List<Bucket> buckets = client.plot_range(query);

    assertEquals("1764806520=7 1764806460=null 1764806400=5.5", text(buckets));
    assertEquals(false, buckets.get(1).isSetValue() || buckets.get(1).isSetReal());
  }

  @Test
  void plotRange_counterRateWithBase() throws Exception {
    CategoryInfo rx = new CategoryInfo(1, "rx bytes");
    rx.setKind("counter");
    client.define_category(rx);
    client.save(List.of(timed(1, 3, T0, 0), timed(1, 3, T0 + 60, 7_864_320)));
    RangeQuery query = query(1, List.of(3L), T0, T0 + 120, 60);
    query.setRate(true);
    query.setBase(131_072);

    assertEquals("1764806460=1.0 1764806400=null", text(client.plot_range(query)));
  }

  @Test
  void plotRange_groupSumsRidsMissingPartOfRange() throws Exception {
    service.defineGroup("host-3", List.of(95L, 14L));
    client.save(List.of(timed(3, 95, T0, 10), timed(3, 95, T0 + 60, 20),
        timed(3, 14, T0 + 60, 5)));
    RangeQuery query = new RangeQuery(3, List.of(), T0, T0 + 180);
    query.setStep(60);
    query.setAgg("sum");
    query.setCombine("sum");
    query.setGroup("host-3");

    assertEquals("1764806520=null 1764806460=25 1764806400=10", text(client.plot_range(query)));
  }

  @Test
  void plotRange_sumBeyond64BitsRefusedNamingAgg() throws Exception {
    client.save(List.of(timed(18, 1, T0, Long.MAX_VALUE), timed(18, 1, T0 + 1, 1)));
    RangeQuery query = query(18, List.of(1L), T0, T0 + 60, 60);
    query.setAgg("sum");

    PlotError error = assertThrows(PlotError.class, () -> client.plot_range(query));

    assertEquals(400, error.getCode());
    assertEquals("agg", error.getField());
  }

  @Test
  void plotRange_badInputNamesField() throws Exception {
    RangeQuery badAgg = query(18, List.of(1L), T0, T0 + 60, 60);
    badAgg.setAgg("median");
    RangeQuery unknownGroup = query(18, List.of(), T0, T0 + 60, 60);
    unknownGroup.setGroup("nobody");
    RangeQuery backwards = query(18, List.of(1L), T0, T0 - 60, 60);

    assertEquals("agg", assertThrows(PlotError.class, () -> client.plot_range(badAgg))
        .getField());
    assertEquals("group", assertThrows(PlotError.class, () -> client.plot_range(unknownGroup))
        .getField());
    assertEquals("to", assertThrows(PlotError.class, () -> client.plot_range(backwards))
        .getField());
    assertEquals("1764806400=null",
        text(client.plot_range(query(18, List.of(1L), T0, T0 + 60, 60))));
  }
}
