package dev.plot.server.agent;

import dev.plot.api.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Readings waiting on local disk for the server, oldest first, one file per reading named by
 * a sequence number. A reading is written to a temporary file and renamed into place, so a
 * crash leaves either the whole reading or none of it (and at most a stray temporary file,
 * removed at the next start). The total size is bounded: a reading that does not fit is
 * refused and the caller reports it; readings already kept are never dropped for a new one.
 */
public final class Spool {

  private static final String SUFFIX = ".spool";
  private static final String TEMPORARY = ".tmp";

  private final Path dir;
  private final long maxBytes;
  private long bytes;
  private long nextSequence;

  /** A reading kept in the spool. */
  public record Entry(Path file, List<Sample> samples) {
  }

  /**
   * Opens the spool in {@code dir}, creating it, and takes up what an earlier run left there.
   *
   * @param maxBytes most bytes all kept readings may take on disk
   * @throws UncheckedIOException when the directory cannot be read or created
   */
  public Spool(Path dir, long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the spool bound must be 1 byte or more, not "
          + maxBytes);
    }
    this.dir = dir;
    this.maxBytes = maxBytes;
    try {
      Files.createDirectories(dir);
      for (Path file : files(TEMPORARY)) {
        Files.delete(file);
      }
      for (Path file : files(SUFFIX)) {
        bytes += Files.size(file);
        nextSequence = Math.max(nextSequence, sequence(file) + 1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the spool " + dir, e);
    }
  }

  /**
   * Keeps a reading if it fits the bound.
   *
   * @return whether it was kept; false when the spool would grow beyond its bound
   */
  public synchronized boolean add(List<Sample> samples) {
    StringBuilder text = new StringBuilder();
    for (Sample sample : samples) {
      text.append(sample.cid()).append(' ').append(sample.rid()).append(' ')
          .append(sample.time()).append(' ').append(sample.value()).append('\n');
    }
    byte[] content = text.toString().getBytes(StandardCharsets.US_ASCII);
    if (bytes + content.length > maxBytes) {
      return false;
    }
    Path file = dir.resolve(String.format("%020d", nextSequence) + SUFFIX);
    Path temporary = dir.resolve(file.getFileName() + TEMPORARY);
    try {
      Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the spool file " + file, e);
    }
    nextSequence++;
    bytes += content.length;
    return true;
  }

  /** Every kept reading, oldest first. */
  public synchronized List<Entry> pending() {
    try {
      List<Entry> entries = new ArrayList<>();
      for (Path file : files(SUFFIX)) {
        entries.add(new Entry(file, read(file)));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spool " + dir, e);
    }
  }

  /** Forgets a reading once the server has saved it. */
  public synchronized void remove(Entry entry) {
    try {
      long size = Files.size(entry.file());
      Files.delete(entry.file());
      bytes -= size;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the spool file " + entry.file(), e);
    }
  }

  /** Bytes kept on disk. */
  public synchronized long bytes() {
    return bytes;
  }

  /** Whether nothing waits to be sent. */
  public synchronized boolean isEmpty() {
    return bytes == 0;
  }

  private List<Path> files(String suffix) throws IOException {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.filter(file -> file.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  private static long sequence(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  private static List<Sample> read(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
      String[] fields = line.split(" ");
      samples.add(new Sample(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
          Long.parseLong(fields[2]), Long.parseLong(fields[3])));
    }
    return samples;
  }
}
