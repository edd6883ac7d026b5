package dev.plot.server;

import dev.plot.thrift.gen.CategoryInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code plot category}: defines a category over Thrift when a field is given, then prints it.
 * A definition replaces the whole category; fields left out take plot's defaults.
 */
@Command(name = "category", mixinStandardHelpOptions = true,
    description = "Define a category (kind, step, counter wrap, retention, rollup) or, with"
        + " --cid alone, print it.")
final class CategoryCommand implements Callable<Integer> {

  @Option(names = "--cid", required = true, description = "category id")
  long cid;

  @Option(names = "--name", description = "human name")
  String name;

  @Option(names = "--unit", description = "unit shown on charts, e.g. B")
  String unit;

  @Option(names = "--kind", description = "gauge or counter")
  String kind;

  @Option(names = "--step", description = "seconds between points (default 60)")
  Long step;

  @Option(names = "--wrap", description = "counter wrap value, e.g. 4294967296")
  Long wrap;

  @Option(names = "--max-gap", description = "counter: longest gap in seconds with an increase"
      + " (default 5 steps)")
  Long maxGap;

  @Option(names = "--zone", description = "IANA zone of this category's days (default UTC)")
  String zone;

  @Option(names = "--retention", description = "seconds of points kept; 0 keeps them forever")
  Long retention;

  @Option(names = "--rollup-cid", description = "target category of the rollup")
  Long rollupCid;

  @Option(names = "--rollup-step", description = "rollup bucket in seconds; 86400 is calendar"
      + " days in the rollup zone (default 86400)")
  Long rollupStep;

  @Option(names = "--rollup-agg", description = "sum, avg, min, max, last or count (default sum)")
  String rollupAgg;

  @Option(names = "--rollup-zone", description = "IANA zone of rollup days (default UTC)")
  String rollupZone;

  @Mixin
  ClientOptions client;

  @Override
  public Integer call() throws Exception {
    try (PlotClient plot = client.connect()) {
      if (defines()) {
        plot.api().define_category(info());
      }
      System.out.println(describe(plot.api().get_category(cid)));
    }
    return 0;
  }

  private boolean defines() {
    return name != null || unit != null || kind != null || step != null || wrap != null
        || maxGap != null || zone != null || retention != null || rollupCid != null;
  }

  private CategoryInfo info() {
    CategoryInfo info = new CategoryInfo(cid, name != null ? name : "cid " + cid);
    info.setUnit(unit);
    info.setKind(kind);
    info.setZone(zone);
    if (step != null) {
      info.setStep(step);
    }
    if (wrap != null) {
      info.setWrap(wrap);
    }
    if (maxGap != null) {
      info.setMaxGap(maxGap);
    }
    if (retention != null) {
      info.setRetention(retention);
    }
    if (rollupCid != null) {
      info.setRollupCid(rollupCid);
      info.setRollupAgg(rollupAgg);
      info.setRollupZone(rollupZone);
      if (rollupStep != null) {
        info.setRollupStep(rollupStep);
      }
    }
    return info;
  }

  /** One line: every field that is set, as {@code key=value}. */
  static String describe(CategoryInfo info) {
    StringBuilder line = new StringBuilder("cid=" + info.getCid() + " name=\"" + info.getName()
        + "\" kind=" + info.getKind() + " step=" + info.getStep());
    if (info.isSetUnit() && !info.getUnit().isEmpty()) {
      line.append(" unit=").append(info.getUnit());
    }
    if (info.isSetWrap()) {
      line.append(" wrap=").append(info.getWrap());
    }
    if (info.isSetMaxGap()) {
      line.append(" maxGap=").append(info.getMaxGap());
    }
    line.append(" zone=").append(info.getZone()).append(" retention=")
        .append(info.getRetention());
    if (info.isSetRollupCid()) {
      line.append(" rollup=").append(info.getRollupAgg()).append(" every ")
          .append(info.getRollupStep()).append("s in ").append(info.getRollupZone())
          .append(" to cid ").append(info.getRollupCid());
    }
    return line.toString();
  }
}
