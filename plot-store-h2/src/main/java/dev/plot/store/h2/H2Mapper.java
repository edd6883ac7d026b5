package dev.plot.store.h2;

import dev.plot.api.CategoryRow;
import dev.plot.api.Point;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The SQL of the embedded store. */
public interface H2Mapper {

  @Insert("INSERT INTO plot_point (cid, rid, time, seq, value)"
      + " VALUES (#{cid}, #{rid}, #{time}, #{seq}, #{value})")
  void insertPoint(@Param("cid") long cid, @Param("rid") long rid, @Param("time") long time,
      @Param("seq") long seq, @Param("value") long value);

  @Select("SELECT time, value FROM plot_point WHERE cid = #{cid} AND rid = #{rid}"
      + " ORDER BY cid DESC, rid DESC, time DESC, seq DESC LIMIT #{limit}")
  @ConstructorArgs({@Arg(column = "time", javaType = long.class),
      @Arg(column = "value", javaType = long.class)})
  List<Point> newest(@Param("cid") long cid, @Param("rid") long rid, @Param("limit") int limit);

  @Select("SELECT time, value FROM plot_point WHERE cid = #{cid} AND rid = #{rid}"
      + " AND time >= #{from} AND time < #{to} ORDER BY cid, rid, time, seq LIMIT #{limit}")
  @ConstructorArgs({@Arg(column = "time", javaType = long.class),
      @Arg(column = "value", javaType = long.class)})
  List<Point> range(@Param("cid") long cid, @Param("rid") long rid, @Param("from") long from,
      @Param("to") long to, @Param("limit") int limit);

  @Select("SELECT time, value FROM plot_point WHERE cid = #{cid} AND rid = #{rid}"
      + " AND time < #{time} ORDER BY cid DESC, rid DESC, time DESC, seq DESC LIMIT 1")
  @ConstructorArgs({@Arg(column = "time", javaType = long.class),
      @Arg(column = "value", javaType = long.class)})
  Point before(@Param("cid") long cid, @Param("rid") long rid, @Param("time") long time);

  @Select("SELECT rid FROM plot_series WHERE cid = #{cid} ORDER BY rid")
  List<Long> rids(@Param("cid") long cid);

  @Insert("MERGE INTO plot_series (cid, rid) KEY (cid, rid) VALUES (#{cid}, #{rid})")
  void mergeSeries(@Param("cid") long cid, @Param("rid") long rid);

  @Delete("DELETE FROM plot_point WHERE cid = #{cid} AND time < #{time} LIMIT #{limit}")
  int deleteBefore(@Param("cid") long cid, @Param("time") long time, @Param("limit") int limit);

  @Select("SELECT COALESCE(MAX(seq), 0) FROM plot_point")
  long maxSeq();

  @Select("SELECT COUNT(*) FROM plot_batch WHERE batch_id = #{batchId}")
  int countBatch(@Param("batchId") String batchId);

  @Insert("INSERT INTO plot_batch (batch_id, samples, created)"
      + " VALUES (#{batchId}, #{samples}, #{created})")
  void insertBatch(@Param("batchId") String batchId, @Param("samples") int samples,
      @Param("created") long created);

  @Delete("DELETE FROM plot_batch WHERE created < #{created}")
  int pruneBatches(@Param("created") long created);

  String CATEGORY_COLUMNS = "cid, name, unit, base, step, kind, wrap, max_gap AS maxGap, zone,"
      + " retention, rollup_cid AS rollupCid, rollup_step AS rollupStep,"
      + " rollup_agg AS rollupAgg, rollup_zone AS rollupZone";

  String CATEGORY_VALUES = "#{cid}, #{name}, #{unit}, #{base}, #{step}, #{kind}, #{wrap},"
      + " #{maxGap}, #{zone}, #{retention}, #{rollupCid}, #{rollupStep}, #{rollupAgg},"
      + " #{rollupZone}";

  @Select("SELECT " + CATEGORY_COLUMNS + " FROM plot_category WHERE cid = #{cid}")
  CategoryRow category(@Param("cid") long cid);

  @Select("SELECT " + CATEGORY_COLUMNS + " FROM plot_category ORDER BY cid")
  List<CategoryRow> categories();

  @Update("MERGE INTO plot_category (cid, name, unit, base, step, kind, wrap, max_gap, zone,"
      + " retention, rollup_cid, rollup_step, rollup_agg, rollup_zone) KEY (cid) VALUES ("
      + CATEGORY_VALUES + ")")
  void mergeCategory(CategoryRow row);

  @Insert("INSERT INTO plot_category (cid, name, unit, base, step, kind, wrap, max_gap, zone,"
      + " retention, rollup_cid, rollup_step, rollup_agg, rollup_zone) SELECT "
      + CATEGORY_VALUES + " WHERE NOT EXISTS (SELECT 1 FROM plot_category WHERE cid = #{cid})")
  int insertCategory(CategoryRow row);

  @Select("SELECT code, spec_key AS specKey, spec, created FROM plot_chart WHERE code = #{code}")
  @ConstructorArgs({@Arg(column = "code", javaType = String.class),
      @Arg(column = "specKey", javaType = String.class),
      @Arg(column = "spec", javaType = String.class),
      @Arg(column = "created", javaType = long.class)})
  dev.plot.api.StoredChart chart(@Param("code") String code);

  @Select("SELECT code FROM plot_chart WHERE spec_key = #{specKey}")
  String chartCodeByKey(@Param("specKey") String specKey);

  @Insert("INSERT INTO plot_chart (code, spec_key, spec, created)"
      + " VALUES (#{code}, #{specKey}, #{spec}, #{created})")
  void insertChart(@Param("code") String code, @Param("specKey") String specKey,
      @Param("spec") String spec, @Param("created") long created);

  @Select("SELECT meta_value FROM plot_meta WHERE meta_key = #{key}")
  String meta(@Param("key") String key);

  @Select("SELECT meta_key AS k, meta_value AS v FROM plot_meta WHERE meta_key LIKE #{pattern}"
      + " ESCAPE '!' ORDER BY meta_key")
  List<Map<String, Object>> metaLike(@Param("pattern") String pattern);

  @Update("MERGE INTO plot_meta (meta_key, meta_value) KEY (meta_key) VALUES (#{key}, #{value})")
  void mergeMeta(@Param("key") String key, @Param("value") String value);

  @Delete("DELETE FROM plot_meta WHERE meta_key = #{key}")
  void deleteMeta(@Param("key") String key);
}
