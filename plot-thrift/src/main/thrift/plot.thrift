// plot: save numbers in one call, read them back, make chart links.
//
// `plot` keeps the original 2012 service's method exactly (name, field ids, types), so a
// client built from that IDL keeps working. Everything else was added since.

namespace java dev.plot.thrift.gen
namespace py plot_thrift

/** A refusal: bad input, unknown thing, limit reached, store unavailable. */
exception PlotError {
  /** HTTP-like status: 400 bad input, 401/403 not allowed, 404 unknown, 413 too large,
      429 too many requests, 503 unavailable. */
  1: i32 code,
  2: string message,
  /** The field at fault, such as "limit", "value", "cid". */
  3: optional string field,
  /** The 0-based index of the sample at fault in a batch. */
  4: optional i32 index
}

/** One value for one series; without time the server's clock stamps it. */
struct Sample {
  1: i64 cid,
  2: i64 rid,
  3: i64 value,
  4: optional i64 time
}

/** A category: what is measured and at what step. */
struct CategoryInfo {
  1: i64 cid,
  2: string name,
  3: optional string unit,
  4: optional double base,
  5: optional i64 step,
  /** "gauge" or "counter" */
  6: optional string kind,
  7: optional i64 wrap,
  8: optional i64 maxGap,
  9: optional string zone,
  10: optional i64 retention,
  11: optional i64 rollupCid,
  12: optional i64 rollupStep,
  13: optional string rollupAgg,
  14: optional string rollupZone
}

/** One bucket of a range read; value absent for an empty bucket. */
struct Bucket {
  1: i64 time,
  /** Exact integer result (sum, min, max, last, count, or an increase). */
  2: optional i64 value,
  /** Decimal result (avg, rate, or any value divided by a base). */
  3: optional double real
}

/** A range read: [from, to) in unix seconds, bucketed by step with an aggregate. */
struct RangeQuery {
  1: i64 cid,
  /** One or more rids; combined with `combine` when several. */
  2: list<i64> rids,
  3: i64 fromTime,
  4: i64 toTime,
  5: optional i64 step,
  /** avg, min, max, sum, last, count */
  6: optional string agg,
  /** sum, avg, max across rids */
  7: optional string combine,
  8: optional bool rate,
  9: optional double base,
  /** A named group of rids instead of `rids`. */
  10: optional string group
}

service Plot {
  /** The original call: one value for (cid, rid) stamped with the server's clock. */
  void plot(1: i64 cid, 2: i64 rid, 3: i64 value),

  /** Saves a batch, all or nothing; returns how many samples were saved. */
  i32 save(1: list<Sample> samples) throws (1: PlotError error),

  /** The newest `limit` points of a series, newest first, as stored (exact integers). */
  list<i64> plot_point(1: i64 cid, 2: i64 rid, 3: i32 limit) throws (1: PlotError error),

  /** As plot_point, each value divided by `base`. */
  list<double> plot_point_base(1: i64 cid, 2: i64 rid, 3: i32 limit, 4: double base)
      throws (1: PlotError error),

  /** The newest points with their times, newest first: [time, value] pairs flattened. */
  list<i64> plot_point_timed(1: i64 cid, 2: i64 rid, 3: i32 limit) throws (1: PlotError error),

  /** A range read with buckets and aggregates, newest bucket first. */
  list<Bucket> plot_range(1: RangeQuery query) throws (1: PlotError error),

  void define_category(1: CategoryInfo category) throws (1: PlotError error),
  CategoryInfo get_category(1: i64 cid) throws (1: PlotError error),
  list<CategoryInfo> list_categories() throws (1: PlotError error),

  /** Creates a chart link from a spec in JSON (as POST /api/v1/charts takes); returns the code. */
  string create_chart(1: string spec_json) throws (1: PlotError error),

  /** Presents a token for the rest of this connection. */
  void authenticate(1: string token) throws (1: PlotError error)
}
