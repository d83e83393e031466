package dev.weir.sdk.testing;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Multiset;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Matches an iterable holding exactly the expected elements, each as many times, in any order,
 * comparing with {@code equals}. Unlike hamcrest's matcher of the same name it runs in linear time
 * and its mismatch names the missing and the unexpected elements.
 *
 * <p>Immutable; not serializable (build it where it is used, through a supplier).
 *
 * @param <T> the element type
 */
final class ContainsInAnyOrder<T> extends TypeSafeDiagnosingMatcher<Iterable<? extends T>> {
  private final List<T> expected;

  ContainsInAnyOrder(Iterable<? extends T> expected) {
    List<T> copy = new ArrayList<>();
    expected.forEach(copy::add);
    this.expected = copy;
  }

  @Override
  protected boolean matchesSafely(Iterable<? extends T> actual, Description mismatch) {
    Multiset<T> missing = HashMultiset.create(expected);
    List<T> unexpected = new ArrayList<>();
    for (T element : actual) {
      if (!missing.remove(element)) {
        unexpected.add(element);
      }
    }
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return true;
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing " + ElementListing.list(missingInExpectedOrder(missing)));
    }
    if (!unexpected.isEmpty()) {
      problems.add("unexpected " + ElementListing.list(unexpected));
    }
    mismatch.appendText(String.join(" and ", problems))
        .appendText(" in ")
        .appendText(ElementListing.describe(actual));
    return false;
  }

  private List<T> missingInExpectedOrder(Multiset<T> missing) {
    List<T> ordered = new ArrayList<>();
    for (T element : expected) {
      if (missing.remove(element)) {
        ordered.add(element);
      }
    }
    return ordered;
  }

  @Override
  public void describeTo(Description description) {
    description.appendText(
        expected.isEmpty() ? "no elements" : "iterable with items " + ElementListing.list(expected) + " in any order");
  }
}
