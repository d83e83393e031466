package dev.weir.sdk.transforms;

import dev.weir.sdk.transforms.Combine.BinaryCombineDoubleFn;
import dev.weir.sdk.transforms.Combine.BinaryCombineIntegerFn;
import dev.weir.sdk.transforms.Combine.BinaryCombineLongFn;

/**
 * Sums numbers: of a whole collection ({@code integersGlobally()}, ...) or per key
 * ({@code integersPerKey()}, ...). The sum of nothing is 0; integer sums overflow silently, as in
 * Java. Outputs use the input's coder.
 */
public final class Sum {
  private Sum() {}

  /** The CombineFn summing ints. */
  public static BinaryCombineIntegerFn ofIntegers() {
    return new SumIntegerFn();
  }

  /** The CombineFn summing longs. */
  public static BinaryCombineLongFn ofLongs() {
    return new SumLongFn();
  }

  /** The CombineFn summing doubles. */
  public static BinaryCombineDoubleFn ofDoubles() {
    return new SumDoubleFn();
  }

  /** The sum of all {@code Integer} elements. */
  public static Combine.Globally<Integer, Integer> integersGlobally() {
    return Combine.globally(ofIntegers());
  }

  /** The sum of all {@code Long} elements. */
  public static Combine.Globally<Long, Long> longsGlobally() {
    return Combine.globally(ofLongs());
  }

  /** The sum of all {@code Double} elements. */
  public static Combine.Globally<Double, Double> doublesGlobally() {
    return Combine.globally(ofDoubles());
  }

  /** The sum of the {@code Integer} values of each key. */
  public static <K> Combine.PerKey<K, Integer, Integer> integersPerKey() {
    return Combine.perKey(ofIntegers());
  }

  /** The sum of the {@code Long} values of each key. */
  public static <K> Combine.PerKey<K, Long, Long> longsPerKey() {
    return Combine.perKey(ofLongs());
  }

  /** The sum of the {@code Double} values of each key. */
  public static <K> Combine.PerKey<K, Double, Double> doublesPerKey() {
    return Combine.perKey(ofDoubles());
  }

  private static final class SumIntegerFn extends BinaryCombineIntegerFn {
    private static final long serialVersionUID = 1L;

    @Override
    public int apply(int left, int right) {
      return left + right;
    }

    @Override
    public int identity() {
      return 0;
    }
  }

  private static final class SumLongFn extends BinaryCombineLongFn {
    private static final long serialVersionUID = 1L;

    @Override
    public long apply(long left, long right) {
      return left + right;
    }

    @Override
    public long identity() {
      return 0;
    }
  }

  private static final class SumDoubleFn extends BinaryCombineDoubleFn {
    private static final long serialVersionUID = 1L;

    @Override
    public double apply(double left, double right) {
      return left + right;
    }

    @Override
    public double identity() {
      return 0;
    }
  }
}
