package dev.plot.store.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plot.api.Point;
import dev.plot.api.Sample;
import dev.plot.api.StoreException;
import dev.plot.api.WriteBatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the log store does with the files a crash or a disk leaves behind. */
final class LogStoreRecoveryTest {

  private static final long T0 = 1_764_806_400L;

  @TempDir
  Path dir;

  private LogStore open() {
    return new LogStore(dir, false, 1 << 20, 1 << 30);
  }

  private static WriteBatch batch(String id, long rid, long... values) {
    Sample[] samples = new Sample[values.length];
    for (int i = 0; i < values.length; i++) {
      samples[i] = new Sample(3, rid, T0 + i * 60L, values[i]);
    }
    return WriteBatch.of(id, List.of(samples));
  }

  private Path lastSegment() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().startsWith("wal-"))
          .filter(file -> file.toFile().length() > 0)
          .max(Path::compareTo).orElseThrow();
    }
  }

  @Test
  void open_cutsTornRecordAtEndKeepsTheRest() throws Exception {
    try (LogStore store = open()) {
      store.append(batch("a", 1, 10, 11));
      store.append(batch("b", 1, 12));
    }
    Path segment = lastSegment();
    long size = Files.size(segment);
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      // What a power cut in the middle of a write leaves: a record missing its end.
      channel.truncate(size - 5);
    }

    try (LogStore store = open()) {
      assertEquals(List.of(new Point(T0 + 60, 11), new Point(T0, 10)), store.newest(3, 1, 10));
      store.append(batch("c", 1, 13));
    }
    try (LogStore store = open()) {
      assertEquals(3, store.newest(3, 1, 10).size());
    }
  }

  @Test
  void open_refusesDamageBeforeTheEnd() throws Exception {
    try (LogStore store = new LogStore(dir, false, 64, 1 << 30)) {
      store.append(batch("a", 1, 10));
      store.append(batch("b", 1, 11));
    }
    try (Stream<Path> files = Files.list(dir)) {
      Path first = files.filter(file -> file.getFileName().toString().startsWith("wal-"))
          .min(Path::compareTo).orElseThrow();
      try (FileChannel channel = FileChannel.open(first, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(new byte[] {9, 9, 9}), 12);
      }
    }

    StoreException refused = assertThrows(StoreException.class, this::open);
    assertTrue(refused.getMessage().contains("is damaged at byte 0"), refused.getMessage());
  }

  @Test
  void open_refusesDamageInTheMiddleOfTheNewestSegmentAndKeepsTheFile() throws Exception {
    try (LogStore store = open()) {
      for (int i = 0; i < 20; i++) {
        store.append(batch("batch-" + i, 1 + i, 10, 11, 12));
      }
    }
    Path segment = lastSegment();
    long size = Files.size(segment);
    long damagedAt = size / 2;
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      // A flipped sector in the middle of the file: the records after it are intact.
      channel.write(ByteBuffer.wrap(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe}),
          damagedAt);
    }

    StoreException refused = assertThrows(StoreException.class, this::open);

    assertTrue(refused.getMessage().contains(segment.getFileName().toString()),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("an intact record follows"), refused.getMessage());
    assertEquals(size, Files.size(segment), "a refused start cuts nothing");
  }

  @Test
  void open_restartsWithoutWritesLeaveOneEmptySegment() throws Exception {
    try (LogStore store = open()) {
      store.append(batch("a", 1, 10));
    }
    for (int start = 0; start < 3; start++) {
      open().close();
    }

    assertEquals(2, countFiles("wal-"), "the written segment and one empty one");
    try (LogStore store = open()) {
      store.append(batch("b", 1, 11));
    }
    try (LogStore store = open()) {
      assertEquals(2, store.newest(3, 1, 10).size());
    }
  }

  @Test
  void open_secondOpenerRefused() {
    LogStore store = open();
    try {
      StoreException refused = assertThrows(StoreException.class, this::open);
      assertTrue(refused.getMessage().contains("already open"), refused.getMessage());
    } finally {
      store.close();
    }
  }

  @Test
  void compaction_keepsStateAndDropsCoveredSegments() throws Exception {
    try (LogStore store = new LogStore(dir, false, 256, 1 << 30)) {
      for (int i = 0; i < 20; i++) {
        store.append(batch("batch-" + i, 1 + i % 3, i, i + 1));
      }
      store.deleteBefore(3, T0 + 60, 5);
      store.putMeta("group:web", "1,2");
    }
    long segmentsBefore = countFiles("wal-");
    assertTrue(segmentsBefore > 5, "segments " + segmentsBefore);

    try (LogStore store = new LogStore(dir, false, 256, 0)) {
      assertEquals(1, countFiles("snapshot-"));
      assertEquals(35, store.pointCount());
      assertTrue(store.hasBatch("batch-7"));
      assertEquals(Map.of("group:web", "1,2"), store.metaWithPrefix("group:"));
      store.append(batch("after", 1, 99));
    }
    assertTrue(countFiles("wal-") <= 2);
    try (LogStore store = open()) {
      assertEquals(36, store.pointCount());
      List<Point> atT0 = store.range(3, 1, T0, T0 + 1, 100);
      assertEquals(new Point(T0, 99), atT0.get(atT0.size() - 1));
    }
  }

  private long countFiles(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().startsWith(prefix)).count();
    }
  }
}
