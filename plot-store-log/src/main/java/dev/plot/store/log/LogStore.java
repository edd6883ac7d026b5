package dev.plot.store.log;

import dev.plot.api.Category;
import dev.plot.api.Point;
import dev.plot.api.PointStore;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.StoredChart;
import dev.plot.api.WriteBatch;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: every change is a record appended to a write-ahead log, and the series
 * live in memory, ordered for the newest-N and range reads. A write returns once its record is
 * in the log file as far as the operating system is concerned, so {@code kill -9} of the
 * server loses nothing acknowledged; with {@code fsync} each record is also forced to the disk.
 *
 * <p>On open the log is replayed. A record cut short at the very end of the log (a write the
 * operating system never finished, which was therefore never acknowledged) is cut off; damage
 * anywhere else refuses to open. When the log has grown past a size, the open writes a snapshot
 * of the state and drops the segments it covers.
 *
 * <p>Writers are serialized; readers run in parallel with each other and block writers only
 * while points are put in memory, never during disk I/O.
 */
public final class LogStore implements PointStore {

  private static final Logger log = LoggerFactory.getLogger(LogStore.class);

  /** How long batch ids are kept for retries, in seconds. */
  static final long BATCH_ID_KEEP_SECONDS = 86_400;
  private static final String SEGMENT_PREFIX = "wal-";
  private static final String SNAPSHOT_PREFIX = "snapshot-";
  private static final String SUFFIX = ".log";
  private static final int SNAPSHOT_CHUNK = 65_536;

  private final Path dir;
  private final boolean fsync;
  private final long segmentBytes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Object appendLock = new Object();
  private final RecordCodec codec = new RecordCodec();
  private final ReentrantReadWriteLock seriesLock = new ReentrantReadWriteLock();
  private final Map<SeriesKey, SeriesPoints> series = new HashMap<>();
  private final Map<Long, TreeSet<Long>> ridsByCid = new HashMap<>();
  private final Map<Long, Category> categories = new ConcurrentSkipListMap<>();
  private final Map<String, StoredChart> charts = new ConcurrentHashMap<>();
  private final Map<String, String> chartCodesByKey = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<String, String> meta = new ConcurrentSkipListMap<>();
  private final Map<String, Long> batches = new ConcurrentHashMap<>();
  private FileChannel segment;
  private long segmentNumber;
  private long logBytes;
  private long pointCount;
  private boolean closed;

