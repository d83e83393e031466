package dev.weir.io.kafka;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The committable of {@link KafkaExactlyOnceSink}: the serialized records one runner shard wrote in
 * one transaction, which the commit sends to Kafka in a Kafka transaction. Immutable (the arrays
 * are not copied: nobody changes them after serialization).
 *
 * @param shard the runner's shard index that wrote them (for diagnostics; records are routed by key)
 * @param records the records in write order
 */
record ShardRecords(int shard, List<Entry> records) {
  ShardRecords {
    records = List.copyOf(records);
  }

  /**
   * One serialized record.
   *
   * @param key the key bytes, or null
   * @param value the value bytes, or null
   * @param timestamp the record timestamp in epoch milliseconds, or -1 to let the producer stamp it
   */
  record Entry(byte[] key, byte[] value, long timestamp) {}

  /**
   * Format: shard, record count, then per record nullable key bytes, nullable value bytes and
   * timestamp + 1 (so that -1 fits a var-long). Deterministic.
   */
  static final class ShardRecordsCoder extends AtomicCoder<ShardRecords> {
    private static final long serialVersionUID = 1L;
    private static final Coder<byte[]> BYTES = NullableCoder.of(ByteArrayCoder.of());

    @Override
    public void encode(ShardRecords value, OutputStream out) throws IOException {
      VarIntCoder.of().encode(value.shard(), out);
      VarIntCoder.of().encode(value.records().size(), out);
      for (Entry entry : value.records()) {
        BYTES.encode(entry.key(), out);
        BYTES.encode(entry.value(), out);
        VarLongCoder.of().encode(entry.timestamp() + 1, out);
      }
    }

    @Override
    public ShardRecords decode(InputStream in) throws IOException {
      int shard = VarIntCoder.of().decode(in);
      int count = VarIntCoder.of().decode(in);
      List<Entry> records = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        records.add(new Entry(BYTES.decode(in), BYTES.decode(in), VarLongCoder.of().decode(in) - 1));
      }
      return new ShardRecords(shard, records);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
