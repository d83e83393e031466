package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic mean of numbers, as a {@code Double}: of a whole collection ({@link #globally()})
 * or per key ({@link #perKey()}). The mean of nothing is {@code NaN}. The accumulator is a count
 * and a sum, encoded with {@link CountSumCoder}.
 */
public final class Mean {
  private Mean() {}

  /** The CombineFn computing the mean of its inputs. */
  public static <NumT extends Number> CombineFn<NumT, CountSum, Double> of() {
    return new MeanFn<>();
  }

  /** The mean of all elements. */
  public static <NumT extends Number> Combine.Globally<NumT, Double> globally() {
    return Combine.globally(Mean.<NumT>of());
  }

  /** The mean of the values of each key. */
  public static <K, NumT extends Number> Combine.PerKey<K, NumT, Double> perKey() {
    return Combine.perKey(Mean.<NumT>of());
  }

  /**
   * The accumulator of a mean: how many numbers were added and their sum. Mutable, not thread-safe.
   */
  public static final class CountSum {
    private long count;
    private double sum;

    public CountSum(long count, double sum) {
      this.count = count;
      this.sum = sum;
    }

    public long getCount() {
      return count;
    }

    public double getSum() {
      return sum;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CountSum && count == ((CountSum) o).count
          && Double.compare(sum, ((CountSum) o).sum) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(count, sum);
    }

    @Override
    public String toString() {
      return "CountSum{count=" + count + ", sum=" + sum + "}";
    }
  }

  /** Encodes a {@link CountSum} as its count (variable length) then its sum (8 bytes, IEEE 754). */
  public static final class CountSumCoder extends Coder<CountSum> {
    private static final long serialVersionUID = 1L;
    private static final CountSumCoder INSTANCE = new CountSumCoder();

    private CountSumCoder() {}

    public static CountSumCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CountSum value, OutputStream out) throws IOException {
      VarLongCoder.of().encode(value.count, out);
      DataOutputStream data = new DataOutputStream(out);
      data.writeDouble(value.sum);
      data.flush();
    }

    @Override
    public CountSum decode(InputStream in) throws IOException {
      long count = VarLongCoder.of().decode(in);
      try {
        return new CountSum(count, new DataInputStream(in).readDouble());
      } catch (EOFException e) {
        throw new CoderException("CountSumCoder: the stream ended inside the sum", e);
      }
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of();
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      throw new NonDeterministicException(this, "the sum is a double, whose encoding of NaN is not unique");
    }
  }

  private static final class MeanFn<NumT extends Number> extends CombineFn<NumT, CountSum, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public CountSum createAccumulator() {
      return new CountSum(0, 0);
    }

    @Override
    public CountSum addInput(CountSum accumulator, NumT input) {
      accumulator.count++;
      accumulator.sum += input.doubleValue();
      return accumulator;
    }

    @Override
    public CountSum mergeAccumulators(Iterable<CountSum> accumulators) {
      CountSum merged = createAccumulator();
      for (CountSum accumulator : accumulators) {
        merged.count += accumulator.count;
        merged.sum += accumulator.sum;
      }
      return merged;
    }

    @Override
    public Double extractOutput(CountSum accumulator) {
      return accumulator.count == 0 ? Double.NaN : accumulator.sum / accumulator.count;
    }

    @Override
    public Coder<CountSum> getAccumulatorCoder(CoderRegistry registry, Coder<NumT> inputCoder) {
      return CountSumCoder.of();
    }
  }
}