  /**
   * Opens (creating when absent) the store in {@code dir}; only one process may hold it.
   *
   * @param fsync whether every record is forced to the disk before the write returns
   * @param segmentBytes size at which the log moves on to a new segment file
   * @param compactBytes log size above which opening writes a snapshot and drops old segments
   */
  public LogStore(Path dir, boolean fsync, long segmentBytes, long compactBytes) {
    this.dir = dir;
    this.fsync = fsync;
    this.segmentBytes = segmentBytes;
    try {
      Files.createDirectories(dir);
      lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      lock = tryLock(lockChannel, dir);
      long started = System.nanoTime();
      replay();
      if (logBytes > compactBytes) {
        snapshot();
      }
      // A start that wrote nothing left an empty segment; writing on in it keeps restarts
      // from piling up empty files.
      Path newest = dir.resolve(SEGMENT_PREFIX + segmentNumber + SUFFIX);
      boolean empty = Files.exists(newest) && Files.size(newest) == 0;
      openSegment(empty ? segmentNumber : segmentNumber + 1);
      log.info("log store open dir={} series={} points={} fsync={} replayMs={}",
          dir.toAbsolutePath(), series.size(), pointCount, fsync,
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new StoreException("cannot open log store in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new StoreException("data directory " + dir + " is in use by another plot server");
      }
      return lock;
    } catch (OverlappingFileLockException e) {
      throw new StoreException("data directory " + dir + " is already open in this process");
    }
  }

  // ---- opening: replay and snapshot ----

  private List<Path> files(String prefix) throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.filter(path -> {
        String name = path.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(SUFFIX);
      }).sorted((a, b) -> Long.compare(number(a), number(b))).toList();
    }
  }

  private static long number(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(name.indexOf('-') + 1, name.length() - SUFFIX.length()));
  }

  private void replay() throws IOException {
    List<Path> snapshots = files(SNAPSHOT_PREFIX);
    long covered = 0;
    if (!snapshots.isEmpty()) {
      Path newest = snapshots.get(snapshots.size() - 1);
      covered = number(newest);
      replayFile(newest, false);
      for (Path older : snapshots.subList(0, snapshots.size() - 1)) {
        Files.delete(older);
      }
    }
    segmentNumber = covered;
    List<Path> segments = files(SEGMENT_PREFIX);
    for (int i = 0; i < segments.size(); i++) {
      Path segmentFile = segments.get(i);
      long number = number(segmentFile);
      if (number <= covered) {
        // Left behind by a snapshot that was complete before the crash.
        Files.delete(segmentFile);
        continue;
      }
      replayFile(segmentFile, i == segments.size() - 1);
      segmentNumber = number;
    }
    long keepAfter = System.currentTimeMillis() / 1000 - BATCH_ID_KEEP_SECONDS;
    batches.values().removeIf(created -> created < keepAfter);
  }

  private void replayFile(Path file, boolean last) throws IOException {
    long offset = 0;
    try (InputStream in = Files.newInputStream(file);
         DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 20))) {
      byte[] header = new byte[RecordCodec.HEADER];
      while (true) {
        try {
          data.readFully(header, 0, 1);
        } catch (EOFException end) {
          break;
        }
        byte[] body;
        try {
          data.readFully(header, 1, RecordCodec.HEADER - 1);
          ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
          int length = head.getInt();
          int crc = head.getInt();
          if (length < 1 || length > 1 << 30) {
            throw new IOException("record length " + length + " is impossible");
          }
          body = new byte[length];
          data.readFully(body);
          CRC32C check = new CRC32C();
          check.update(body);
          if ((int) check.getValue() != crc) {
            throw new IOException("checksum mismatch");
          }
        } catch (IOException torn) {
          // Only the newest file can end in a write the OS never finished, and such a write is
          // the last thing in it: an intact record after the bad one means damage, not a tear.
          long intact = last ? intactRecordAfter(file, offset) : offset;
          if (intact >= 0) {
            throw new StoreException("log file " + file + " is damaged at byte " + offset + " ("
                + (torn.getMessage() == null ? "record cut short" : torn.getMessage())
                + (last ? "; an intact record follows at byte " + intact : "")
                + "); restore it or move it away");
          }
          cutTornTail(file, offset);
          break;
        }
        apply(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN));
        offset += RecordCodec.HEADER + body.length;
      }
    }
    logBytes += offset;
  }

  /**
   * The offset of the first record after {@code damaged} whose length fits the file and whose
   * checksum holds, or -1. A false match needs a random 32-bit checksum to agree, so damage
   * is all it finds.
   */
  static long intactRecordAfter(Path file, long damaged) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = damaged + 1;
      long size = channel.size() - start;
      if (size < RecordCodec.HEADER + 1) {
        return -1;
      }
      ByteBuffer rest = channel.map(FileChannel.MapMode.READ_ONLY, start, size)
          .order(ByteOrder.LITTLE_ENDIAN);
      CRC32C check = new CRC32C();
      for (int at = 0; at + RecordCodec.HEADER < size; at++) {
        int length = rest.getInt(at);
        if (length < 1 || length > size - at - RecordCodec.HEADER) {
          continue;
        }
        int bodyAt = at + RecordCodec.HEADER;
        byte type = rest.get(bodyAt);
        if (type < RecordCodec.POINTS || type > RecordCodec.BATCH) {
          continue;
        }
        check.reset();
        check.update(rest.slice(bodyAt, length));
        if ((int) check.getValue() == rest.getInt(at + 4)) {
          return start + at;
        }
      }
      return -1;
    }
  }

  private static void cutTornTail(Path file, long offset) throws IOException {
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(offset);
      channel.force(true);
    }
    log.warn("log ended in a partial record, never acknowledged; cut file={} bytes={}", file,
        size - offset);
  }

  /** Writes the whole state as one snapshot file, then drops the segments it covers. */
  private void snapshot() throws IOException {
    long number = segmentNumber;
    Path temporary = dir.resolve(SNAPSHOT_PREFIX + number + ".tmp");
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      for (Category category : categories.values()) {
        writeFully(out, codec.category(category));
      }
      for (StoredChart chart : charts.values()) {
        writeFully(out, codec.chart(chart));
      }
      for (Map.Entry<String, String> entry : meta.entrySet()) {
        writeFully(out, codec.meta(entry.getKey(), entry.getValue()));
      }
      for (Map.Entry<String, Long> entry : batches.entrySet()) {
        writeFully(out, codec.batch(entry.getKey(), entry.getValue()));
      }
      for (Map.Entry<SeriesKey, SeriesPoints> entry : series.entrySet()) {
        SeriesPoints points = entry.getValue();
        for (int start = 0; start < points.size(); start += SNAPSHOT_CHUNK) {
          int end = Math.min(points.size(), start + SNAPSHOT_CHUNK);
          List<Sample> chunk = new ArrayList<>(end - start);
          for (int i = start; i < end; i++) {
            chunk.add(new Sample(entry.getKey().cid(), entry.getKey().rid(), points.timeAt(i),
                points.valueAt(i)));
          }
          writeFully(out, codec.points(null, 0, Map.of(), chunk, chunk.size()));
        }
      }
      out.force(true);
    }
    Files.move(temporary, dir.resolve(SNAPSHOT_PREFIX + number + SUFFIX),
        StandardCopyOption.ATOMIC_MOVE);
    long before = logBytes;
    for (Path old : files(SEGMENT_PREFIX)) {
      if (number(old) <= number) {
        Files.delete(old);
      }
    }
    for (Path old : files(SNAPSHOT_PREFIX)) {
      if (number(old) < number) {
        Files.delete(old);
      }
    }
    logBytes = Files.size(dir.resolve(SNAPSHOT_PREFIX + number + SUFFIX));
    log.info("log store compacted dir={} bytesBefore={} bytesAfter={}", dir, before, logBytes);
  }

  private void openSegment(long number) throws IOException {
    if (segment != null) {
      segment.close();
    }
    segmentNumber = number;
    segment = FileChannel.open(dir.resolve(SEGMENT_PREFIX + number + SUFFIX),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  // ---- applying records to memory ----

  private void apply(ByteBuffer body) {
    byte type = body.get();
    switch (type) {
      case RecordCodec.POINTS -> applyPoints(body);
      case RecordCodec.CATEGORY -> {
        Category category = RecordCodec.readCategory(body);
        categories.put(category.cid(), category);
      }
      case RecordCodec.CHART -> {
        StoredChart chart = RecordCodec.readChart(body);
        charts.put(chart.code(), chart);
        chartCodesByKey.put(chart.specKey(), chart.code());
      }
      case RecordCodec.META -> applyMeta(RecordCodec.getString(body),
          RecordCodec.getString(body));
      case RecordCodec.DELETE -> applyDelete(body.getLong(), body.getLong(), body.getInt());
      case RecordCodec.BATCH -> batches.put(RecordCodec.getString(body), body.getLong());
      default -> throw new StoreException("unknown log record type " + type);
    }
  }

  private void applyPoints(ByteBuffer body) {
    String batchId = RecordCodec.getString(body);
    long created = body.getLong();
    int metaCount = body.getInt();
    for (int i = 0; i < metaCount; i++) {
      applyMeta(RecordCodec.getString(body), RecordCodec.getString(body));
    }
    int count = body.getInt();
    seriesLock.writeLock().lock();
    try {
      SeriesKey lastKey = null;
      SeriesPoints points = null;
      for (int i = 0; i < count; i++) {
        long cid = body.getLong();
        long rid = body.getLong();
        long time = body.getLong();
        long value = body.getLong();
        if (lastKey == null || lastKey.cid() != cid || lastKey.rid() != rid) {
          lastKey = new SeriesKey(cid, rid);
          points = seriesFor(lastKey);
        }
        points.add(time, value);
      }
      pointCount += count;
    } finally {
      seriesLock.writeLock().unlock();
    }
    if (batchId != null) {
      batches.put(batchId, created);
    }
  }

  private SeriesPoints seriesFor(SeriesKey key) {
    SeriesPoints points = series.get(key);
    if (points == null) {
      points = new SeriesPoints();
      series.put(key, points);
      ridsByCid.computeIfAbsent(key.cid(), cid -> new TreeSet<>()).add(key.rid());
    }
    return points;
  }

  private void applyMeta(String key, String value) {
    if (value == null) {
      meta.remove(key);
    } else {
      meta.put(key, value);
    }
  }

  private int applyDelete(long cid, long time, int maxRows) {
    seriesLock.writeLock().lock();
    try {
      int removed = 0;
      TreeSet<Long> rids = ridsByCid.get(cid);
      if (rids == null) {
        return 0;
      }
      for (long rid : rids) {
        if (removed >= maxRows) {
          break;
        }
        removed += series.get(new SeriesKey(cid, rid)).deleteBefore(time, maxRows - removed);
      }
      pointCount -= removed;
      return removed;
    } finally {
      seriesLock.writeLock().unlock();
    }
  }

  // ---- writing ----

  private void writeRecord(ByteBuffer record) {
    if (closed) {
      throw new StoreException("log store is closed");
    }
    long position = -1;
    try {
      position = segment.position();
      writeFully(segment, record);
      if (fsync) {
        segment.force(false);
      }
      logBytes += record.limit();
      if (segment.position() >= segmentBytes) {
        openSegment(segmentNumber + 1);
      }
    } catch (IOException e) {
      undoPartialWrite(position);
      throw new StoreException("log write failed: " + e.getMessage(), e);
    }
  }

  /** Cuts a half-written record off so the log stays readable; the write was not applied. */
  private void undoPartialWrite(long position) {
    if (position < 0) {
      return;
    }
    try {
      segment.truncate(position);
    } catch (IOException e) {
      log.warn("log write failed and the partial record could not be cut; restart plot"
          + " dir={} reason={}", dir, e.getMessage());
      closed = true;
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer record) throws IOException {
    while (record.hasRemaining()) {
      channel.write(record);
    }
  }

  @Override
  public int append(WriteBatch batch) {
    synchronized (appendLock) {
      if (batches.containsKey(batch.batchId())) {
        return batch.samples().size();
      }
      long now = System.currentTimeMillis() / 1000;
      ByteBuffer record = codec.points(batch.batchId(), now, batch.meta(), batch.samples(),
          batch.samples().size());
      writeRecord(record);
      record.position(RecordCodec.HEADER);
      apply(record);
      if (batches.size() > 1_000_000) {
        long keepAfter = now - BATCH_ID_KEEP_SECONDS;
        batches.values().removeIf(created -> created < keepAfter);
      }
      return batch.samples().size();
    }
  }

  @Override
  public boolean hasBatch(String batchId) {
    return batches.containsKey(batchId);
  }

  @Override
  public List<Point> newest(long cid, long rid, int limit) {
    seriesLock.readLock().lock();
    try {
      SeriesPoints points = series.get(new SeriesKey(cid, rid));
      return points == null ? List.of() : points.newest(limit);
    } finally {
      seriesLock.readLock().unlock();
    }
  }

  @Override
  public List<Point> range(long cid, long rid, long from, long to, int maxPoints) {
    seriesLock.readLock().lock();
    try {
      SeriesPoints points = series.get(new SeriesKey(cid, rid));
      return points == null ? List.of() : points.range(from, to, maxPoints);
    } finally {
      seriesLock.readLock().unlock();
    }
  }

  @Override
  public Optional<Point> before(long cid, long rid, long time) {
    seriesLock.readLock().lock();
    try {
      SeriesPoints points = series.get(new SeriesKey(cid, rid));
      return points == null ? Optional.empty() : Optional.ofNullable(points.before(time));
    } finally {
      seriesLock.readLock().unlock();
    }
  }

  @Override
  public List<Long> rids(long cid) {
    seriesLock.readLock().lock();
    try {
      TreeSet<Long> rids = ridsByCid.get(cid);
      return rids == null ? List.of() : List.copyOf(rids);
    } finally {
      seriesLock.readLock().unlock();
    }
  }

  @Override
  public int deleteBefore(long cid, long time, int maxRows) {
    synchronized (appendLock) {
      writeRecord(codec.delete(cid, time, maxRows));
      return applyDelete(cid, time, maxRows);
    }
  }

  @Override
  public Optional<Category> category(long cid) {
    return Optional.ofNullable(categories.get(cid));
  }

  @Override
  public List<Category> categories() {
    return List.copyOf(categories.values());
  }

  @Override
  public void putCategory(Category category) {
    synchronized (appendLock) {
      writeRecord(codec.category(category));
      categories.put(category.cid(), category);
    }
  }

  @Override
  public boolean insertCategory(Category category) {
    synchronized (appendLock) {
      if (categories.containsKey(category.cid())) {
        return false;
      }
      putCategory(category);
      return true;
    }
  }

  @Override
  public String putChart(StoredChart chart) {
    synchronized (appendLock) {
      String existing = chartCodesByKey.get(chart.specKey());
      if (existing != null) {
        return existing;
      }
      writeRecord(codec.chart(chart));
      charts.put(chart.code(), chart);
      chartCodesByKey.put(chart.specKey(), chart.code());
      return chart.code();
    }
  }

  @Override
  public Optional<StoredChart> chart(String code) {
    return Optional.ofNullable(charts.get(code));
  }

  @Override
  public Optional<String> meta(String key) {
    return Optional.ofNullable(meta.get(key));
  }

  @Override
  public Map<String, String> metaWithPrefix(String prefix) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : meta.tailMap(prefix, true).entrySet()) {
      if (!entry.getKey().startsWith(prefix)) {
        break;
      }
      entries.put(entry.getKey(), entry.getValue());
    }
    return entries;
  }

  @Override
  public void putMeta(String key, String value) {
    synchronized (appendLock) {
      writeRecord(codec.meta(key, value));
      applyMeta(key, value);
    }
  }

  /** Points held, for logs and tests. */
  public long pointCount() {
    seriesLock.readLock().lock();
    try {
      return pointCount;
    } finally {
      seriesLock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    synchronized (appendLock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        segment.force(true);
        segment.close();
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        log.warn("log store close reported dir={} reason={}", dir, e.getMessage());
      }
      log.info("log store closed dir={} points={}", dir, pointCount);
    }
  }

  /** A series: one category and one rid. */
  private record SeriesKey(long cid, long rid) {
  }

}
