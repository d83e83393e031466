package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.coders.VoidCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;

/**
 * Counts elements: all of them ({@link #globally()}), the values of each key ({@link #perKey()}),
 * or the occurrences of each distinct element ({@link #perElement()}). Counts are {@code Long}s,
 * encoded with {@link VarLongCoder}.
 */
public final class Count {
  private Count() {}

  /** The CombineFn that counts its inputs. */
  public static <T> CombineFn<T, ?, Long> combineFn() {
    return new CountFn<>();
  }

  /** The number of elements, 0 for an empty collection in the global window. */
  public static <T> Combine.Globally<T, Long> globally() {
    return Combine.globally(new CountFn<T>());
  }

  /** The number of values of each key. */
  public static <K, V> Combine.PerKey<K, V, Long> perKey() {
    return Combine.perKey(new CountFn<V>());
  }

  /** The number of occurrences of each distinct element (by encoding, so the coder must be deterministic). */
  public static <T> PerElement<T> perElement() {
    return new PerElement<>();
  }

  /**
   * Counts the occurrences of each distinct element: {@code T} to {@code KV<T, Long>}.
   *
   * @param <T> the element type
   */
  public static final class PerElement<T> extends PTransform<PCollection<T>, PCollection<KV<T, Long>>> {
    private static final long serialVersionUID = 1L;

    private PerElement() {}

    @Override
    public PCollection<KV<T, Long>> expand(PCollection<T> input) {
      return input
          .apply("Init", ParDo.of(new KeyByElementFn<T>()))
          .setCoder(KvCoder.of(input.getCoder(), VoidCoder.of()))
          .apply(Count.perKey());
    }

    @Override
    protected String getKindString() {
      return "Count.PerElement";
    }
  }

  private static final class KeyByElementFn<T> extends DoFn<T, KV<T, Void>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element T element, OutputReceiver<KV<T, Void>> out) {
      out.output(KV.of(element, null));
    }
  }

  /** Counts inputs in a one-cell {@code long[]}. */
  private static final class CountFn<T> extends CombineFn<T, long[], Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] createAccumulator() {
      return new long[] {0};
    }

    @Override
    public long[] addInput(long[] accumulator, T input) {
      accumulator[0]++;
      return accumulator;
    }

    @Override
    public long[] mergeAccumulators(Iterable<long[]> accumulators) {
      long[] merged = createAccumulator();
      for (long[] accumulator : accumulators) {
        merged[0] += accumulator[0];
      }
      return merged;
    }

    @Override
    public Long extractOutput(long[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return new SingleCellArrayCoder<>(VarLongCoder.of(), a -> a[0], v -> new long[] {v});
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return VarLongCoder.of();
    }
  }
}
