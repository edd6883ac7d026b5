package dev.plot.store.mysql;

import dev.plot.api.Sample;
import dev.plot.api.StoreException;

/**
 * The table holding one cid's points, as found in the database.
 *
 * @param name the table name
 * @param original whether it has the original system's layout (primary key {@code id} alone,
 *     unsigned columns), read by id as the original read it; otherwise plot's own layout
 *     (primary key {@code rid, time, id}), read by time
 * @param engine the storage engine, such as InnoDB or MyISAM
 */
record SeriesTable(String name, boolean original, String engine) {

  /** The original's {@code rid int unsigned}. */
  static final long ORIGINAL_MAX_RID = 4_294_967_295L;

  boolean myIsam() {
    return "MyISAM".equalsIgnoreCase(engine);
  }

  /**
   * Refuses a write this table cannot take.
   *
   * @param cluster whether the database is a Galera cluster, which does not replicate MyISAM
   * @throws StoreException naming the table and what to do
   */
  void checkWritable(boolean cluster) {
    if (!original && !"InnoDB".equalsIgnoreCase(engine)) {
      throw new StoreException("table `" + name + "` is " + engine + "; plot's own tables must"
          + " be InnoDB: ALTER TABLE `" + name + "` ENGINE=InnoDB");
    }
    if (cluster && !"InnoDB".equalsIgnoreCase(engine)) {
      throw new StoreException("table `" + name + "` is " + engine + ", which a Galera cluster"
          + " does not replicate: serve the original's tables from one plain server, or"
          + " convert them with ALTER TABLE `" + name + "` ENGINE=InnoDB");
    }
  }

  /**
   * Refuses a sample outside the original's column ranges, naming the field.
   *
   * @throws StoreException whose message starts with the field name and a colon
   */
  void checkSample(Sample sample) {
    if (!original) {
      return;
    }
    if (sample.value() < 0) {
      throw refused("value", sample.value(), "0 to " + Long.MAX_VALUE, sample);
    }
    if (sample.rid() < 1 || sample.rid() > ORIGINAL_MAX_RID) {
      throw refused("rid", sample.rid(), "1 to " + ORIGINAL_MAX_RID, sample);
    }
    if (sample.time() < 0) {
      throw refused("time", sample.time(), "0 to " + Long.MAX_VALUE, sample);
    }
  }

  private StoreException refused(String field, long given, String range, Sample sample) {
    return new StoreException(field + ": " + given + " is outside " + range + ", the range of"
        + " the original table `" + name + "` (cid " + sample.cid() + ", rid " + sample.rid()
        + "); nothing of this batch was saved");
  }
}
