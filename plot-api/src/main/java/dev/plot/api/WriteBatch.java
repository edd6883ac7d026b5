package dev.plot.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Samples to append in one transaction.
 *
 * @param batchId unique id of this batch; a store records it in the same transaction as the
 *     points, so a retry of a batch whose commit was in doubt saves nothing twice
 * @param samples samples, each with its time set
 * @param meta entries to upsert into the store's metadata in the same transaction (a rollup's
 *     progress, for example); empty for plain writes
 */
public record WriteBatch(String batchId, List<Sample> samples, Map<String, String> meta) {

  public WriteBatch {
    Objects.requireNonNull(batchId, "batchId");
    samples = List.copyOf(samples);
    meta = Map.copyOf(meta);
  }

  public static WriteBatch of(String batchId, List<Sample> samples) {
    return new WriteBatch(batchId, samples, Map.of());
  }
}
