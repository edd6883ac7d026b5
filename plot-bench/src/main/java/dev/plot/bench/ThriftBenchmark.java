package dev.plot.bench;

import dev.plot.thrift.gen.Plot;
import dev.plot.thrift.gen.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Decoding a {@code save} call of 1,000 timed samples from its binary-protocol bytes, as the
 * Thrift server does before plot sees it, alone and with the conversion to plot's samples.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class ThriftBenchmark {

  /** The arguments of one {@code save} call, binary protocol, as they arrive in a frame. */
  private byte[] saveArguments;

  @Setup
  public void encode() throws TException {
    Workload workload = Workload.generate(3, 1000, 1, 42);
    Plot.save_args arguments = new Plot.save_args(workload.thriftBatch(0, 1000));
    TMemoryBuffer buffer = new TMemoryBuffer(64 * 1024);
    arguments.write(new TBinaryProtocol(buffer));
    saveArguments = Arrays.copyOf(buffer.getArray(), buffer.length());
  }

  @Benchmark
  public Plot.save_args thriftDecodeBatch1000() throws TException {
    Plot.save_args arguments = new Plot.save_args();
    arguments.read(new TBinaryProtocol(new TMemoryInputTransport(saveArguments)));
    return arguments;
  }

  @Benchmark
  public List<dev.plot.api.Sample> thriftDecodeBatch1000ToSamples() throws TException {
    Plot.save_args arguments = thriftDecodeBatch1000();
    List<dev.plot.api.Sample> samples = new ArrayList<>(arguments.getSamplesSize());
    // The same conversion PlotHandler.save makes before handing the batch to the core.
    for (Sample sample : arguments.getSamples()) {
      samples.add(new dev.plot.api.Sample(sample.getCid(), sample.getRid(),
          sample.isSetTime() ? sample.getTime() : dev.plot.api.Sample.NO_TIME,
          sample.getValue()));
    }
    return samples;
  }
}
