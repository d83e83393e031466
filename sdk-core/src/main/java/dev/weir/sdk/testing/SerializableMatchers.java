package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/**
 * Serializable versions of common hamcrest matchers, for {@link PAssert}, and {@link
 * #fromSupplier} to make any hamcrest matcher serializable.
 *
 * <p>Every matcher returned is immutable and thread-safe. The values they compare against must be
 * {@link Serializable}; they are compared with {@code equals} (or {@code compareTo}).
 */
public final class SerializableMatchers {
  private SerializableMatchers() {}

  /**
   * A serializable supplier, such as a lambda that captures only serializable values.
   *
   * @param <T> the type supplied
   */
  @FunctionalInterface
  public interface SerializableSupplier<T> extends Serializable {
    /** The value; called once per deserialized copy. */
    T get();
  }

  /**
   * A matcher that behaves as the hamcrest matcher {@code supplier} makes, for example {@code
   * fromSupplier(() -> Matchers.hasItem(3))}. The supplier is serialized, not the matcher: it is
   * called again wherever the matcher is deserialized.
   */
  public static <T> SerializableMatcher<T> fromSupplier(SerializableSupplier<Matcher<T>> supplier) {
    return new SupplierMatcher<>(checkNotNull(supplier, "supplier"));
  }

  /** Matches values {@code equals} to {@code expected}. */
  public static <T extends Serializable> SerializableMatcher<T> equalTo(T expected) {
    return fromSupplier(() -> Matchers.equalTo(expected));
  }

  /** Matches what {@code matcher} does not. */
  public static <T> SerializableMatcher<T> not(SerializableMatcher<T> matcher) {
    checkNotNull(matcher, "matcher");
    return fromSupplier(() -> Matchers.not(matcher));
  }

  /** Matches what every one of {@code matchers} matches. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static <T> SerializableMatcher<T> allOf(SerializableMatcher<? super T>... matchers) {
    List<Matcher<? super T>> all = copyOf(matchers);
    return fromSupplier(() -> Matchers.allOf(all));
  }

  /** Matches what at least one of {@code matchers} matches. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static <T> SerializableMatcher<T> anyOf(SerializableMatcher<? super T>... matchers) {
    List<Matcher<? super T>> any = copyOf(matchers);
    return fromSupplier(() -> Matchers.anyOf(any));
  }

  /** Matches values greater than {@code bound}. */
  public static <T extends Comparable<T> & Serializable> SerializableMatcher<T> greaterThan(T bound) {
    return fromSupplier(() -> Matchers.greaterThan(bound));
  }

  /** Matches values greater than or equal to {@code bound}. */
  public static <T extends Comparable<T> & Serializable> SerializableMatcher<T> greaterThanOrEqualTo(T bound) {
    return fromSupplier(() -> Matchers.greaterThanOrEqualTo(bound));
  }

  /** Matches values less than {@code bound}. */
  public static <T extends Comparable<T> & Serializable> SerializableMatcher<T> lessThan(T bound) {
    return fromSupplier(() -> Matchers.lessThan(bound));
  }

  /** Matches values less than or equal to {@code bound}. */
  public static <T extends Comparable<T> & Serializable> SerializableMatcher<T> lessThanOrEqualTo(T bound) {
    return fromSupplier(() -> Matchers.lessThanOrEqualTo(bound));
  }

  /** Matches iterables holding exactly {@code items}, each as many times, in any order. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static <T extends Serializable> SerializableMatcher<Iterable<? extends T>> containsInAnyOrder(
      T... items) {
    List<T> expected = new ArrayList<>(Arrays.asList(items));
    return fromSupplier(() -> new ContainsInAnyOrder<>(expected));
  }

  /**
   * Matches iterables with one element per matcher, each element matched by a different one of
   * {@code matchers}, in any order.
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  public static <T> SerializableMatcher<Iterable<? extends T>> containsInAnyOrder(
      SerializableMatcher<? super T>... matchers) {
    List<Matcher<? super T>> each = copyOf(matchers);
    return fromSupplier(() -> Matchers.containsInAnyOrder(each));
  }

  @SafeVarargs
  private static <T> List<Matcher<? super T>> copyOf(SerializableMatcher<? super T>... matchers) {
    List<Matcher<? super T>> copy = new ArrayList<>();
    for (SerializableMatcher<? super T> matcher : matchers) {
      copy.add(checkNotNull(matcher, "a matcher is null"));
    }
    return copy;
  }

  /** Delegates to the matcher its supplier makes, made once per deserialized copy. */
  private static final class SupplierMatcher<T> extends BaseMatcher<T> implements SerializableMatcher<T> {
    private static final long serialVersionUID = 1L;

    private final SerializableSupplier<Matcher<T>> supplier;
    private transient Matcher<T> delegate;

    SupplierMatcher(SerializableSupplier<Matcher<T>> supplier) {
      this.supplier = supplier;
    }

    private Matcher<T> delegate() {
      if (delegate == null) {
        delegate = checkNotNull(supplier.get(), "the matcher supplier returned null");
      }
      return delegate;
    }

    @Override
    public boolean matches(Object item) {
      return delegate().matches(item);
    }

    @Override
    public void describeMismatch(Object item, Description description) {
      delegate().describeMismatch(item, description);
    }

    @Override
    public void describeTo(Description description) {
      delegate().describeTo(description);
    }
  }
}
