package dev.plot.store.mysql;

import dev.plot.api.CategoryRow;
import dev.plot.api.Point;
import dev.plot.api.StoredChart;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The SQL of the MySQL store, shaped like the embedded store's. {@code ${table}} is always a
 * name made from the validated table pattern and a numeric cid, never from client text.
 *
 * <p>Points are appended with plain JDBC batches (see {@code MysqlStore}); everything else is
 * here.
 */
public interface MysqlMapper {

  // ---- points, in plot's own tables and in the original's alike ----

  @Select("SELECT DISTINCT rid FROM `${table}` ORDER BY rid")
  List<Long> rids(@Param("table") String table);

  @Delete("DELETE FROM `${table}` WHERE time < #{time} LIMIT #{limit}")
  int deleteBefore(@Param("table") String table, @Param("time") long time,
      @Param("limit") int limit);

  // ---- reads of plot's own tables: by time, then by the auto-increment id ----

  // newest and range reads of these tables are plain JDBC: see PointQueries.

  @Select("SELECT time, value FROM `${table}` WHERE rid = #{rid}"
      + " AND time < #{time} ORDER BY time DESC, id DESC LIMIT 1")
  @ConstructorArgs({@Arg(column = "time", javaType = long.class),
      @Arg(column = "value", javaType = long.class)})
  Point before(@Param("table") String table, @Param("rid") long rid, @Param("time") long time);

  // ---- reads of the original's tables: by id, as the original read them ----

  @Select("SELECT id, time, value FROM `${table}` WHERE rid = #{rid}"
      + " ORDER BY id DESC LIMIT #{limit}")
  List<OriginalRow> originalNewest(@Param("table") String table, @Param("rid") long rid,
      @Param("limit") int limit);

  @Select("SELECT id, time, value FROM `${table}` WHERE rid = #{rid}"
      + " AND time >= #{from} AND time < #{to} ORDER BY id LIMIT #{limit}")
  List<OriginalRow> originalRange(@Param("table") String table, @Param("rid") long rid,
      @Param("from") long from, @Param("to") long to, @Param("limit") int limit);

  @Select("SELECT id, time, value FROM `${table}` WHERE rid = #{rid}"
      + " AND time < #{time} ORDER BY id DESC LIMIT 1")
  OriginalRow originalBefore(@Param("table") String table, @Param("rid") long rid,
      @Param("time") long time);

  // ---- the tables of cids ----

  @Update("CREATE TABLE IF NOT EXISTS `${table}` ("
      + " rid BIGINT NOT NULL,"
      + " time BIGINT NOT NULL,"
      + " id BIGINT NOT NULL AUTO_INCREMENT,"
      + " value BIGINT NOT NULL,"
      + " PRIMARY KEY (rid, time, id),"
      + " KEY `${table}_id` (id)"
      + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4")
  void createSeriesTable(@Param("table") String table);

  @Select("SELECT ENGINE FROM information_schema.TABLES"
      + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = #{table}")
  String engine(@Param("table") String table);

  @Select("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
      + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = #{table}"
      + " AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION")
  List<String> primaryKey(@Param("table") String table);

  @Select("SHOW VARIABLES LIKE 'wsrep_on'")
  List<Map<String, Object>> wsrepOn();

  // ---- batch ids ----

  @Select("SELECT COUNT(*) FROM plot_batch WHERE batch_id = #{batchId}")
  int countBatch(@Param("batchId") String batchId);

  @Insert("INSERT INTO plot_batch (batch_id, samples, created)"
      + " VALUES (#{batchId}, #{samples}, #{created})")
  void insertBatch(@Param("batchId") String batchId, @Param("samples") int samples,
      @Param("created") long created);

  @Delete("DELETE FROM plot_batch WHERE created < #{created} LIMIT 10000")
  int pruneBatches(@Param("created") long created);

  // ---- categories ----

  String CATEGORY_COLUMNS = "cid, name, unit, base, step, kind, wrap, max_gap AS maxGap, zone,"
      + " retention, rollup_cid AS rollupCid, rollup_step AS rollupStep,"
      + " rollup_agg AS rollupAgg, rollup_zone AS rollupZone";

  String CATEGORY_INSERT = "INTO plot_category (cid, name, unit, base, step, kind, wrap,"
      + " max_gap, zone, retention, rollup_cid, rollup_step, rollup_agg, rollup_zone) VALUES ("
      + "#{cid}, #{name}, #{unit}, #{base}, #{step}, #{kind}, #{wrap}, #{maxGap}, #{zone},"
      + " #{retention}, #{rollupCid}, #{rollupStep}, #{rollupAgg}, #{rollupZone})";

  @Select("SELECT " + CATEGORY_COLUMNS + " FROM plot_category WHERE cid = #{cid}")
  CategoryRow category(@Param("cid") long cid);

  @Select("SELECT " + CATEGORY_COLUMNS + " FROM plot_category ORDER BY cid")
  List<CategoryRow> categories();

  @Update("INSERT " + CATEGORY_INSERT + " ON DUPLICATE KEY UPDATE name = VALUES(name),"
      + " unit = VALUES(unit), base = VALUES(base), step = VALUES(step), kind = VALUES(kind),"
      + " wrap = VALUES(wrap), max_gap = VALUES(max_gap), zone = VALUES(zone),"
      + " retention = VALUES(retention), rollup_cid = VALUES(rollup_cid),"
      + " rollup_step = VALUES(rollup_step), rollup_agg = VALUES(rollup_agg),"
      + " rollup_zone = VALUES(rollup_zone)")
  void mergeCategory(CategoryRow row);

  @Insert("INSERT IGNORE " + CATEGORY_INSERT)
  int insertCategory(CategoryRow row);

  // ---- chart links ----

  @Select("SELECT code, spec_key AS specKey, spec, created FROM plot_chart WHERE code = #{code}")
  @ConstructorArgs({@Arg(column = "code", javaType = String.class),
      @Arg(column = "specKey", javaType = String.class),
      @Arg(column = "spec", javaType = String.class),
      @Arg(column = "created", javaType = long.class)})
  StoredChart chart(@Param("code") String code);

  @Select("SELECT code FROM plot_chart WHERE spec_key = #{specKey}")
  String chartCodeByKey(@Param("specKey") String specKey);

  /** Inserts unless the spec key (or the code) exists: a lost race keeps the first link. */
  @Insert("INSERT IGNORE INTO plot_chart (code, spec_key, spec, created)"
      + " VALUES (#{code}, #{specKey}, #{spec}, #{created})")
  int insertChart(@Param("code") String code, @Param("specKey") String specKey,
      @Param("spec") String spec, @Param("created") long created);

  // ---- metadata ----

  @Select("SELECT meta_value FROM plot_meta WHERE meta_key = #{key}")
  String meta(@Param("key") String key);

  @Select("SELECT meta_key AS k, meta_value AS v FROM plot_meta WHERE meta_key LIKE #{pattern}"
      + " ESCAPE '!' ORDER BY meta_key")
  List<Map<String, Object>> metaLike(@Param("pattern") String pattern);

  @Update("INSERT INTO plot_meta (meta_key, meta_value) VALUES (#{key}, #{value})"
      + " ON DUPLICATE KEY UPDATE meta_value = VALUES(meta_value)")
  void mergeMeta(@Param("key") String key, @Param("value") String value);

  @Delete("DELETE FROM plot_meta WHERE meta_key = #{key}")
  void deleteMeta(@Param("key") String key);
}
