package dev.weir.examples.bench;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.values.KV;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Combines row hashes into the workload's answer {@code KV(rows, checksum)}: the number of rows and
 * the wrapping sum of their hashes, as {@code WORKLOADS.md} defines the checksum.
 *
 * <p>The accumulator is a {@code long[] {rows, sum}}, encoded by {@link #getAccumulatorCoder}. An
 * empty input gives {@code KV(0, 0)}. Stateless, so one instance may serve any number of threads.
 */
final class ChecksumFn extends CombineFn<Long, long[], KV<Long, Long>> {
  private static final long serialVersionUID = 1L;

  @Override
  public long[] createAccumulator() {
    return new long[2];
  }

  @Override
  public long[] addInput(long[] accumulator, Long rowHash) {
    accumulator[0]++;
    accumulator[1] += rowHash;
    return accumulator;
  }

  @Override
  public long[] mergeAccumulators(Iterable<long[]> accumulators) {
    long[] merged = createAccumulator();
    for (long[] accumulator : accumulators) {
      merged[0] += accumulator[0];
      merged[1] += accumulator[1];
    }
    return merged;
  }

  @Override
  public KV<Long, Long> extractOutput(long[] accumulator) {
    return KV.of(accumulator[0], accumulator[1]);
  }

  @Override
  public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
    return new AccumulatorCoder();
  }

  @Override
  public Coder<KV<Long, Long>> getDefaultOutputCoder(CoderRegistry registry, Coder<Long> inputCoder) {
    return KvCoder.of(VarLongCoder.of(), VarLongCoder.of());
  }

  /** Encodes an accumulator {@code {rows, sum}} as two fixed-width longs (sums are often negative). */
  static final class AccumulatorCoder extends CustomCoder<long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(long[] value, OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(out);
      data.writeLong(value[0]);
      data.writeLong(value[1]);
      data.flush();
    }

    @Override
    public long[] decode(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      return new long[] {data.readLong(), data.readLong()};
    }
  }
}
