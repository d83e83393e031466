package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link PAssert.IterableAssert} of a collection: each assertion method applies a {@link
 * GatherThenCheck} to the collection.
 *
 * <p>Holds how the contents are gathered (which windows and panes) and shaped into the iterable
 * checked; a scoped assertion ({@code inWindow(...)}) is a copy with another {@link
 * GatherContents}. Not thread-safe, like building a pipeline.
 *
 * @param <ElemT> the element type of the collection
 * @param <T> the element type of the iterable checked
 */
final class PCollectionContentsAssert<ElemT, T> implements PAssert.IterableAssert<T> {
  private final String reason;
  private final PCollection<ElemT> actual;
  private final ActualShape<ElemT, Iterable<T>> shape;
  private final Coder<T> elementCoder;
  private final GatherContents<ElemT> gather;

  PCollectionContentsAssert(
      String reason,
      PCollection<ElemT> actual,
      ActualShape<ElemT, Iterable<T>> shape,
      Coder<T> elementCoder,
      GatherContents<ElemT> gather) {
    this.reason = reason;
    this.actual = actual;
    this.shape = shape;
    this.elementCoder = elementCoder;
    this.gather = gather;
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  @Override
  public final PAssert.IterableAssert<T> containsInAnyOrder(T... expected) {
    return containsInAnyOrder(Arrays.asList(expected));
  }

  @Override
  public PAssert.IterableAssert<T> containsInAnyOrder(Iterable<T> expected) {
    checkNotNull(expected, "expected");
    List<T> copy = new ArrayList<>();
    expected.forEach(copy::add);
    EncodedValue<Iterable<T>> encoded = EncodedValue.of(
        IterableCoder.of(elementCoder), copy, "the expected elements for PCollection '" + actual.getName() + "'");
    return satisfies(SerializableMatchers.fromSupplier(() -> new ContainsInAnyOrder<T>(encoded.decode())));
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read
  @Override
  public final PAssert.IterableAssert<T> containsInAnyOrder(SerializableMatcher<? super T>... matchers) {
    return satisfies(SerializableMatchers.containsInAnyOrder(matchers));
  }

  @Override
  public PAssert.IterableAssert<T> empty() {
    return containsInAnyOrder(List.of());
  }

  @Override
  public PAssert.IterableAssert<T> satisfies(SerializableFunction<Iterable<T>, Void> checkerFn) {
    checkNotNull(checkerFn, "checkerFn");
    String name = PAssert.nextAssertName();
    AssertionSite site = AssertionSite.capture(name, reason);
    actual.apply(name, new GatherThenCheck<>(gather, new ContentsCheck<>(site, actual.getCoder(), shape, checkerFn)));
    return this;
  }

  @Override
  public PAssert.IterableAssert<T> satisfies(SerializableMatcher<? super Iterable<T>> matcher) {
    checkNotNull(matcher, "matcher");
    return satisfies(ContentsCheck.matching(matcher));
  }

  /**
   * Always throws: {@code equals} on an assertion object is almost surely a mistake for {@link
   * #containsInAnyOrder}.
   */
  @Override
  public boolean equals(Object o) {
    throw new UnsupportedOperationException(
        "equals() compares assertion objects, not the PCollection's contents. Fix: use containsInAnyOrder(...).");
  }

  /** Always throws, as {@link #equals} does. */
  @Override
  public int hashCode() {
    throw new UnsupportedOperationException("IterableAssert does not support hashCode().");
  }
}
