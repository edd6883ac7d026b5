package dev.plot.thrift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.plot.core.CoreConfig;
import dev.plot.core.PlotService;
import dev.plot.core.Settings;
import dev.plot.store.h2.H2Store;
import dev.plot.thrift.gen.CategoryInfo;
import dev.plot.thrift.gen.Plot;
import dev.plot.thrift.gen.PlotError;
import dev.plot.thrift.gen.Sample;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.layered.TFramedTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Thrift front end over real sockets: protocols, batches, errors, the frame limit. */
final class ThriftServerTest {

  private static final long T0 = 1_764_806_400L;

  @TempDir
  Path dataDir;

  private H2Store store;
  private PlotService service;
  private ThriftServer server;

  private void start(String... settings) throws Exception {
    Settings merged = Settings.of("thrift.port", "0").with(Settings.of(settings).asMap());
    store = new H2Store(dataDir, false, 4);
    service = new PlotService(store, CoreConfig.from(merged), Clock.systemUTC());
    server = new ThriftServer(ThriftConfig.from(merged), new PlotHandler(service));
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
      service.close();
      store.close();
    }
  }

  private TTransport open() throws Exception {
    TTransport transport = new TFramedTransport(new TSocket("127.0.0.1", server.port()));
    transport.open();
    return transport;
  }

  private static Sample timed(long cid, long rid, long time, long value) {
    Sample sample = new Sample(cid, rid, value);
    sample.setTime(time);
    return sample;
  }

  @Test
  void binary_saveAndReadExact() throws Exception {
    start();
    try (TTransport transport = open()) {
      Plot.Client client = new Plot.Client(new TBinaryProtocol(transport));

      assertEquals(3, client.save(List.of(timed(18, 1, T0, Long.MAX_VALUE),
          timed(18, 1, T0 + 60, 922_337_203_685_477_570L),
          timed(18, 1, T0 + 120, 9_007_199_254_740_993L))));

      assertEquals(List.of(9_007_199_254_740_993L, 922_337_203_685_477_570L, Long.MAX_VALUE),
          client.plot_point(18, 1, 3));
      assertEquals(List.of(T0 + 120, 9_007_199_254_740_993L),
          client.plot_point_timed(18, 1, 1));
    }
  }

  @Test
  void compact_whenConfigured() throws Exception {
    start("thrift.protocol", "compact");
    try (TTransport transport = open()) {
      TProtocol protocol = new TCompactProtocol(transport);
      Plot.Client client = new Plot.Client(protocol);

      client.plot(3, 95, 11);

      assertEquals(List.of(11L), client.plot_point(3, 95, 1440));
    }
  }

  @Test
  void save_badSampleNamesIndexAndSavesNothing() throws Exception {
    start();
    try (TTransport transport = open()) {
      Plot.Client client = new Plot.Client(new TBinaryProtocol(transport));

      PlotError error = assertThrows(PlotError.class, () -> client.save(List.of(
          timed(3, 1, T0, 1), timed(3, 1, -1, 2))));

      assertEquals(400, error.getCode());
      assertEquals("time", error.getField());
      assertEquals(1, error.getIndex());
      assertEquals(List.of(), client.plot_point(3, 1, 10));
    }
  }

  @Test
  void save_sampleWithoutValueIsRefusedNotStoredAsZero() throws Exception {
    start();
    try (TTransport transport = open()) {
      TBinaryProtocol protocol = new TBinaryProtocol(transport);
      Plot.Client client = new Plot.Client(protocol);
      // Java's generated code always writes value; a Python client leaves an unset one out,
      // so the call is written field by field.
      protocol.writeMessageBegin(new TMessage("save", TMessageType.CALL, 0));
      protocol.writeStructBegin(new TStruct("save_args"));
      protocol.writeFieldBegin(new TField("samples", TType.LIST, (short) 1));
      protocol.writeListBegin(new TList(TType.STRUCT, 1));
      protocol.writeStructBegin(new TStruct("Sample"));
      protocol.writeFieldBegin(new TField("cid", TType.I64, (short) 1));
      protocol.writeI64(8);
      protocol.writeFieldEnd();
      protocol.writeFieldBegin(new TField("rid", TType.I64, (short) 2));
      protocol.writeI64(1);
      protocol.writeFieldEnd();
      protocol.writeFieldStop();
      protocol.writeStructEnd();
      protocol.writeListEnd();
      protocol.writeFieldEnd();
      protocol.writeFieldStop();
      protocol.writeStructEnd();
      protocol.writeMessageEnd();
      transport.flush();

      PlotError error = assertThrows(PlotError.class, client::recv_save);

      assertEquals(400, error.getCode());
      assertEquals("value", error.getField());
      assertEquals(0, error.getIndex());
      assertEquals(List.of(), client.plot_point(8, 1, 10));
    }
  }

  @Test
  void plot_refusalReachesOldClientsAsApplicationError() throws Exception {
    start("categories.auto-define", "false");
    try (TTransport transport = open()) {
      Plot.Client client = new Plot.Client(new TBinaryProtocol(transport));

      TException error = assertThrows(TException.class, () -> client.plot(42, 1, 1));

      assertEquals("category 42 is not defined and categories.auto-define is off; define it"
          + " first", error.getMessage());
    }
  }

  @Test
  void limits_hugeLimitClampedBadLimitNamed() throws Exception {
    start();
    try (TTransport transport = open()) {
      Plot.Client client = new Plot.Client(new TBinaryProtocol(transport));
      client.save(List.of(timed(20, 1, T0, 1), timed(20, 1, T0 + 60, 2),
          timed(20, 1, T0 + 120, 3)));

      assertEquals(List.of(3L, 2L, 1L), client.plot_point(20, 1, Integer.MAX_VALUE));
      assertEquals("limit", assertThrows(PlotError.class,
          () -> client.plot_point(20, 1, -1)).getField());
      assertEquals("base", assertThrows(PlotError.class,
          () -> client.plot_point_base(20, 1, 3, 0.0)).getField());
    }
  }

  @Test
  void categories_defineGetListWithUtf8Names() throws Exception {
    start();
    try (TTransport transport = open()) {
      Plot.Client client = new Plot.Client(new TBinaryProtocol(transport));
      CategoryInfo rx = new CategoryInfo(1, "VPS · 带宽 · 入 💩");
      rx.setUnit("Mbit/s");
      rx.setBase(131072.0);
      rx.setKind("counter");
      rx.setWrap(4_294_967_296L);

      client.define_category(rx);
      client.plot(2, 1, 5);

      CategoryInfo stored = client.get_category(1);
      assertEquals("VPS · 带宽 · 入 💩", stored.getName());
      assertEquals("counter", stored.getKind());
      assertEquals(4_294_967_296L, stored.getWrap());
      assertEquals(60, stored.getStep());
      assertEquals(List.of("VPS · 带宽 · 入 💩", "cid 2"),
          client.list_categories().stream().map(CategoryInfo::getName).toList());
      PlotError unknown = assertThrows(PlotError.class, () -> client.get_category(99));
      assertEquals(404, unknown.getCode());
      CategoryInfo bad = new CategoryInfo(5, "bad zone");
      bad.setZone("Mars/Olympus");
      assertEquals("zone", assertThrows(PlotError.class,
          () -> client.define_category(bad)).getField());
    }
  }

  @Test
  void frameAboveLimit_dropsThatConnectionOnly() throws Exception {
    start("thrift.max-frame-bytes", "4096");
    try (Socket raw = new Socket("127.0.0.1", server.port())) {
      DataOutputStream out = new DataOutputStream(raw.getOutputStream());
      out.writeInt(1_000_000);
      out.write(new byte[1024]);
      out.flush();
      raw.setSoTimeout(10_000);
      assertEquals(-1, readUntilClosed(raw));
    }
    try (TTransport transport = open()) {
      Plot.Client client = new Plot.Client(new TBinaryProtocol(transport));
      List<Sample> big = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        big.add(timed(3, 1, T0 + i, i));
      }
      assertThrows(TException.class, () -> client.save(big));
    }
    try (TTransport transport = open()) {
      Plot.Client client = new Plot.Client(new TBinaryProtocol(transport));
      client.plot(3, 1, 5);
      assertEquals(List.of(5L), client.plot_point(3, 1, 10));
    }
  }

  private static int readUntilClosed(Socket socket) throws IOException {
    int read;
    do {
      read = socket.getInputStream().read();
    } while (read != -1);
    return read;
  }
}
