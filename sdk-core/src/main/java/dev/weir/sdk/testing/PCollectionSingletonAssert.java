package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import org.hamcrest.Matchers;

/**
 * The {@link PAssert.SingletonAssert} of a collection: each assertion method applies a {@link
 * GatherThenCheck} to the collection, which shapes all its elements into the one value checked.
 *
 * <p>Expected values are turned back into elements and shipped encoded with the collection's
 * coder, then shaped like the actual value, so both sides compare as the coder and the shape make
 * them. A scoped assertion ({@code inOnTimePane(...)}, ...) is a copy with another {@link
 * AssertionScope}. Not thread-safe, like building a pipeline.
 *
 * @param <ElemT> the element type of the collection
 * @param <T> the type of the value checked
 */
final class PCollectionSingletonAssert<ElemT, T> implements PAssert.SingletonAssert<T> {
  private final String reason;
  private final PCollection<ElemT> actual;
  private final ActualShape<ElemT, T> shape;
  private final AssertionScope scope;

  PCollectionSingletonAssert(
      String reason, PCollection<ElemT> actual, ActualShape<ElemT, T> shape, AssertionScope scope) {
    this.reason = reason;
    this.actual = actual;
    this.shape = shape;
    this.scope = scope;
  }

  @Override
  public PAssert.SingletonAssert<T> inOnlyPane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.ONLY, "inOnlyPane");
  }

  @Override
  public PAssert.SingletonAssert<T> inFinalPane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.FINAL, "inFinalPane");
  }

  @Override
  public PAssert.SingletonAssert<T> inOnTimePane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.ON_TIME, "inOnTimePane");
  }

  @Override
  public PAssert.SingletonAssert<T> inEarlyPane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.EARLY, "inEarlyPane");
  }

  @Override
  public PAssert.SingletonAssert<T> inLatePane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.LATE, "inLatePane");
  }

  private PAssert.SingletonAssert<T> scopedTo(BoundedWindow window, AssertionScope.Panes panes, String method) {
    return new PCollectionSingletonAssert<>(
        reason, actual, shape, AssertionScope.of(actual, window, panes, method + "(" + window + ")"));
  }

  @Override
  public PAssert.SingletonAssert<T> isEqualTo(T expected) {
    EncodedValue<Iterable<ElemT>> encoded = encode(expected, "the expected value");
    ActualShape<ElemT, T> shapeOfExpected = shape;
    return satisfies(SerializableMatchers.fromSupplier(
        () -> Matchers.equalTo(shapeOfExpected.fromElements(encoded.decode()))));
  }

  @Override
  public PAssert.SingletonAssert<T> notEqualTo(T notExpected) {
    EncodedValue<Iterable<ElemT>> encoded = encode(notExpected, "the value expected to differ");
    ActualShape<ElemT, T> shapeOfExpected = shape;
    return satisfies(SerializableMatchers.fromSupplier(
        () -> Matchers.not(Matchers.equalTo(shapeOfExpected.fromElements(encoded.decode())))));
  }

  private EncodedValue<Iterable<ElemT>> encode(T value, String what) {
    return EncodedValue.of(
        IterableCoder.of(actual.getCoder()), shape.toElements(value),
        what + " for PCollection '" + actual.getName() + "'");
  }

  @Override
  public PAssert.SingletonAssert<T> satisfies(SerializableFunction<T, Void> checkerFn) {
    checkNotNull(checkerFn, "checkerFn");
    String name = PAssert.nextAssertName();
    AssertionSite site = AssertionSite.capture(name, reason);
    actual.apply(name, new GatherThenCheck<>(new ContentsCheck<>(site, scope, actual.getCoder(), shape, checkerFn)));
    return this;
  }

  @Override
  public PAssert.SingletonAssert<T> satisfies(SerializableMatcher<? super T> matcher) {
    checkNotNull(matcher, "matcher");
    return satisfies(ContentsCheck.matching(matcher));
  }

  /** Always throws: {@code equals} on an assertion object is almost surely a mistake for {@link #isEqualTo}. */
  @Override
  public boolean equals(Object o) {
    throw new UnsupportedOperationException(
        "equals() compares assertion objects, not the PCollection's contents. Fix: use isEqualTo(...).");
  }

  /** Always throws, as {@link #equals} does. */
  @Override
  public int hashCode() {
    throw new UnsupportedOperationException("SingletonAssert does not support hashCode().");
  }
}
