package dev.plot.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where points, categories and chart links are kept. The core validates everything before it
 * reaches a store: a store may assume positive cids and rids, times set, limits in range.
 *
 * <p>Implementations are thread-safe. Equal times are ordered by a sequence the store assigns
 * at commit: among points of one series with the same time, the one committed later is newer.
 */
public interface PointStore extends AutoCloseable {

  /**
   * Appends a batch in one transaction and returns when it has committed. A batch whose id the
   * store has already committed is not written again.
   *
   * @return the number of samples the batch holds
   * @throws StoreException when the transaction did not commit
   */
  int append(WriteBatch batch);

  /** Whether a batch with this id has committed; used to resolve a commit in doubt. */
  boolean hasBatch(String batchId);

  /**
   * The newest {@code limit} points of a series, newest first: by time, then by commit order.
   * An unknown series gives an empty list.
   */
  List<Point> newest(long cid, long rid, int limit);

  /**
   * The points of a series with {@code from <= time < to}, oldest first (by time, then commit
   * order), at most {@code maxPoints} of them.
   */
  List<Point> range(long cid, long rid, long from, long to, int maxPoints);

  /** The newest point of a series strictly before {@code time}, if any. */
  Optional<Point> before(long cid, long rid, long time);

  /** The rids that have points in a category, ascending. */
  List<Long> rids(long cid);

  /** Deletes at most {@code maxRows} points of a category older than {@code time}. */
  int deleteBefore(long cid, long time, int maxRows);

  Optional<Category> category(long cid);

  List<Category> categories();

  /** Inserts or replaces a category. */
  void putCategory(Category category);

  /**
   * Inserts a category unless its cid exists; safe when several servers race on one cid.
   *
   * @return whether this call inserted it
   */
  boolean insertCategory(Category category);

  /**
   * Stores a chart link unless one with the same spec key exists.
   *
   * @return the code now stored for that spec key: the given one, or the existing one
   */
  String putChart(StoredChart chart);

  Optional<StoredChart> chart(String code);

  Optional<String> meta(String key);

  /** All metadata entries whose key starts with {@code prefix}. */
  Map<String, String> metaWithPrefix(String prefix);

  /** Sets a metadata entry; a null value removes it. */
  void putMeta(String key, String value);

  /** Closes connections and files; points already acknowledged are in the store. */
  @Override
  void close();
}
