package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The largest {@code count} elements by a comparator, as a {@code List} from largest to smallest:
 * of a whole collection ({@link #of}, {@link #largest}, {@link #smallest}) or per key
 * ({@link #perKey}, {@link #largestPerKey}, {@link #smallestPerKey}).
 *
 * <p>Lists have at most {@code count} elements (fewer when there are fewer inputs); an empty
 * collection in the global window gives an empty list. Among equal elements which are kept is
 * unspecified. The output coder is a {@link ListCoder} of the input coder.
 */
public final class Top {
  private Top() {}

  /** The {@code count} largest elements by {@code compareFn}, largest first. */
  public static <T, ComparatorT extends Comparator<T> & Serializable> Combine.Globally<T, List<T>> of(
      int count, ComparatorT compareFn) {
    return Combine.globally(new TopCombineFn<>(count, compareFn));
  }

  /** The {@code count} smallest elements, smallest first. */
  public static <T extends Comparable<T>> Combine.Globally<T, List<T>> smallest(int count) {
    return Combine.globally(smallestFn(count));
  }

  /** The {@code count} largest elements, largest first. */
  public static <T extends Comparable<T>> Combine.Globally<T, List<T>> largest(int count) {
    return Combine.globally(largestFn(count));
  }

  /** The {@code count} largest values of each key by {@code compareFn}, largest first. */
  public static <K, V, ComparatorT extends Comparator<V> & Serializable> Combine.PerKey<K, V, List<V>> perKey(
      int count, ComparatorT compareFn) {
    return Combine.perKey(new TopCombineFn<>(count, compareFn));
  }

  /** The {@code count} smallest values of each key, smallest first. */
  public static <K, V extends Comparable<V>> Combine.PerKey<K, V, List<V>> smallestPerKey(int count) {
    return Combine.perKey(Top.<V>smallestFn(count));
  }

  /** The {@code count} largest values of each key, largest first. */
  public static <K, V extends Comparable<V>> Combine.PerKey<K, V, List<V>> largestPerKey(int count) {
    return Combine.perKey(Top.<V>largestFn(count));
  }

  /** The CombineFn keeping the {@code count} largest inputs. */
  public static <T extends Comparable<T>> TopCombineFn<T, Natural<T>> largestFn(int count) {
    return new TopCombineFn<>(count, new Natural<T>());
  }

  /** The CombineFn keeping the {@code count} smallest inputs. */
  public static <T extends Comparable<T>> TopCombineFn<T, Reversed<T>> smallestFn(int count) {
    return new TopCombineFn<>(count, new Reversed<T>());
  }

  /**
   * The natural order of {@link Comparable}s, serializable.
   *
   * @param <T> the compared type
   */
  public static final class Natural<T extends Comparable<? super T>> implements Comparator<T>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(T a, T b) {
      return a.compareTo(b);
    }
  }

  /**
   * The reverse of the natural order, serializable.
   *
   * @param <T> the compared type
   */
  public static final class Reversed<T extends Comparable<? super T>> implements Comparator<T>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(T a, T b) {
      return b.compareTo(a);
    }
  }

  /**
   * Keeps the {@code count} largest inputs by a comparator, in a {@link BoundedHeap}.
   *
   * @param <T> the input type
   * @param <ComparatorT> the comparator type
   */
  public static final class TopCombineFn<T, ComparatorT extends Comparator<? super T> & Serializable>
      extends CombineFn<T, BoundedHeap<T>, List<T>> {
    private static final long serialVersionUID = 1L;

    private final int count;
    private final ComparatorT compareFn;

    public TopCombineFn(int count, ComparatorT compareFn) {
      checkArgument(count >= 0, "Top: count must be >= 0, was %s", count);
      this.count = count;
      this.compareFn = Objects.requireNonNull(compareFn, "compareFn");
    }

    @Override
    public BoundedHeap<T> createAccumulator() {
      return new BoundedHeap<>(count, compareFn);
    }

    @Override
    public BoundedHeap<T> addInput(BoundedHeap<T> accumulator, T input) {
      accumulator.add(input);
      return accumulator;
    }

    @Override
    public BoundedHeap<T> mergeAccumulators(Iterable<BoundedHeap<T>> accumulators) {
      BoundedHeap<T> merged = createAccumulator();
      for (BoundedHeap<T> accumulator : accumulators) {
        for (T value : accumulator.heap) {
          merged.add(value);
        }
      }
      return merged;
    }

    @Override
    public List<T> extractOutput(BoundedHeap<T> accumulator) {
      return accumulator.asList();
    }

    @Override
    public Coder<BoundedHeap<T>> getAccumulatorCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return new BoundedHeapCoder<>(count, compareFn, ListCoder.of(inputCoder));
    }

    @Override
    public Coder<List<T>> getDefaultOutputCoder(CoderRegistry registry, Coder<T> inputCoder) {
      return ListCoder.of(inputCoder);
    }
  }

  /**
   * The accumulator of {@link TopCombineFn}: the largest values seen, at most a maximum number.
   * Mutable, not thread-safe.
   *
   * @param <T> the value type
   */
  public static final class BoundedHeap<T> {
    private final int maximumSize;
    private final Comparator<? super T> compareFn;
    // The head is the smallest kept value, the first to go when a larger one comes.
    private final PriorityQueue<T> heap;

    BoundedHeap(int maximumSize, Comparator<? super T> compareFn) {
      this.maximumSize = maximumSize;
      this.compareFn = compareFn;
      this.heap = new PriorityQueue<>(Math.max(1, Math.min(maximumSize, 64)), compareFn);
    }

    /** Adds {@code value} if it is among the largest {@code maximumSize} seen. */
    public void add(T value) {
      if (maximumSize == 0) {
        return;
      }
      if (heap.size() < maximumSize) {
        heap.add(value);
      } else if (compareFn.compare(value, heap.peek()) > 0) {
        heap.poll();
        heap.add(value);
      }
    }

    /** The kept values, largest first. */
    public List<T> asList() {
      List<T> values = new ArrayList<>(heap);
      values.sort(Collections.reverseOrder(compareFn));
      return values;
    }

    @Override
    public String toString() {
      return "BoundedHeap" + asList();
    }
  }

  /** Encodes a {@link BoundedHeap} as the list of its values. */
  private static final class BoundedHeapCoder<T> extends Coder<BoundedHeap<T>> {
    private static final long serialVersionUID = 1L;
    private final int maximumSize;
    private final Comparator<? super T> compareFn;
    private final ListCoder<T> listCoder;

    BoundedHeapCoder(int maximumSize, Comparator<? super T> compareFn, ListCoder<T> listCoder) {
      this.maximumSize = maximumSize;
      this.compareFn = compareFn;
      this.listCoder = listCoder;
    }

    @Override
    public void encode(BoundedHeap<T> value, OutputStream out) throws IOException {
      listCoder.encode(value.asList(), out);
    }

    @Override
    public BoundedHeap<T> decode(InputStream in) throws IOException {
      BoundedHeap<T> heap = new BoundedHeap<>(maximumSize, compareFn);
      for (T value : listCoder.decode(in)) {
        heap.add(value);
      }
      return heap;
    }

    @Override
    public List<? extends Coder<?>> getCoderArguments() {
      return List.of(listCoder);
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      listCoder.verifyDeterministic();
    }
  }
}
