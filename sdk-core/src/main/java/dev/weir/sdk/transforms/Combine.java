package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.IterableLikeCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.VoidCoder;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Combines many values into one with a {@link CombineFn}: all elements of a collection
 * ({@link #globally}), the values of each key ({@link #perKey}), or already grouped values
 * ({@link #groupedValues}).
 *
 * <p>{@code Combine.perKey} is a composite of {@link GroupByKey} and {@link GroupedValues} that keeps
 * its {@link CombineFn} reachable through {@link PerKey#getFn()}, so that a runner may replace it
 * with partial combining before the shuffle; the result must not depend on whether it does. The
 * {@link CombineFn} contract (associative and commutative merging, accumulators that encode with
 * their coder) is what makes that replacement safe.
 */
public final class Combine {
  private Combine() {}

  /** Combines all elements with {@code fn}; see {@link Globally}. */
  public static <InputT, OutputT> Globally<InputT, OutputT> globally(CombineFn<? super InputT, ?, OutputT> fn) {
    return new Globally<>(fn, true);
  }

  /** Combines all elements by applying {@code combiner} to (batches of) them; it must be associative. */
  public static <V> Globally<V, V> globally(SerializableFunction<Iterable<V>, V> combiner) {
    return globally(IterableCombineFn.of(combiner));
  }

  /** Combines all elements pairwise with the associative, commutative {@code combiner}. */
  public static <V> Globally<V, V> globally(SerializableBiFunction<V, V, V> combiner) {
    return globally(BinaryCombineFn.of(combiner));
  }

  /** Combines the values of each key with {@code fn}; see {@link PerKey}. */
  public static <K, InputT, OutputT> PerKey<K, InputT, OutputT> perKey(CombineFn<? super InputT, ?, OutputT> fn) {
    return new PerKey<>(fn);
  }

  /** Combines the values of each key by applying {@code combiner} to (batches of) them. */
  public static <K, V> PerKey<K, V, V> perKey(SerializableFunction<Iterable<V>, V> combiner) {
    return perKey(IterableCombineFn.of(combiner));
  }

  /** Combines the values of each key pairwise with the associative, commutative {@code combiner}. */
  public static <K, V> PerKey<K, V, V> perKey(SerializableBiFunction<V, V, V> combiner) {
    return perKey(BinaryCombineFn.of(combiner));
  }

  /** Combines each {@code KV<K, Iterable<V>>}'s values with {@code fn}; see {@link GroupedValues}. */
  public static <K, InputT, OutputT> GroupedValues<K, InputT, OutputT> groupedValues(
      CombineFn<? super InputT, ?, OutputT> fn) {
    return new GroupedValues<>(fn);
  }

  /** Combines each group's values by applying {@code combiner} to (batches of) them. */
  public static <K, V> GroupedValues<K, V, V> groupedValues(SerializableFunction<Iterable<V>, V> combiner) {
    return groupedValues(IterableCombineFn.of(combiner));
  }

  /** Combines each group's values pairwise with {@code combiner}. */
  public static <K, V> GroupedValues<K, V, V> groupedValues(SerializableBiFunction<V, V, V> combiner) {
    return groupedValues(BinaryCombineFn.of(combiner));
  }

  /**
   * Combines values through a mutable accumulator: {@link #createAccumulator}, {@link #addInput}
   * for each value, {@link #mergeAccumulators} of partial results, {@link #extractOutput} at the end.
   *
   * <p>Contract: merging must be associative and commutative, and the output must not depend on how
   * values were split among accumulators or in which order they were added; {@code addInput} and
   * {@code mergeAccumulators} may modify and return their first accumulator but no other. Runners may
   * encode accumulators between steps with {@link #getAccumulatorCoder}. Instances are serializable
   * and used by one thread at a time.
   *
   * @param <InputT> the type of the values combined
   * @param <AccumT> the type of the accumulator
   * @param <OutputT> the type of the result
   */
  public abstract static class CombineFn<InputT, AccumT, OutputT> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A new accumulator holding no values. */
    public abstract AccumT createAccumulator();

    /** Adds {@code input} to {@code mutableAccumulator}; returns the accumulator (possibly the same object). */
    public abstract AccumT addInput(AccumT mutableAccumulator, InputT input);

    /** One accumulator holding the values of all of {@code accumulators}; may reuse the first. */
    public abstract AccumT mergeAccumulators(Iterable<AccumT> accumulators);

    /** The result for the values in {@code accumulator}. */
    public abstract OutputT extractOutput(AccumT accumulator);

    /** An equivalent, possibly smaller accumulator, used before encoding; the identity by default. */
    public AccumT compact(AccumT accumulator) {
      return accumulator;
    }

    /** Combines {@code inputs} in one accumulator. */
    public OutputT apply(Iterable<? extends InputT> inputs) {
      AccumT accumulator = createAccumulator();
      for (InputT input : inputs) {
        accumulator = addInput(accumulator, input);
      }
      return extractOutput(accumulator);
    }

    /** The result for no values: {@code extractOutput(createAccumulator())}, what global combines of nothing output. */
    public OutputT defaultValue() {
      return extractOutput(createAccumulator());
    }

    /**
     * The coder for accumulators, given the coder of the inputs: by default the registry's coder for
     * the accumulator type (the input coder when the accumulator type is the input type).
     *
     * @throws CannotProvideCoderException naming the CombineFn and the fix when there is none
     */
    public Coder<AccumT> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder)
        throws CannotProvideCoderException {
      TypeDescriptor<AccumT> accumulatorType = new TypeDescriptor<AccumT>(getClass()) {};
      try {
        return registry.getCoder(accumulatorType, getInputType(), inputCoder);
      } catch (CannotProvideCoderException e) {
        throw new CannotProvideCoderException("Unable to infer an accumulator coder for " + getClass().getName()
            + " (accumulator type " + accumulatorType + "): " + e.getMessage()
            + ". Fix: override getAccumulatorCoder in the CombineFn.", e);
      }
    }

    /**
     * The coder for outputs, given the coder of the inputs: by default the registry's coder for the
     * output type (the input coder when the output type is the input type).
     */
    public Coder<OutputT> getDefaultOutputCoder(CoderRegistry registry, Coder<InputT> inputCoder)
        throws CannotProvideCoderException {
      return registry.getCoder(getOutputType(), getInputType(), inputCoder);
    }

    /** The message of the error a {@code Combine.globally} with defaults gives in non-global windows. */
    public String getIncompatibleGlobalWindowErrorMessage() {
      return "Default values are not supported in Combine.globally() if the input PCollection is not windowed by"
          + " GlobalWindows. Fix: use Combine.globally().withoutDefaults() to output nothing for empty windows,"
          + " or Combine.globally().asSingletonView() to read the CombineFn's default output for empty windows.";
    }

    /** The input type, as far as this class's type arguments tell. */
    public TypeDescriptor<InputT> getInputType() {
      return new TypeDescriptor<InputT>(getClass()) {};
    }

    /** The output type, as far as this class's type arguments tell. */
    public TypeDescriptor<OutputT> getOutputType() {
      return new TypeDescriptor<OutputT>(getClass()) {};
    }
  }

  /**
   * A {@link CombineFn} from an associative, commutative binary operation, with an optional
   * {@link #identity()} output for no values (null by default). Inputs and outputs share a type and
   * coder.
   *
   * @param <V> the type of the values and result
   */
  public abstract static class BinaryCombineFn<V> extends CombineFn<V, Holder<V>, V> {
    private static final long serialVersionUID = 1L;

    /** A BinaryCombineFn that combines with {@code combiner}. */
    public static <V> BinaryCombineFn<V> of(SerializableBiFunction<V, V, V> combiner) {
      Objects.requireNonNull(combiner, "combiner");
      return new BinaryCombineFn<V>() {
        private static final long serialVersionUID = 1L;

        @Override
        public V apply(V left, V right) {
          return combiner.apply(left, right);
        }
      };
    }

    /** The combination of {@code left} and {@code right}. */
    public abstract V apply(V left, V right);

    /** The output for no values; null unless overridden. */
    public V identity() {
      return null;
    }

    @Override
    public Holder<V> createAccumulator() {
      return new Holder<>();
    }

    @Override
    public Holder<V> addInput(Holder<V> accumulator, V input) {
      accumulator.set(accumulator.present ? apply(accumulator.value, input) : input);
      return accumulator;
    }

    @Override
    public Holder<V> mergeAccumulators(Iterable<Holder<V>> accumulators) {
      Iterator<Holder<V>> it = accumulators.iterator();
      Holder<V> merged = it.hasNext() ? it.next() : createAccumulator();
      while (it.hasNext()) {
        Holder<V> other = it.next();
        if (other.present) {
          addInput(merged, other.value);
        }
      }
      return merged;
    }

    @Override
    public V extractOutput(Holder<V> accumulator) {
      return accumulator.present ? accumulator.value : identity();
    }

    @Override
    public Coder<Holder<V>> getAccumulatorCoder(CoderRegistry registry, Coder<V> inputCoder) {
      return new Holder.HolderCoder<>(inputCoder);
    }

    @Override
    public Coder<V> getDefaultOutputCoder(CoderRegistry registry, Coder<V> inputCoder) {
      return inputCoder;
    }
  }

  /**
   * A {@link CombineFn} that combines by applying a function to batches of values, and to the
   * results of batches: the function must be associative and commutative over its arguments.
   * Accumulators are lists of at most about {@code bufferSize} values.
   *
   * @param <V> the type of the values and result
   */
  public static final class IterableCombineFn<V> extends CombineFn<V, List<V>, V> {
    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_BUFFER_SIZE = 20;

    private final SerializableFunction<Iterable<V>, V> combiner;
    private final int bufferSize;

    private IterableCombineFn(SerializableFunction<Iterable<V>, V> combiner, int bufferSize) {
      this.combiner = Objects.requireNonNull(combiner, "combiner");
      checkArgument(bufferSize > 0, "IterableCombineFn: bufferSize must be positive, was %s", bufferSize);
      this.bufferSize = bufferSize;
    }

    /** A CombineFn combining with {@code combiner}, batching 20 values at a time. */
    public static <V> IterableCombineFn<V> of(SerializableFunction<Iterable<V>, V> combiner) {
      return of(combiner, DEFAULT_BUFFER_SIZE);
    }

    /** A CombineFn combining with {@code combiner}, batching {@code bufferSize} values at a time. */
    public static <V> IterableCombineFn<V> of(SerializableFunction<Iterable<V>, V> combiner, int bufferSize) {
      return new IterableCombineFn<>(combiner, bufferSize);
    }

    @Override
    public List<V> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<V> addInput(List<V> accumulator, V input) {
      accumulator.add(input);
      return accumulator.size() > bufferSize ? mergeToSingleton(accumulator) : accumulator;
    }

    @Override
    public List<V> mergeAccumulators(Iterable<List<V>> accumulators) {
      List<V> merged = new ArrayList<>();
      for (List<V> accumulator : accumulators) {
        merged.addAll(accumulator);
        if (merged.size() > bufferSize) {
          merged = mergeToSingleton(merged);
        }
      }
      return merged;
    }

    @Override
    public V extractOutput(List<V> accumulator) {
      return combiner.apply(accumulator);
    }

    @Override
    public List<V> compact(List<V> accumulator) {
      return accumulator.size() > 1 ? mergeToSingleton(accumulator) : accumulator;
    }

    private List<V> mergeToSingleton(List<V> values) {
      List<V> singleton = new ArrayList<>();
      singleton.add(combiner.apply(values));
      return singleton;
    }

    @Override
    public Coder<List<V>> getAccumulatorCoder(CoderRegistry registry, Coder<V> inputCoder) {
      return ListCoder.of(inputCoder);
    }

    @Override
    public Coder<V> getDefaultOutputCoder(CoderRegistry registry, Coder<V> inputCoder) {
      return inputCoder;
    }
  }

  /**
   * The accumulator of a {@link BinaryCombineFn}: the combination so far, or nothing. Mutable, not
   * thread-safe; encoded as a presence flag then the value.
   *
   * @param <V> the type of the value
   */
  public static final class Holder<V> {
    private boolean present;
    private V value;

    Holder() {}

    /** Whether a value has been added. */
    public boolean isPresent() {
      return present;
    }

    /** The combination so far; meaningful only when {@link #isPresent()}. */
    public V getValue() {
      return value;
    }

    void set(V newValue) {
      this.present = true;
      this.value = newValue;
    }

    @Override
    public String toString() {
      return present ? "Holder{" + value + "}" : "Holder{}";
    }

    /** Encodes a holder as a presence byte and, if present, the value with the value coder. */
    static final class HolderCoder<V> extends Coder<Holder<V>> {
      private static final long serialVersionUID = 1L;
      private final Coder<V> valueCoder;

      HolderCoder(Coder<V> valueCoder) {
        this.valueCoder = valueCoder;
      }

      @Override
      public void encode(Holder<V> holder, OutputStream out) throws IOException {
        out.write(holder.present ? 1 : 0);
        if (holder.present) {
          valueCoder.encode(holder.value, out);
        }
      }

      @Override
      public Holder<V> decode(InputStream in) throws IOException {
        int flag = in.read();
        if (flag < 0) {
          throw new CoderException("HolderCoder: the stream ended before the presence flag");
        }
        Holder<V> holder = new Holder<>();
        if (flag == 1) {
          holder.set(valueCoder.decode(in));
        }
        return holder;
      }

      @Override
      public List<? extends Coder<?>> getCoderArguments() {
        return List.of(valueCoder);
      }

      @Override
      public void verifyDeterministic() throws NonDeterministicException {
        try {
          valueCoder.verifyDeterministic();
        } catch (NonDeterministicException e) {
          throw new NonDeterministicException(this, "its value coder is not deterministic", e);
        }
      }
    }
  }

  /**
   * A {@link CombineFn} of ints from an associative, commutative operation with an identity, keeping
   * its accumulator unboxed. The accumulator coder encodes it with the input coder.
   */
  public abstract static class BinaryCombineIntegerFn extends CombineFn<Integer, int[], Integer> {
    private static final long serialVersionUID = 1L;

    /** The combination of {@code left} and {@code right}. */
    public abstract int apply(int left, int right);

    /** The value that combines with any x to x; the output for no values. */
    public abstract int identity();

    @Override
    public int[] createAccumulator() {
      return new int[] {identity()};
    }

    @Override
    public int[] addInput(int[] accumulator, Integer input) {
      accumulator[0] = apply(accumulator[0], input);
      return accumulator;
    }

    @Override
    public int[] mergeAccumulators(Iterable<int[]> accumulators) {
      int[] merged = createAccumulator();
      for (int[] accumulator : accumulators) {
        merged[0] = apply(merged[0], accumulator[0]);
      }
      return merged;
    }

    @Override
    public Integer extractOutput(int[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<int[]> getAccumulatorCoder(CoderRegistry registry, Coder<Integer> inputCoder) {
      return new SingleCellArrayCoder<>(inputCoder, a -> a[0], v -> new int[] {v});
    }

    @Override
    public Coder<Integer> getDefaultOutputCoder(CoderRegistry registry, Coder<Integer> inputCoder) {
      return inputCoder;
    }
  }

  /**
   * A {@link CombineFn} of longs from an associative, commutative operation with an identity,
   * keeping its accumulator unboxed.
   */
  public abstract static class BinaryCombineLongFn extends CombineFn<Long, long[], Long> {
    private static final long serialVersionUID = 1L;

    /** The combination of {@code left} and {@code right}. */
    public abstract long apply(long left, long right);

    /** The value that combines with any x to x; the output for no values. */
    public abstract long identity();

    @Override
    public long[] createAccumulator() {
      return new long[] {identity()};
    }

    @Override
    public long[] addInput(long[] accumulator, Long input) {
      accumulator[0] = apply(accumulator[0], input);
      return accumulator;
    }

    @Override
    public long[] mergeAccumulators(Iterable<long[]> accumulators) {
      long[] merged = createAccumulator();
      for (long[] accumulator : accumulators) {
        merged[0] = apply(merged[0], accumulator[0]);
      }
      return merged;
    }

    @Override
    public Long extractOutput(long[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<long[]> getAccumulatorCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return new SingleCellArrayCoder<>(inputCoder, a -> a[0], v -> new long[] {v});
    }

    @Override
    public Coder<Long> getDefaultOutputCoder(CoderRegistry registry, Coder<Long> inputCoder) {
      return inputCoder;
    }
  }

  /**
   * A {@link CombineFn} of doubles from an associative, commutative operation with an identity,
   * keeping its accumulator unboxed.
   */
  public abstract static class BinaryCombineDoubleFn extends CombineFn<Double, double[], Double> {
    private static final long serialVersionUID = 1L;

    /** The combination of {@code left} and {@code right}. */
    public abstract double apply(double left, double right);

    /** The value that combines with any x to x; the output for no values. */
    public abstract double identity();

    @Override
    public double[] createAccumulator() {
      return new double[] {identity()};
    }

    @Override
    public double[] addInput(double[] accumulator, Double input) {
      accumulator[0] = apply(accumulator[0], input);
      return accumulator;
    }

    @Override
    public double[] mergeAccumulators(Iterable<double[]> accumulators) {
      double[] merged = createAccumulator();
      for (double[] accumulator : accumulators) {
        merged[0] = apply(merged[0], accumulator[0]);
      }
      return merged;
    }

    @Override
    public Double extractOutput(double[] accumulator) {
      return accumulator[0];
    }

    @Override
    public Coder<double[]> getAccumulatorCoder(CoderRegistry registry, Coder<Double> inputCoder) {
      return new SingleCellArrayCoder<>(inputCoder, a -> a[0], v -> new double[] {v});
    }

    @Override
    public Coder<Double> getDefaultOutputCoder(CoderRegistry registry, Coder<Double> inputCoder) {
      return inputCoder;
    }
  }

  /**
   * Combines all elements of a collection into one output per window. With defaults (the
   * default), a collection in the global window that is empty outputs the CombineFn's
   * {@link CombineFn#defaultValue()}; that is not defined for other windowings, so applying it to a
   * non-globally windowed collection fails, asking for {@link #withoutDefaults()} or
   * {@link #asSingletonView()}.
   *
   * @param <InputT> the element type
   * @param <OutputT> the output type
   */
  public static final class Globally<InputT, OutputT> extends PTransform<PCollection<InputT>, PCollection<OutputT>> {
    private static final long serialVersionUID = 1L;

    private final CombineFn<? super InputT, ?, OutputT> fn;
    private final boolean insertDefault;

    private Globally(CombineFn<? super InputT, ?, OutputT> fn, boolean insertDefault) {
      this.fn = Objects.requireNonNull(fn, "fn");
      this.insertDefault = insertDefault;
    }

    /** This combine, outputting nothing (not the default value) for an empty input. */
    public Globally<InputT, OutputT> withoutDefaults() {
      return new Globally<>(fn, false);
    }

    /** This combine's result as a singleton side input, the default value where the input is empty. */
    public GloballyAsSingletonView<InputT, OutputT> asSingletonView() {
      return new GloballyAsSingletonView<>(fn, insertDefault);
    }

    public CombineFn<? super InputT, ?, OutputT> getFn() {
      return fn;
    }

    /** Whether an empty input outputs the CombineFn's default value. */
    public boolean isInsertDefault() {
      return insertDefault;
    }

    @Override
    public PCollection<OutputT> expand(PCollection<InputT> input) {
      if (insertDefault && !input.getWindowingStrategy().getWindowFn().isCompatible(new GlobalWindows())) {
        throw new IllegalStateException("Combine.globally on PCollection '" + input.getName() + "' (windowed by "
            + input.getWindowingStrategy().getWindowFn() + "): " + fn.getIncompatibleGlobalWindowErrorMessage());
      }
      PCollection<KV<Void, InputT>> keyed = input
          .apply("WithKeys", WithKeys.<Void, InputT>of((Void) null))
          .setCoder(KvCoder.of(VoidCoder.of(), input.getCoder()));
      PCollection<OutputT> combined = keyed
          .apply("Combine.perKey(" + fnName(fn) + ")", Combine.<Void, InputT, OutputT>perKey(fn))
          .apply("Values", Values.create());
      return insertDefault ? insertDefaultIfEmpty(combined) : combined;
    }

    private PCollection<OutputT> insertDefaultIfEmpty(PCollection<OutputT> combined) {
      PCollectionView<Iterable<OutputT>> combinedView = combined.apply("View.AsIterable", View.asIterable());
      PCollection<OutputT> defaultIfEmpty = combined.getPipeline()
          .apply("CreateVoid", Create.of((Void) null).withCoder(VoidCoder.of()))
          .apply("ProduceDefault", ParDo.of(new ProduceDefaultFn<>(fn, combinedView)).withSideInputs(combinedView))
          .setCoder(combined.getCoder());
      return PCollectionList.of(combined).and(defaultIfEmpty).apply("Flatten", Flatten.pCollections());
    }

    @Override
    protected String getKindString() {
      return "Combine.globally(" + fnName(fn) + ")";
    }
  }

  /** Outputs the CombineFn's default value when the combined collection (a side input) is empty. */
  private static final class ProduceDefaultFn<OutputT> extends DoFn<Void, OutputT> {
    private static final long serialVersionUID = 1L;
    private final CombineFn<?, ?, OutputT> fn;
    private final PCollectionView<Iterable<OutputT>> combinedView;

    ProduceDefaultFn(CombineFn<?, ?, OutputT> fn, PCollectionView<Iterable<OutputT>> combinedView) {
      this.fn = fn;
      this.combinedView = combinedView;
    }

    @ProcessElement
    public void processElement(ProcessContext c) {
      if (!c.sideInput(combinedView).iterator().hasNext()) {
        c.output(fn.defaultValue());
      }
    }
  }

  /**
   * {@link Globally}'s result as a singleton {@link PCollectionView}: what {@code asSingletonView()}
   * returns. Windows with no input see the CombineFn's default value (unless made from a combine
   * {@code withoutDefaults()}, where reading such a window fails).
   *
   * @param <InputT> the element type
   * @param <OutputT> the output type
   */
  public static final class GloballyAsSingletonView<InputT, OutputT>
      extends PTransform<PCollection<InputT>, PCollectionView<OutputT>> {
    private static final long serialVersionUID = 1L;

    private final CombineFn<? super InputT, ?, OutputT> fn;
    private final boolean insertDefault;

    private GloballyAsSingletonView(CombineFn<? super InputT, ?, OutputT> fn, boolean insertDefault) {
      this.fn = fn;
      this.insertDefault = insertDefault;
    }

    public CombineFn<? super InputT, ?, OutputT> getFn() {
      return fn;
    }

    @Override
    public PCollectionView<OutputT> expand(PCollection<InputT> input) {
      PCollection<OutputT> combined =
          input.apply("CombineValues", new Globally<InputT, OutputT>(fn, false));
      View.AsSingleton<OutputT> view = View.asSingleton();
      return combined.apply("View.AsSingleton", insertDefault ? view.withDefaultValue(fn.defaultValue()) : view);
    }

    @Override
    protected String getKindString() {
      return "Combine.GloballyAsSingletonView";
    }
  }

  /**
   * Combines the values of each key with a {@link CombineFn}: {@code KV<K, InputT>} to one
   * {@code KV<K, OutputT>} per key and window. A composite of {@link GroupByKey} and
   * {@link GroupedValues}; {@link #getFn()} lets a runner lift the combine before the shuffle.
   *
   * @param <K> the key type
   * @param <InputT> the value type
   * @param <OutputT> the combined type
   */
  public static final class PerKey<K, InputT, OutputT>
      extends PTransform<PCollection<KV<K, InputT>>, PCollection<KV<K, OutputT>>> {
    private static final long serialVersionUID = 1L;

    private final CombineFn<? super InputT, ?, OutputT> fn;

    private PerKey(CombineFn<? super InputT, ?, OutputT> fn) {
      this.fn = Objects.requireNonNull(fn, "fn");
    }

    /** The CombineFn applied to each key's values. */
    public CombineFn<? super InputT, ?, OutputT> getFn() {
      return fn;
    }

    @Override
    public PCollection<KV<K, OutputT>> expand(PCollection<KV<K, InputT>> input) {
      return input
          .apply("GroupByKey", GroupByKey.create())
          .apply("Combine.GroupedValues", new GroupedValues<K, InputT, OutputT>(fn));
    }

    @Override
    protected String getKindString() {
      return "Combine.perKey(" + fnName(fn) + ")";
    }
  }

  /**
   * Combines the values of each already grouped {@code KV<K, Iterable<InputT>>} with a
   * {@link CombineFn}. The output coder is a {@link KvCoder} of the input's key coder and the
   * CombineFn's {@linkplain CombineFn#getDefaultOutputCoder output coder}; when the latter cannot be
   * inferred, the error asks for {@code setCoder} on the output.
   *
   * @param <K> the key type
   * @param <InputT> the value type
   * @param <OutputT> the combined type
   */
  public static final class GroupedValues<K, InputT, OutputT>
      extends PTransform<PCollection<? extends KV<K, ? extends Iterable<InputT>>>, PCollection<KV<K, OutputT>>> {
    private static final long serialVersionUID = 1L;

    private final CombineFn<? super InputT, ?, OutputT> fn;

    private GroupedValues(CombineFn<? super InputT, ?, OutputT> fn) {
      this.fn = Objects.requireNonNull(fn, "fn");
    }

    /** The CombineFn applied to each group. */
    public CombineFn<? super InputT, ?, OutputT> getFn() {
      return fn;
    }

    @Override
    public PCollection<KV<K, OutputT>> expand(PCollection<? extends KV<K, ? extends Iterable<InputT>>> input) {
      PCollection<KV<K, OutputT>> output = input.apply("Combine", ParDo.of(new CombineGroupFn<K, InputT, OutputT>(fn)));
      Coder<?> inputCoder = input.getCoder();
      String inputName = input.getName();
      CoderRegistry registry = input.getPipeline().getCoderRegistry();
      output.setCoderInferenceInternal(() -> outputCoder(registry, inputCoder, inputName));
      return output;
    }

    /** The output coder for an input with {@code inputCoder}; fails naming the fix if there is none. */
    @SuppressWarnings("unchecked")
    private Coder<KV<K, OutputT>> outputCoder(CoderRegistry registry, Coder<?> inputCoder, String inputName) {
      if (!(inputCoder instanceof KvCoder)
          || !(((KvCoder<?, ?>) inputCoder).getValueCoder() instanceof IterableLikeCoder)) {
        throw new IllegalStateException("Combine.GroupedValues needs a KvCoder with an IterableCoder of values on its"
            + " input, but PCollection '" + inputName + "' has " + inputCoder
            + ". Fix: apply it to the output of a GroupByKey, or set such a coder on its input.");
      }
      KvCoder<K, ?> kvCoder = (KvCoder<K, ?>) inputCoder;
      Coder<InputT> valueCoder = ((IterableLikeCoder<InputT, ?>) kvCoder.getValueCoder()).getElemCoder();
      try {
        Coder<OutputT> combined = ((CombineFn<InputT, ?, OutputT>) fn).getDefaultOutputCoder(registry, valueCoder);
        return KvCoder.of(kvCoder.getKeyCoder(), combined);
      } catch (CannotProvideCoderException e) {
        throw new IllegalStateException("Unable to infer the output coder of " + fnName(fn) + " from the value coder "
            + valueCoder + ": " + e.getMessage() + ". Fix: setCoder(...) on the combined PCollection, or override"
            + " getDefaultOutputCoder in the CombineFn.", e);
      }
    }

    @Override
    protected String getKindString() {
      return "Combine.GroupedValues";
    }
  }

  /** Combines one group's values in a single accumulator. */
  private static final class CombineGroupFn<K, InputT, OutputT>
      extends DoFn<KV<K, ? extends Iterable<InputT>>, KV<K, OutputT>> {
    private static final long serialVersionUID = 1L;
    private final CombineFn<? super InputT, ?, OutputT> fn;

    CombineGroupFn(CombineFn<? super InputT, ?, OutputT> fn) {
      this.fn = fn;
    }

    @ProcessElement
    public void processElement(
        @Element KV<K, ? extends Iterable<InputT>> element, OutputReceiver<KV<K, OutputT>> out) {
      out.output(KV.of(element.getKey(), fn.apply(element.getValue())));
    }
  }

  static String fnName(Object fn) {
    Class<?> type = fn.getClass();
    String simple = type.getSimpleName();
    if (simple.isEmpty()) {
      String full = type.getName();
      simple = full.substring(full.lastIndexOf('.') + 1);
    }
    int lambda = simple.indexOf("$$Lambda");
    return lambda >= 0 ? simple.substring(0, lambda) : simple;
  }
}
