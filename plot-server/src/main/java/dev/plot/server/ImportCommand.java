package dev.plot.server;

import dev.plot.thrift.gen.PlotError;
import dev.plot.thrift.gen.Sample;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plot import}: sends a CSV file in Thrift batches. Every row is saved or refused with
 * its line number and reason; the summary says how values were scaled and times read.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import a CSV file: cid,rid,time,value (header optional), or time,value with"
        + " --cid and --rid.", "Times are unix seconds or YYYY-MM-DD HH:MM:SS (read in --zone)."})
final class ImportCommand implements Callable<Integer> {

  /** Refused lines listed one by one before the summary gives only their count. */
  private static final int REFUSALS_SHOWN = 20;

  @Parameters(paramLabel = "FILE", description = "the CSV file")
  Path file;

  @Option(names = "--cid", description = "category of every row (for time,value files)")
  Long cid;

  @Option(names = "--rid", description = "rid of every row (for time,value files)")
  Long rid;

  @Option(names = "--scale", defaultValue = "1",
      description = "multiply each value by this before rounding half away from zero"
          + " (default ${DEFAULT-VALUE})")
  BigDecimal scale;

  @Option(names = "--zone", defaultValue = "UTC",
      description = "zone of times written without one (default ${DEFAULT-VALUE})")
  String zone;

  @Option(names = "--batch", defaultValue = "5000",
      description = "samples per Thrift batch (default ${DEFAULT-VALUE})")
  int batchSize;

  @Mixin
  ClientOptions client;

  private final List<String> refusals = new ArrayList<>();
  private long refused;
  private long saved;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      return importFile();
    } catch (CharacterCodingException e) {
      long line = CsvRows.firstNonUtf8Line(file);
      throw new IllegalArgumentException(file + " is not UTF-8 text"
          + (line > 0 ? " (line " + line + ")" : "")
          + (saved > 0 ? "; " + saved + " rows were saved before the import stopped" : ""));
    }
  }

  /** Refuses, before anything is sent, options that cannot fit the file or each other. */
  private ZoneId check() throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("cannot read " + file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("cannot read " + file + ": it is a directory");
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read " + file + ": permission denied");
    }
    if (batchSize < 1) {
      throw usage("--batch must be 1 or more, not " + batchSize);
    }
    if (scale.signum() == 0) {
      throw usage("--scale must not be 0, which would save every value as 0");
    }
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw usage("--zone: unknown time zone " + zone + "; give a region such as Europe/Berlin"
          + " or an offset such as +02:00");
    }
    if (cid != null || rid != null) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        if (CsvRows.hasSeriesColumns(reader)) {
          throw usage(file + " has cid and rid columns; --cid and --rid are only for"
              + " timestamp,value files");
        }
      }
    }
    return zoneId;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private int importFile() throws Exception {
    CsvRows rows = new CsvRows(cid, rid, scale, check());
    long totalBytes = Math.max(1, Files.size(file));
    Progress progress = new Progress(totalBytes);
    try (PlotClient plot = client.connect();
         BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<Sample> batch = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      long bytesRead = 0;
      int lineNumber = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        bytesRead += line.length() + 1;
        if (lineNumber == 1) {
          line = CsvRows.withoutBom(line);
        }
        if (line.isBlank() || (lineNumber == 1 && CsvRows.isHeader(line))) {
          continue;
        }
        try {
          batch.add(rows.parse(line));
          lines.add(lineNumber);
        } catch (IllegalArgumentException e) {
          refuse(lineNumber, e.getMessage());
        }
        if (batch.size() >= batchSize) {
          send(plot, batch, lines);
          progress.show(bytesRead, saved, refused);
        }
      }
      send(plot, batch, lines);
      progress.finish();
    }
    System.out.println("imported " + file + ": saved " + saved + " rows, refused " + refused
        + "; values multiplied by " + scale.toPlainString()
        + " and rounded half away from zero; times without a zone read as " + zone);
    refusals.forEach(System.out::println);
    if (refused > REFUSALS_SHOWN) {
      System.out.println("... and " + (refused - REFUSALS_SHOWN) + " more refused lines");
    }
    return refused == 0 ? 0 : 2;
  }

  /** Sends a batch; a sample the server refuses is reported by line and the rest sent again. */
  private void send(PlotClient plot, List<Sample> batch, List<Integer> lines) throws Exception {
    while (!batch.isEmpty()) {
      try {
        saved += plot.api().save(batch);
        break;
      } catch (PlotError e) {
        if (!e.isSetIndex()) {
          throw e;
        }
        refuse(lines.get(e.getIndex()), e.getMessage().replaceFirst("^sample \\d+: ", ""));
        batch.remove(e.getIndex());
        lines.remove(e.getIndex());
      }
    }
    batch.clear();
    lines.clear();
  }

  private void refuse(int line, String reason) {
    refused++;
    if (refusals.size() < REFUSALS_SHOWN) {
      refusals.add("line " + line + ": " + reason);
    }
  }

  /** A one-line progress bar on the terminal; silent when output is not a terminal. */
  private static final class Progress {
    private final long total;
    private final boolean terminal = System.console() != null;

    Progress(long total) {
      this.total = total;
    }

    void show(long done, long saved, long refused) {
      if (!terminal) {
        return;
      }
      int width = 30;
      int filled = (int) Math.min(width, done * width / total);
      System.err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
          + Math.min(100, done * 100 / total) + "% saved " + saved + " refused " + refused);
      System.err.flush();
    }

    void finish() throws IOException {
      if (terminal) {
        System.err.println();
      }
    }
  }
}
