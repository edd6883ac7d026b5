package dev.plot.api;

/**
 * A category flattened to the columns of one SQL row ({@code plot_category} in plot's stores),
 * so stores that map rows by field name, as MyBatis does, share one mapping.
 */
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

  /** The row of a category. */
  public static CategoryRow of(Category category) {
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

  /** The category this row holds. */
  public Category toCategory() {
    Rollup rollup = rollupCid == null ? null
        : new Rollup(rollupCid, rollupStep, Agg.parse(rollupAgg), rollupZone);
    return new Category(cid, name, unit, base, step, Kind.parse(kind), wrap, maxGap, zone,
        retention, rollup);
  }
}
