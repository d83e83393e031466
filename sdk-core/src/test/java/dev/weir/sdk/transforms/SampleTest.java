package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.iterableWithSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hamcrest.Description;
import org.hamcrest.Matchers;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  /** Sample on a runner. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void anyPicksUpToTheLimitOfTheInputs() {
      PCollection<Integer> picked = p.apply(Create.of(INPUTS)).apply(Sample.any(3));
      PAssert.that(picked).satisfies(new HasSizeWithin<>(3, INPUTS));
      p.run();
    }

    @Test
    void anyPicksEverythingWhenTheLimitIsLarger() {
      PAssert.that(p.apply(Create.of(1, 2)).apply(Sample.any(5))).containsInAnyOrder(1, 2);
      p.run();
    }

    @Test
    void fixedSizeGloballySamplesDistinctInputs() {
      PCollection<Iterable<Integer>> sample = p.apply(Create.of(INPUTS)).apply(Sample.fixedSizeGlobally(4));
      PAssert.thatSingleton(sample).satisfies(new HasSizeWithin<>(4, INPUTS));
      p.run();
    }

    @Test
    void fixedSizeGloballyOfNothingIsAnEmptySample() {
      PCollection<Iterable<Integer>> sample = p.apply(Create.empty(VarIntCoder.of())).apply(Sample.fixedSizeGlobally(4));
      PAssert.thatSingleton(sample).satisfies(new HasSizeWithin<>(0, List.of()));
      p.run();
    }

    @Test
    void fixedSizePerKeySamplesEachKey() {
      PCollection<KV<String, Iterable<Integer>>> samples = p
          .apply(Create.of(KV.of("a", 1), KV.of("a", 2), KV.of("a", 3), KV.of("b", 9)))
          .apply(Sample.fixedSizePerKey(2));
      PAssert.thatMap(samples).satisfies(map -> {
        new HasSizeWithin<Integer>(2, List.of(1, 2, 3)).apply(map.get("a"));
        new HasSizeWithin<Integer>(1, List.of(9)).apply(map.get("b"));
        return null;
      });
      p.run();
    }
  }

  /** Checks that a sample has exactly {@code size} distinct items, all from {@code population}. */
  static final class HasSizeWithin<T> implements SerializableFunction<Iterable<T>, Void> {
    private static final long serialVersionUID = 1L;
    private final int size;
    private final List<T> population;

    HasSizeWithin(int size, List<T> population) {
      this.size = size;
      this.population = population;
    }

    @Override
    public Void apply(Iterable<T> sample) {
      assertThat(sample, Matchers.<Iterable<T>>allOf(iterableWithSize(size), everyItem(in(population)),
          new DistinctItems<>()));
      return null;
    }
  }
}
