package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.iterableWithSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hamcrest.Description;
import org.hamcrest.Matchers;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

/** {@link Sample}. */
class SampleTest {
  private static final List<Integer> INPUTS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

  @Test
  void anyCombineFnKeepsUpToTheLimitOfTheInputs() throws Exception {
    CombineFnTester.testCombineFn(Sample.<Integer>anyCombineFn(3), INPUTS, VarIntCoder.of(),
        Matchers.<Iterable<Integer>>allOf(iterableWithSize(3), everyItem(in(INPUTS))));
  }

  @Test
  void fixedSizeSampleHasTheSampleSizeOfDistinctInputs() throws Exception {
    CombineFnTester.testCombineFn(Sample.<Integer>combineFn(4), INPUTS, VarIntCoder.of(),
        Matchers.<Iterable<Integer>>allOf(iterableWithSize(4), everyItem(in(INPUTS)), new DistinctItems<>()));
  }

  @Test
  void fixedSizeSampleOfFewerInputsIsAllOfThem() throws Exception {
    CombineFnTester.testCombineFn(Sample.<Integer>combineFn(20), INPUTS, VarIntCoder.of(),
        Matchers.<Iterable<Integer>>allOf(iterableWithSize(10), new DistinctItems<>()));
  }

  @Test
  void everyInputCanBeSampled() {
    CombineFn<Integer, ?, Iterable<Integer>> fn = Sample.combineFn(1);
    Set<Integer> seen = new HashSet<>();
    for (int run = 0; run < 300; run++) {
      fn.apply(List.of(1, 2, 3, 4, 5)).forEach(seen::add);
    }
    // Missing one of five over 300 uniform draws has probability about 5 * 0.8^300.
    assertThat(seen, Matchers.containsInAnyOrder(1, 2, 3, 4, 5));
  }

  @Test
  void aNegativeSampleSizeFailsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sample.<Integer>fixedSizeGlobally(-2));
    assertThat(e.getMessage(), containsString("sample size must be >= 0, was -2"));
    e = assertThrows(IllegalArgumentException.class, () -> Sample.<Integer>any(-1));
    assertThat(e.getMessage(), containsString("limit must be >= 0, was -1"));
  }

  /** Matches iterables without repeated items. */
  static final class DistinctItems<T> extends TypeSafeMatcher<Iterable<T>> {
    @Override
    protected boolean matchesSafely(Iterable<T> items) {
      Set<T> seen = new HashSet<>();
      for (T item : items) {
        if (!seen.add(item)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void describeTo(Description description) {
      description.appendText("items without repeats");
    }
  }
}
