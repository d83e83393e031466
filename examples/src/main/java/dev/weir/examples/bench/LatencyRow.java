package dev.weir.examples.bench;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One output row of a latency workload, as the measuring sink receives it.
 *
 * @param dueIndex the index of the event whose due time the row's latency counts from: for L0 the
 *     event the row came from, for L1 {@code (windowEnd + 2048) * 10}
 * @param rowHash the row's hash ({@code RowHash}), summed into the run's checksum
 * @param windowEnd the end of the row's event-time window in ms, or {@link #NO_WINDOW}
 */
public record LatencyRow(long dueIndex, long rowHash, long windowEnd) {
  /** The {@link #windowEnd} of a row that is not in a bounded window (L0). */
  public static final long NO_WINDOW = Long.MIN_VALUE;

  /** Encodes a row as its due index (var-long), hash (fixed 8 bytes) and window end (var-long). */
  static final class RowCoder extends AtomicCoder<LatencyRow> {
    private static final long serialVersionUID = 1L;
    private static final RowCoder INSTANCE = new RowCoder();

    private RowCoder() {}

    static RowCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(LatencyRow row, OutputStream out) throws IOException {
      VarLongCoder.of().encode(row.dueIndex(), out);
      DataOutputStream data = new DataOutputStream(out);
      data.writeLong(row.rowHash());
      data.flush();
      VarLongCoder.of().encode(row.windowEnd(), out);
    }

    @Override
    public LatencyRow decode(InputStream in) throws IOException {
      long dueIndex = VarLongCoder.of().decode(in);
      long rowHash = new DataInputStream(in).readLong();
      return new LatencyRow(dueIndex, rowHash, VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
