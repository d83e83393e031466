package dev.weir.sdk.testing;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.SerializableFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.StringDescription;

/**
 * The check of one {@link PAssert} assertion over a collection's gathered contents: picks the
 * elements in the assertion's {@link AssertionScope}, round-trips each through the collection's
 * coder, shapes them into the value checked, and applies the user's check to it.
 *
 * <p>Immutable and serializable; {@link #verify} may run on any thread of any runner.
 *
 * @param <ElemT> the element type of the collection
 * @param <ActualT> the type of the value checked
 */
final class ContentsCheck<ElemT, ActualT> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AssertionSite site;
  private final AssertionScope scope;
  private final Coder<ElemT> coder;
  private final ActualShape<ElemT, ActualT> shape;
  private final SerializableFunction<ActualT, Void> checkerFn;

  /** A check of all the elements of the collection, in every window and pane. */
  ContentsCheck(
      AssertionSite site,
      Coder<ElemT> coder,
      ActualShape<ElemT, ActualT> shape,
      SerializableFunction<ActualT, Void> checkerFn) {
    this(site, AssertionScope.everything(), coder, shape, checkerFn);
  }

  /** A check of the elements of the collection in {@code scope}. */
  ContentsCheck(
      AssertionSite site,
      AssertionScope scope,
      Coder<ElemT> coder,
      ActualShape<ElemT, ActualT> shape,
      SerializableFunction<ActualT, Void> checkerFn) {
    this.site = site;
    this.scope = scope;
    this.coder = coder;
    this.shape = shape;
    this.checkerFn = checkerFn;
  }

  /** Where the assertion was declared. */
  AssertionSite site() {
    return site;
  }

  /** Which elements this check checks. */
  AssertionScope scope() {
    return scope;
  }

  /**
   * Checks the elements in scope among {@code gathered}, every element of the collection as {@link
   * GatherContents} gathered it; returns normally if the assertion holds, else throws the {@link
   * AssertionError} made by {@link AssertionSite#wrap}, which names the scope, whatever failed.
   */
  void verifyGathered(Iterable<ValueInPane<ElemT>> gathered) {
    List<ElemT> inScope;
    try {
      inScope = scope.select(gathered);
    } catch (AssertionError | RuntimeException e) {
      throw site.wrap(e, scope.description());
    }
    verify(inScope);
  }

  /**
   * Checks {@code contents}, all the elements of the collection in scope; returns normally if the
   * assertion holds, else throws the {@link AssertionError} made by {@link AssertionSite#wrap},
   * whatever the check threw.
   */
  void verify(Iterable<ElemT> contents) {
    try {
      checkerFn.apply(shape.fromElements(roundTrip(contents)));
    } catch (AssertionError | RuntimeException e) {
      throw site.wrap(e, scope.description());
    }
  }

  // Elements are compared as they would arrive after any boundary a runner may put them through.
  private List<ElemT> roundTrip(Iterable<ElemT> contents) {
    List<ElemT> copies = new ArrayList<>();
    for (ElemT element : contents) {
      try {
        copies.add(CoderUtils.clone(coder, element));
      } catch (CoderException e) {
        throw new IllegalStateException(
            "element " + element + " does not survive encoding and decoding with its coder " + coder, e);
      }
    }
    return copies;
  }

  /** A check that fails, with hamcrest's "Expected: ... but: ..." text, unless {@code matcher} matches. */
  static <T> SerializableFunction<T, Void> matching(SerializableMatcher<? super T> matcher) {
    return new MatcherCheck<>(matcher);
  }

  private static final class MatcherCheck<T> implements SerializableFunction<T, Void> {
    private static final long serialVersionUID = 1L;
    private final SerializableMatcher<? super T> matcher;

    MatcherCheck(SerializableMatcher<? super T> matcher) {
      this.matcher = matcher;
    }

    @Override
    public Void apply(T actual) {
      if (!matcher.matches(actual)) {
        Description description = new StringDescription();
        description.appendText("\nExpected: ").appendDescriptionOf(matcher).appendText("\n     but: ");
        matcher.describeMismatch(actual, description);
        throw new CheckFailure(description.toString());
      }
      return null;
    }
  }
}
