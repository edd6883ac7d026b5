package dev.plot.server;

import dev.plot.server.agent.InterfaceRids;
import dev.plot.server.agent.NetflowAgent;
import dev.plot.server.agent.Spool;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code plot agent netflow}: reads {@code /proc/net/dev} every interval and sends each
 * interface's received and transmitted bytes as counter samples, spooling on disk while the
 * server is away.
 */
@Command(name = "netflow", mixinStandardHelpOptions = true,
    description = "Send each interface's rx and tx byte counters from /proc/net/dev every"
        + " interval; keep them on disk while the server is unreachable.")
final class NetflowCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(NetflowCommand.class);

  @Option(names = "--proc-net-dev", defaultValue = "/proc/net/dev",
      description = "the counters file to read (default ${DEFAULT-VALUE})")
  Path procNetDev;

  @Option(names = "--interval-seconds", defaultValue = "60",
      description = "seconds between readings (default ${DEFAULT-VALUE})")
  long intervalSeconds;

  @Option(names = "--rx-cid", defaultValue = "1",
      description = "category of received bytes, defined as a counter if absent"
          + " (default ${DEFAULT-VALUE})")
  long rxCid;

  @Option(names = "--tx-cid", defaultValue = "2",
      description = "category of transmitted bytes, defined as a counter if absent"
          + " (default ${DEFAULT-VALUE})")
  long txCid;

  @Option(names = "--rid", description = "rid of an interface, NAME=RID; repeatable."
      + " Unmapped: vpsN is rid N, any other name a stable hashed rid (logged)")
  Map<String, Long> rids = new LinkedHashMap<>();

  @Option(names = "--interface", description = "send only this interface; repeatable"
      + " (default: every interface)")
  Set<String> interfaces = new LinkedHashSet<>();

  @Option(names = "--spool-dir", defaultValue = "plot-agent-spool",
      description = "directory keeping readings until the server has them"
          + " (default ${DEFAULT-VALUE})")
  Path spoolDir;

  @Option(names = "--spool-max-bytes", defaultValue = "67108864",
      description = "most bytes the spool keeps; readings beyond it are dropped and logged"
          + " (default ${DEFAULT-VALUE})")
  long spoolMaxBytes;

  @Option(names = "--once", description = "take one reading, send what is spooled, and exit")
  boolean once;

  @Mixin
  ClientOptions client;

  @Override
  public Integer call() throws InterruptedException {
    if (intervalSeconds < 1) {
      throw new IllegalArgumentException("--interval-seconds must be 1 or more, not "
          + intervalSeconds);
    }
    NetflowAgent agent = new NetflowAgent(client::connect,
        new NetflowAgent.Options(procNetDev, rxCid, txCid, intervalSeconds, interfaces),
        new InterfaceRids(rids), new Spool(spoolDir, spoolMaxBytes), Clock.systemUTC());
    log.info("netflow agent started server={} file={} interval={}s rx={} tx={} spool={}",
        client.server, procNetDev, intervalSeconds, rxCid, txCid, spoolDir);
    if (once) {
      agent.tick();
      return 0;
    }
    long next = System.nanoTime();
    while (true) {
      try {
        agent.tick();
      } catch (RuntimeException e) {
        // The loop's boundary: a bad reading is logged and the next interval tries again.
        log.error("netflow reading failed reason={}", e.getMessage());
      }
      next += TimeUnit.SECONDS.toNanos(intervalSeconds);
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      } else {
        next = System.nanoTime();
      }
    }
  }
}
