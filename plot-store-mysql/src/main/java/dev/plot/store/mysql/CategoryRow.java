package dev.plot.store.mysql;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Rollup;

/** A category as one row of {@code plot_category}; MyBatis fills and reads its fields. */
public final class CategoryRow {

  public long cid;
  public String name;
  public String unit;
  public Double base;
  public long step;
  public String kind;
  public Long wrap;
  public Long maxGap;
  public String zone;
  public long retention;
  public Long rollupCid;
  public Long rollupStep;
  public String rollupAgg;
  public String rollupZone;

  static CategoryRow of(Category category) {
    CategoryRow row = new CategoryRow();
    row.cid = category.cid();
    row.name = category.name();
    row.unit = category.unit();
    row.base = category.base();
    row.step = category.step();
    row.kind = category.kind().label();
    row.wrap = category.wrap();
    row.maxGap = category.maxGap();
    row.zone = category.zone();
    row.retention = category.retention();
    Rollup rollup = category.rollup();
    if (rollup != null) {
      row.rollupCid = rollup.targetCid();
      row.rollupStep = rollup.step();
      row.rollupAgg = rollup.agg().label();
      row.rollupZone = rollup.zone();
    }
    return row;
  }

  Category toCategory() {
    Rollup rollup = rollupCid == null ? null
        : new Rollup(rollupCid, rollupStep, Agg.parse(rollupAgg), rollupZone);
    return new Category(cid, name, unit, base, step, Kind.parse(kind), wrap, maxGap, zone,
        retention, rollup);
  }
}
