package dev.plot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command reports what it measured: one {@code key=value} line on standard output and,
 * when a file is given, one JSON object per result appended to it, so several runs can be
 * collected into BENCHMARKS.md without copying numbers by hand.
 */
public final class ResultLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final PrintStream out;

  /**
   * @param file JSON-lines file to append to, or null for standard output only
   */
  public ResultLog(Path file, PrintStream out) {
    this.file = file;
    this.out = out;
  }

  /** Reports one result: {@code name} says what was measured, {@code fields} the figures. */
  public void report(String name, Map<String, Object> fields) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("result", name);
    entry.put("at", Instant.now().toString());
    entry.putAll(fields);
    StringBuilder line = new StringBuilder(name);
    fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    out.println(line);
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }
}
