package dev.weir.sdk.transforms;

import dev.weir.sdk.transforms.Combine.BinaryCombineDoubleFn;
import dev.weir.sdk.transforms.Combine.BinaryCombineFn;
import dev.weir.sdk.transforms.Combine.BinaryCombineIntegerFn;
import dev.weir.sdk.transforms.Combine.BinaryCombineLongFn;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * The smallest element: of a whole collection ({@code globally()}, {@code integersGlobally()}, ...)
 * or per key ({@code perKey()}, ...), by natural order or a serializable {@link Comparator}.
 *
 * <p>For no elements the number forms output the type's maximum ({@code Integer.MAX_VALUE},
 * {@code Double.POSITIVE_INFINITY}); the general forms output their identity, null unless one is
 * given (a null output needs a coder that accepts null). Ties keep either element.
 */
public final class Min {
  private Min() {}

  /** The CombineFn keeping the smallest int. */
  public static BinaryCombineIntegerFn ofIntegers() {
    return new MinIntegerFn();
  }

  /** The CombineFn keeping the smallest long. */
  public static BinaryCombineLongFn ofLongs() {
    return new MinLongFn();
  }

  /** The CombineFn keeping the smallest double. */
  public static BinaryCombineDoubleFn ofDoubles() {
    return new MinDoubleFn();
  }

  /** The smallest element by natural order, null for no elements. */
  public static <T extends Comparable<? super T>> BinaryCombineFn<T> naturalOrder() {
    return new MinFn<>(null, new Top.Natural<T>());
  }

  /** The smallest element by natural order, {@code identity} for no elements. */
  public static <T extends Comparable<? super T>> BinaryCombineFn<T> naturalOrder(T identity) {
    return new MinFn<>(identity, new Top.Natural<T>());
  }

  /** The smallest element by {@code comparator}, null for no elements. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable> BinaryCombineFn<T> of(
      ComparatorT comparator) {
    return new MinFn<>(null, comparator);
  }

  /** The smallest element by {@code comparator}, {@code identity} for no elements. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable> BinaryCombineFn<T> of(
      T identity, ComparatorT comparator) {
    return new MinFn<>(identity, comparator);
  }

  /** The smallest {@code Integer} element. */
  public static Combine.Globally<Integer, Integer> integersGlobally() {
    return Combine.globally(ofIntegers());
  }

  /** The smallest {@code Long} element. */
  public static Combine.Globally<Long, Long> longsGlobally() {
    return Combine.globally(ofLongs());
  }

  /** The smallest {@code Double} element. */
  public static Combine.Globally<Double, Double> doublesGlobally() {
    return Combine.globally(ofDoubles());
  }

  /** The smallest {@code Integer} value of each key. */
  public static <K> Combine.PerKey<K, Integer, Integer> integersPerKey() {
    return Combine.perKey(ofIntegers());
  }

  /** The smallest {@code Long} value of each key. */
  public static <K> Combine.PerKey<K, Long, Long> longsPerKey() {
    return Combine.perKey(ofLongs());
  }

  /** The smallest {@code Double} value of each key. */
  public static <K> Combine.PerKey<K, Double, Double> doublesPerKey() {
    return Combine.perKey(ofDoubles());
  }

  /** The smallest element by natural order. */
  public static <T extends Comparable<? super T>> Combine.Globally<T, T> globally() {
    return Combine.globally(Min.<T>naturalOrder());
  }

  /** The smallest value of each key by natural order. */
  public static <K, T extends Comparable<? super T>> Combine.PerKey<K, T, T> perKey() {
    return Combine.perKey(Min.<T>naturalOrder());
  }

  /** The smallest element by {@code comparator}. */
  public static <T, ComparatorT extends Comparator<? super T> & Serializable> Combine.Globally<T, T> globally(
      ComparatorT comparator) {
    return Combine.globally(Min.<T, ComparatorT>of(comparator));
  }

  /** The smallest value of each key by {@code comparator}. */
  public static <K, T, ComparatorT extends Comparator<? super T> & Serializable> Combine.PerKey<K, T, T> perKey(
      ComparatorT comparator) {
    return Combine.perKey(Min.<T, ComparatorT>of(comparator));
  }

  private static final class MinFn<T> extends BinaryCombineFn<T> {
    private static final long serialVersionUID = 1L;
    private final T identity;
    private final Comparator<? super T> comparator;

    MinFn(T identity, Comparator<? super T> comparator) {
      this.identity = identity;
      this.comparator = Objects.requireNonNull(comparator, "comparator");
    }

    @Override
    public T apply(T left, T right) {
      return comparator.compare(left, right) <= 0 ? left : right;
    }

    @Override
    public T identity() {
      return identity;
    }
  }

  private static final class MinIntegerFn extends BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;

    @Override
    public int apply(int left, int right) {
      return Math.min(left, right);
    }

    @Override
    public int identity() {
      return Integer.MAX_VALUE;
    }
  }

  private static final class MinLongFn extends BinaryCombineLongFn {
    private static final long serialVersionUID = 1L;

    @Override
    public long apply(long left, long right) {
      return Math.min(left, right);
    }

    @Override
    public long identity() {
      return Long.MAX_VALUE;
    }
  }

  private static final class MinDoubleFn extends BinaryCombineDoubleFn {
    private static final long serialVersionUID = 1L;

    @Override
    public double apply(double left, double right) {
      return Math.min(left, right);
    }

    @Override
    public double identity() {
      return Double.POSITIVE_INFINITY;
    }
  }
}
