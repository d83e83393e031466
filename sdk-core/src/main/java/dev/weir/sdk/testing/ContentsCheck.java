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
 * The check of one {@link PAssert} assertion over a collection's gathered contents: round-trips
 * each element through the collection's coder, shapes the elements into the value checked, and
 * applies the user's check to it.
 *
 * <p>Immutable and serializable; {@link #verify} may run on any thread of any runner.
 *
 * @param <ElemT> the element type of the collection
 * @param <ActualT> the type of the value checked
 */
final class ContentsCheck<ElemT, ActualT> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AssertionSite site;
  private final Coder<ElemT> coder;
  private final ActualShape<ElemT, ActualT> shape;
  private final SerializableFunction<ActualT, Void> checkerFn;

  ContentsCheck(
      AssertionSite site,
      Coder<ElemT> coder,
      ActualShape<ElemT, ActualT> shape,
      SerializableFunction<ActualT, Void> checkerFn) {
    this.site = site;
    this.coder = coder;
    this.shape = shape;
    this.checkerFn = checkerFn;
  }

  /** Where the assertion was declared. */
  AssertionSite site() {
    return site;
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
      throw site.wrap(e);
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
