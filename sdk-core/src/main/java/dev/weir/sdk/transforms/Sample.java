package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a subset of elements: {@link #any} some elements (no promise which), or
 * {@link #fixedSizeGlobally}/{@link #fixedSizePerKey} a uniformly random sample of a fixed size,
 * without replacement.
 *
 * <p>A sample has {@code min(size, number of inputs)} elements. An empty collection in the global
 * window samples to an empty iterable. Sampled elements keep the input coder.
 */
public final class Sample {
  private Sample() {}

  /** Up to {@code limit} elements of the input, arbitrary ones, as a collection of elements. */
  public static <T> PTransform<PCollection<T>, PCollection<T>> any(long limit) {
    checkArgument(limit >= 0, "Sample.any: limit must be >= 0, was %s", limit);
    return new Any<>(limit);
  }

  /** A uniform random sample of {@code sampleSize} elements, as one iterable. */
  public static <T> Combine.Globally<T, Iterable<T>> fixedSizeGlobally(int sampleSize) {
    return Combine.globally(new FixedSizedSampleFn<T>(sampleSize));
  }

  /** A uniform random sample of {@code sampleSize} values of each key. */
  public static <K, V> Combine.PerKey<K, V, Iterable<V>> fixedSizePerKey(int sampleSize) {
    return Combine.perKey(new FixedSizedSampleFn<V>(sampleSize));
  }

  /** The CombineFn keeping the first {@code sampleSize} inputs it sees. */
  public static <T> CombineFn<T, List<T>, Iterable<T>> anyCombineFn(int sampleSize) {
    return new SampleAnyCombineFn<>(sampleSize);
  }

  /** The CombineFn keeping a uniform random sample of {@code sampleSize} inputs. */
  public static <T> CombineFn<T, ?, Iterable<T>> combineFn(int sampleSize) {
    return new FixedSizedSampleFn<>(sampleSize);
  }

  private static final class Any<T> extends PTransform<PCollection<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;
    private final long limit;

    Any(long limit) {
      this.limit = limit;
    }

    @Override
    public PCollection<T> expand(PCollection<T> input) {
      return input
          .apply("Combine", Combine.globally(new SampleAnyCombineFn<T>(limit)).withoutDefaults())
          .apply("Flatten", Flatten.iterables())
          .setCoder(input.getCoder());
    }

    @Override
    protected String getKindString() {
      return "Sample.Any";
    }
  }

  /**
   * Keeps the first {@code limit} inputs it sees (and of merged accumulators).
   *
   * @param <T> the element type
   */
  public static final class SampleAnyCombineFn<T> extends CombineFn<T, List<T>, Iterable<T>> {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public SampleAnyCombineFn(long limit) {
      checkArgument(limit >= 0, "Sample: the limit must be >= 0, was %s", limit);
      this.limit = limit;
    }

    @Override
    public List<T> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<T> addInput(List<T> accumulator, T input) {
      if (accumulator.size() < limit) {
        accumulator.add(input);
      }
      return accumulator;
    }

    @Override
    public List<T> mergeAccumulators(Iterable<List<T>> accumulators) {
      List<T> merged = new ArrayList<>();
      for (List<T> accumulator : accumulators) {
        for (T value : accumulator) {
          if (merged.size() >= limit) {
            return merged;
          }
          merged.add(value);
        }
      }
      return merged;
    }

    @Override
    public Iterable<T> extractOutput(List<T> accumulator) {
      return accumulator;
    }

    @Override
    public Coder<List<T>> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return ListCoder.of(inputCoder);
    }

    @Override
    public Coder<Iterable<T>> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return IterableCoder.of(inputCoder);
    }
  }

  /**
   * Keeps a uniform random sample of {@code sampleSize} inputs: each input gets a random priority and
   * the inputs with the largest priorities are kept, which merges correctly because priorities
   * travel with the values.
   *
   * @param <T> the element type
   */
  public static final class FixedSizedSampleFn<T>
      extends CombineFn<T, Top.BoundedHeap<KV<Integer, T>>, Iterable<T>> {
    private static final long serialVersionUID = 1L;
    private final Top.TopCombineFn<KV<Integer, T>, ByPriority<T>> topFn;

    public FixedSizedSampleFn(int sampleSize) {
      checkArgument(sampleSize >= 0, "Sample: the sample size must be >= 0, was %s", sampleSize);
      this.topFn = new Top.TopCombineFn<>(sampleSize, new ByPriority<T>());
    }

    @Override
    public Top.BoundedHeap<KV<Integer, T>> createAccumulator() {
      return topFn.createAccumulator();
    }

    @Override
    public Top.BoundedHeap<KV<Integer, T>> addInput(Top.BoundedHeap<KV<Integer, T>> accumulator, T input) {
      return topFn.addInput(accumulator, KV.of(ThreadLocalRandom.current().nextInt(), input));
    }

    @Override
    public Top.BoundedHeap<KV<Integer, T>> mergeAccumulators(Iterable<Top.BoundedHeap<KV<Integer, T>>> accumulators) {
      return topFn.mergeAccumulators(accumulators);
    }

    @Override
    public Iterable<T> extractOutput(Top.BoundedHeap<KV<Integer, T>> accumulator) {
      List<T> sample = new ArrayList<>();
      for (KV<Integer, T> entry : topFn.extractOutput(accumulator)) {
        sample.add(entry.getValue());
      }
      return sample;
    }

    @Override
    public Coder<Top.BoundedHeap<KV<Integer, T>>> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return topFn.getAccumulatorCoder(registry, KvCoder.of(VarIntCoder.of(), inputCoder));
    }

    @Override
    public Coder<Iterable<T>> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return IterableCoder.of(inputCoder);
    }
  }

  /** Orders prioritized values by priority only. */
  private static final class ByPriority<T> implements Comparator<KV<Integer, T>>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(KV<Integer, T> a, KV<Integer, T> b) {
      return Integer.compare(a.getKey(), b.getKey());
    }
  }
}
