package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Top}. */
class TopTest {

  @Test
  void keepsTheLargestLargestFirst() throws Exception {
    CombineFnTester.testCombineFn(
        Top.<Integer>largestFn(3), List.of(5, 1, 9, 7, 3, 8), VarIntCoder.of(), equalTo(List.of(9, 8, 7)));
  }

  @Test
  void keepsTheSmallestSmallestFirst() throws Exception {
    CombineFnTester.testCombineFn(
        Top.<String>smallestFn(2), List.of("d", "b", "a", "c"), StringUtf8Coder.of(), equalTo(List.of("a", "b")));
  }

  @Test
  void keepsDuplicatesThatAreAmongTheLargest() throws Exception {
    CombineFnTester.testCombineFn(
        Top.<Integer>largestFn(3), List.of(4, 9, 1, 9), VarIntCoder.of(), equalTo(List.of(9, 9, 4)));
  }

  @Test
  void keepsEverythingWhenThereAreFewerInputsThanTheCount() throws Exception {
    CombineFnTester.testCombineFn(Top.<Integer>largestFn(10), List.of(2, 1), VarIntCoder.of(), equalTo(List.of(2, 1)));
  }

  @Test
  void aCountOfZeroKeepsNothing() throws Exception {
    CombineFnTester.testCombineFn(Top.<Integer>largestFn(0), List.of(2, 1), VarIntCoder.of(), empty());
  }

  @Test
  void theTopOfNothingIsAnEmptyList() {
    assertThat(Top.<Integer>largestFn(3).defaultValue(), empty());
  }

  @Test
  void aNegativeCountFailsNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Top.<Integer>largest(-1));
    assertThat(e.getMessage(), containsString("count must be >= 0, was -1"));
  }

  /** Orders strings by length. */
  static final class ByLength implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }

  /** Top on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void findsTheLargestAndSmallestElements() {
      PAssert.that(p.apply("a", Create.of(4, 9, 1, 7)).apply("largest", Top.largest(2))).containsInAnyOrder(List.of(9, 7));
      PAssert.that(p.apply("b", Create.of(4, 9, 1, 7)).apply("smallest", Top.smallest(3)))
          .containsInAnyOrder(List.of(1, 4, 7));
      p.run();
    }

    @Test
    void findsTheLargestByAComparator() {
      PAssert.that(p.apply(Create.of("fig", "banana", "kiwi")).apply(Top.of(2, new ByLength())))
          .containsInAnyOrder(List.of("banana", "kiwi"));
      p.run();
    }

    @Test
    void theTopOfNothingIsAnEmptyList() {
      PAssert.that(p.apply(Create.empty(VarIntCoder.of())).apply(Top.largest(2))).containsInAnyOrder(List.<Integer>of());
      p.run();
    }

    @Test
    void findsTheTopValuesOfEachKey() {
      List<KV<String, Integer>> pairs = List.of(KV.of("a", 1), KV.of("a", 3), KV.of("a", 2), KV.of("b", 5));
      PAssert.that(p.apply("largest", Create.of(pairs)).apply("l", Top.largestPerKey(2)))
          .containsInAnyOrder(KV.of("a", List.of(3, 2)), KV.of("b", List.of(5)));
      PAssert.that(p.apply("smallest", Create.of(pairs)).apply("s", Top.smallestPerKey(2)))
          .containsInAnyOrder(KV.of("a", List.of(1, 2)), KV.of("b", List.of(5)));
      PAssert.that(p.apply("byLength", Create.of(KV.of("k", "fig"), KV.of("k", "banana"))).apply("c",
          Top.perKey(1, new ByLength()))).containsInAnyOrder(KV.of("k", List.of("banana")));
      p.run();
    }
  }
}
