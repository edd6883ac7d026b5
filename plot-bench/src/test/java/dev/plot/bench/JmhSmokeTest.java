package dev.plot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every JMH benchmark once, briefly and in this JVM, so they keep compiling and running.
 * It asserts that each produced a score, never what the score is.
 */
final class JmhSmokeTest {

  @Test
  void everyBenchmark_producesAResult() throws Exception {
    Options options = new OptionsBuilder()
        .include("dev\\.plot\\.bench\\..*Benchmark\\..*")
        .forks(0)
        .warmupIterations(1)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(1)
        .measurementTime(TimeValue.seconds(1))
        .shouldFailOnError(true)
        .build();

    Collection<RunResult> results = new Runner(options).run();

    Set<String> ran = new TreeSet<>();
    for (RunResult result : results) {
      ran.add(result.getParams().getBenchmark().replaceAll(".*\\.", ""));
      assertTrue(result.getPrimaryResult().getSampleCount() > 0);
    }
    assertEquals(Set.of("baseDivideSeries1440", "chartPng1440", "chartSvg1440",
        "jsonEncodeSeries1440Mapper",
        "jsonEncodeSeries1440Streaming", "storeAppendBatch1000", "storeNewest1440",
        "thriftDecodeBatch1000", "thriftDecodeBatch1000ToSamples"), ran);
  }
}
