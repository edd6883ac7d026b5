package dev.plot.store.log;

import dev.plot.api.Agg;
import dev.plot.api.Category;
import dev.plot.api.Kind;
import dev.plot.api.Rollup;
import dev.plot.api.Sample;
import dev.plot.api.StoredChart;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The log's record format. A record is its body length (int), the CRC32C of the body (int),
 * then the body: a type byte and the fields of that type. Little-endian throughout.
 */
final class RecordCodec {

  static final byte POINTS = 1;
  static final byte CATEGORY = 2;
  static final byte CHART = 3;
  static final byte META = 4;
  static final byte DELETE = 5;
  static final byte BATCH = 6;

  /** Bytes before the body: length and checksum. */
  static final int HEADER = 8;

  private ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

  /** Starts a record of the given type and returns the codec for chained puts. */
  RecordCodec begin(byte type, int expectedBodyBytes) {
    if (buffer.capacity() < expectedBodyBytes + HEADER + 64) {
      buffer = ByteBuffer.allocate(Integer.highestOneBit(expectedBodyBytes + HEADER + 64) << 1)
          .order(ByteOrder.LITTLE_ENDIAN);
    }
    buffer.clear();
    buffer.position(HEADER);
    buffer.put(type);
    return this;
  }

  /** Finishes the record: fills in length and checksum, and returns it ready to write. */
  ByteBuffer finish() {
    int end = buffer.position();
    int bodyLength = end - HEADER;
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), HEADER, bodyLength);
    buffer.putInt(0, bodyLength);
    buffer.putInt(4, (int) crc.getValue());
    buffer.flip();
    return buffer;
  }

  private void ensure(int bytes) {
    if (buffer.remaining() < bytes) {
      ByteBuffer grown = ByteBuffer.allocate((buffer.capacity() + bytes) * 2)
          .order(ByteOrder.LITTLE_ENDIAN);
      buffer.flip();
      grown.put(buffer);
      buffer = grown;
    }
  }

  RecordCodec putLong(long value) {
    ensure(8);
    buffer.putLong(value);
    return this;
  }

  RecordCodec putInt(int value) {
    ensure(4);
    buffer.putInt(value);
    return this;
  }

  RecordCodec putString(String value) {
    if (value == null) {
      return putInt(-1);
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    putInt(bytes.length);
    ensure(bytes.length);
    buffer.put(bytes);
    return this;
  }

  RecordCodec putNullableLong(Long value) {
    ensure(9);
    buffer.put((byte) (value == null ? 0 : 1));
    buffer.putLong(value == null ? 0 : value);
    return this;
  }

  RecordCodec putNullableDouble(Double value) {
    ensure(9);
    buffer.put((byte) (value == null ? 0 : 1));
    buffer.putDouble(value == null ? 0 : value);
    return this;
  }

  // ---- whole records ----

  ByteBuffer points(String batchId, long created, Map<String, String> meta,
      Iterable<Sample> samples, int count) {
    begin(POINTS, 64 + count * 32).putString(batchId).putLong(created).putInt(meta.size());
    for (Map.Entry<String, String> entry : meta.entrySet()) {
      putString(entry.getKey()).putString(entry.getValue());
    }
    putInt(count);
    ensure(count * 32);
    for (Sample sample : samples) {
      buffer.putLong(sample.cid()).putLong(sample.rid()).putLong(sample.time())
          .putLong(sample.value());
    }
    return finish();
  }

  ByteBuffer category(Category category) {
    begin(CATEGORY, 256).putLong(category.cid()).putString(category.name())
        .putString(category.unit()).putNullableDouble(category.base()).putLong(category.step())
        .putString(category.kind().label()).putNullableLong(category.wrap())
        .putNullableLong(category.maxGap()).putString(category.zone())
        .putLong(category.retention());
    Rollup rollup = category.rollup();
    putNullableLong(rollup == null ? null : rollup.targetCid());
    if (rollup != null) {
      putLong(rollup.step()).putString(rollup.agg().label()).putString(rollup.zone());
    }
    return finish();
  }

  ByteBuffer chart(StoredChart chart) {
    return begin(CHART, chart.spec().length() * 3 + 128).putString(chart.code())
        .putString(chart.specKey()).putString(chart.spec()).putLong(chart.created()).finish();
  }

  ByteBuffer meta(String key, String value) {
    return begin(META, 64).putString(key).putString(value).finish();
  }

  ByteBuffer delete(long cid, long time, int maxRows) {
    return begin(DELETE, 32).putLong(cid).putLong(time).putInt(maxRows).finish();
  }

  ByteBuffer batch(String batchId, long created) {
    return begin(BATCH, 64).putString(batchId).putLong(created).finish();
  }

  // ---- reading a body ----

  static String getString(ByteBuffer body) {
    int length = body.getInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    body.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static Long getNullableLong(ByteBuffer body) {
    boolean present = body.get() != 0;
    long value = body.getLong();
    return present ? value : null;
  }

  static Double getNullableDouble(ByteBuffer body) {
    boolean present = body.get() != 0;
    double value = body.getDouble();
    return present ? value : null;
  }

  static Category readCategory(ByteBuffer body) {
    long cid = body.getLong();
    String name = getString(body);
    String unit = getString(body);
    Double base = getNullableDouble(body);
    long step = body.getLong();
    Kind kind = Kind.parse(getString(body));
    Long wrap = getNullableLong(body);
    Long maxGap = getNullableLong(body);
    String zone = getString(body);
    long retention = body.getLong();
    Long rollupCid = getNullableLong(body);
    Rollup rollup = null;
    if (rollupCid != null) {
      rollup = new Rollup(rollupCid, body.getLong(), Agg.parse(getString(body)),
          getString(body));
    }
    return new Category(cid, name, unit, base, step, kind, wrap, maxGap, zone, retention,
        rollup);
  }

  static StoredChart readChart(ByteBuffer body) {
    return new StoredChart(getString(body), getString(body), getString(body), body.getLong());
  }
}
