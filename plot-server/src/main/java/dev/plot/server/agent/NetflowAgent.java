package dev.plot.server.agent;

import dev.plot.api.Sample;
import dev.plot.server.PlotClient;
import dev.plot.thrift.gen.CategoryInfo;
import dev.plot.thrift.gen.PlotError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.thrift.TException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host agent: each reading of {@code /proc/net/dev} becomes one counter sample of received
 * bytes and one of transmitted bytes per interface, stamped with the agent's clock. Every
 * reading goes to the spool on disk first, then the spool is sent oldest first, one reading per
 * Thrift {@code save} batch, and a reading leaves the spool only once the server has saved it.
 * So an outage, or a crash of the agent, loses no reading that fit the spool; a reading sent
 * again after a reply was lost is an equal-time duplicate, which reads as an increase of 0.
 */
public final class NetflowAgent {

  private static final Logger log = LoggerFactory.getLogger(NetflowAgent.class);

  /** HTTP-like code of a refusal that no retry can change. */
  private static final int BAD_REQUEST = 400;
  private static final int NOT_FOUND = 404;

  /** Opens a connection to the server. */
  @FunctionalInterface
  public interface Connector {

    /** A new connection, which the agent closes after each send. */
    PlotClient connect() throws TException;
  }

  /**
   * What the agent reads and where its samples go.
   *
   * @param procNetDev the file to read, normally {@code /proc/net/dev}
   * @param rxCid category of received bytes
   * @param txCid category of transmitted bytes
   * @param stepSeconds the reading interval, given to categories the agent defines
   * @param interfaces names to send; empty for every interface
   */
  public record Options(Path procNetDev, long rxCid, long txCid, long stepSeconds,
      Set<String> interfaces) {

    public Options {
      interfaces = Set.copyOf(interfaces);
    }
  }

  private final Connector connector;
  private final Options options;
  private final InterfaceRids rids;
  private final Spool spool;
  private final Clock clock;
  private final Set<String> announced = new HashSet<>();
  private boolean categoriesChecked;
  private final AtomicLong readings = new AtomicLong();
  private final AtomicLong samplesSent = new AtomicLong();
  private final AtomicLong samplesDropped = new AtomicLong();
  private final AtomicLong samplesRefused = new AtomicLong();

  /**
   * @param connector opens a connection for each send
   * @param spool keeps readings until the server has saved them
   * @param clock stamps each reading
   */
  public NetflowAgent(Connector connector, Options options, InterfaceRids rids, Spool spool,
      Clock clock) {
    this.connector = connector;
    this.options = options;
    this.rids = rids;
    this.spool = spool;
    this.clock = clock;
  }

  /** Readings taken since start. */
  public long readings() {
    return readings.get();
  }

  /** Samples the server has saved since start. */
  public long samplesSent() {
    return samplesSent.get();
  }

  /** Samples not kept because the spool was full. */
  public long samplesDropped() {
    return samplesDropped.get();
  }

  /** Samples the server refused for good (logged); they are not retried. */
  public long samplesRefused() {
    return samplesRefused.get();
  }

  /** One interval: take a reading, keep it in the spool, send what the spool holds. */
  public void tick() {
    List<Sample> reading = read();
    readings.incrementAndGet();
    int sent = 0;
    if (!spool.add(reading)) {
      // A full spool may empty now that the server is back; drop only what still cannot fit.
      sent += flush();
      if (!spool.add(reading)) {
        samplesDropped.addAndGet(reading.size());
        log.warn("netflow spool full bytes={} dropped={}; raise --spool-max-bytes or bring"
            + " the server back", spool.bytes(), reading.size());
      }
    }
    sent += flush();
    log.info("netflow reading samples={} sent={} spooledBytes={}", reading.size(), sent,
        spool.bytes());
  }

  /** The samples of one reading of the counters file. */
  List<Sample> read() {
    String text;
    try {
      text = Files.readString(options.procNetDev(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + options.procNetDev(), e);
    }
    long now = clock.millis() / 1000;
    List<Sample> samples = new ArrayList<>();
    for (NetDev.Interface counters : NetDev.parse(text)) {
      if (!options.interfaces().isEmpty()
          && !options.interfaces().contains(counters.name())) {
        continue;
      }
      long rid = rids.rid(counters.name());
      if (announced.add(counters.name())) {
        log.info("netflow interface={} rid={} chosen={}", counters.name(), rid,
            rids.how(counters.name()));
      }
      samples.add(new Sample(options.rxCid(), rid, now, counters.rxBytes()));
      samples.add(new Sample(options.txCid(), rid, now, counters.txBytes()));
    }
    return samples;
  }

  /**
   * Sends the spooled readings oldest first and stops at the first that fails.
   *
   * @return samples the server saved
   */
  public int flush() {
    if (spool.isEmpty()) {
      return 0;
    }
    int sent = 0;
    try (PlotClient client = connector.connect()) {
      defineCategories(client);
      for (Spool.Entry entry : spool.pending()) {
        sent += send(client, entry);
      }
    } catch (PlotError e) {
      log.warn("netflow server busy reason={}; keeping {} spooled bytes", e.getMessage(),
          spool.bytes());
    } catch (TException e) {
      log.warn("netflow server unreachable reason={}; keeping {} spooled bytes", e.toString(),
          spool.bytes());
    }
    return sent;
  }

  private int send(PlotClient client, Spool.Entry entry) throws TException {
    List<dev.plot.thrift.gen.Sample> batch = new ArrayList<>(entry.samples().size());
    for (Sample sample : entry.samples()) {
      dev.plot.thrift.gen.Sample thrift =
          new dev.plot.thrift.gen.Sample(sample.cid(), sample.rid(), sample.value());
      thrift.setTime(sample.time());
      batch.add(thrift);
    }
    try {
      int saved = client.api().save(batch);
      samplesSent.addAndGet(saved);
      spool.remove(entry);
      return saved;
    } catch (PlotError e) {
      if (e.getCode() != BAD_REQUEST) {
        throw e;
      }
      // A refused reading would block every later one; the server said why, so log and skip.
      samplesRefused.addAndGet(entry.samples().size());
      spool.remove(entry);
      log.warn("netflow reading refused file={} reason={}", entry.file().getFileName(),
          e.getMessage());
      return 0;
    }
  }

  /** Defines the rx and tx categories as counters unless they exist, once per run. */
  private void defineCategories(PlotClient client) throws TException {
    if (categoriesChecked) {
      return;
    }
    defineCounter(client, options.rxCid(), "netflow rx bytes");
    defineCounter(client, options.txCid(), "netflow tx bytes");
    categoriesChecked = true;
  }

  private void defineCounter(PlotClient client, long cid, String name) throws TException {
    try {
      CategoryInfo existing = client.api().get_category(cid);
      if (!"counter".equals(existing.getKind())) {
        log.warn("netflow cid={} is a {}, not a counter; its reads give the raw counters",
            cid, existing.getKind());
      }
    } catch (PlotError e) {
      if (e.getCode() != NOT_FOUND) {
        throw e;
      }
      CategoryInfo counter = new CategoryInfo(cid, name);
      counter.setKind("counter");
      counter.setUnit("B");
      counter.setStep(options.stepSeconds());
      client.api().define_category(counter);
      log.info("netflow defined cid={} name={} kind=counter step={}", cid, name,
          options.stepSeconds());
    }
  }
}
