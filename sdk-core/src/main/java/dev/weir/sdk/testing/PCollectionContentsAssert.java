package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link PAssert.IterableAssert} of a collection: each assertion method applies a {@link
 * GatherThenCheck} to the collection.
 *
 * <p>Holds which elements are checked (an {@link AssertionScope}) and how they are shaped into the
 * iterable checked; a scoped assertion ({@code inWindow(...)}, ...) is a copy with another scope.
 * Not thread-safe, like building a pipeline.
 *
 * @param <ElemT> the element type of the collection
 * @param <T> the element type of the iterable checked
 */
final class PCollectionContentsAssert<ElemT, T> implements PAssert.IterableAssert<T> {
  private final String reason;
  private final PCollection<ElemT> actual;
  private final ActualShape<ElemT, Iterable<T>> shape;
  private final Coder<T> elementCoder;
  private final AssertionScope scope;

  PCollectionContentsAssert(
      String reason,
      PCollection<ElemT> actual,
      ActualShape<ElemT, Iterable<T>> shape,
      Coder<T> elementCoder,
      AssertionScope scope) {
    this.reason = reason;
    this.actual = actual;
    this.shape = shape;
    this.elementCoder = elementCoder;
    this.scope = scope;
  }

  @Override
  public PAssert.IterableAssert<T> inWindow(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.ALL, "inWindow");
  }

  @Override
  public PAssert.IterableAssert<T> inFinalPane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.FINAL, "inFinalPane");
  }

  @Override
  public PAssert.IterableAssert<T> inOnTimePane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.ON_TIME, "inOnTimePane");
  }

  @Override
  public PAssert.IterableAssert<T> inEarlyPane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.EARLY, "inEarlyPane");
  }

  @Override
  public PAssert.IterableAssert<T> inLatePane(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.LATE, "inLatePane");
  }

  @Override
  public PAssert.IterableAssert<T> inCombinedNonLatePanes(BoundedWindow window) {
    return scopedTo(window, AssertionScope.Panes.NON_LATE, "inCombinedNonLatePanes");
  }

  @Override
  public PAssert.IterableAssert<T> inEarlyGlobalWindowPanes() {
    return new PCollectionContentsAssert<>(reason, actual, shape, elementCoder,
        AssertionScope.of(actual, GlobalWindow.INSTANCE, AssertionScope.Panes.EARLY, "inEarlyGlobalWindowPanes()"));
  }

  private PAssert.IterableAssert<T> scopedTo(BoundedWindow window, AssertionScope.Panes panes, String method) {
    return new PCollectionContentsAssert<>(
        reason, actual, shape, elementCoder, AssertionScope.of(actual, window, panes, method + "(" + window + ")"));
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
    actual.apply(name, new GatherThenCheck<>(new ContentsCheck<>(site, scope, actual.getCoder(), shape, checkerFn)));
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
