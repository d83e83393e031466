package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
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

/** {@link Max}. */
class MaxTest {

  @Test
  void findsTheLargestNumberAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(Max.ofIntegers(), List.of(4, -7, 12, 12, 0), VarIntCoder.of(), equalTo(12));
    CombineFnTester.testCombineFn(Max.ofLongs(), List.of(-4L, -3L, -12L), VarLongCoder.of(), equalTo(-3L));
    CombineFnTester.testCombineFn(Max.ofDoubles(), List.of(2.5, -0.5, 1.0), DoubleCoder.of(), equalTo(2.5));
  }

  @Test
  void theMaximumOfNoNumbersIsTheSmallestValue() {
    assertThat(Max.ofIntegers().defaultValue(), equalTo(Integer.MIN_VALUE));
    assertThat(Max.ofLongs().defaultValue(), equalTo(Long.MIN_VALUE));
    assertThat(Max.ofDoubles().defaultValue(), equalTo(Double.NEGATIVE_INFINITY));
  }

  @Test
  void findsTheLargestByNaturalOrder() throws Exception {
    CombineFnTester.testCombineFn(
        Max.<String>naturalOrder(), List.of("pear", "apple", "fig"), StringUtf8Coder.of(), equalTo("pear"));
    assertThat(Max.<String>naturalOrder().defaultValue(), nullValue());
  }

  @Test
  void findsTheLargestByAComparator() throws Exception {
    CombineFnTester.testCombineFn(
        Max.of(new ByLength()), List.of("pear", "fig", "banana"), StringUtf8Coder.of(), equalTo("banana"));
    assertThat(Max.of("", new ByLength()).defaultValue(), equalTo(""));
  }

  static final class ByLength implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }

  /** Max on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void findsTheLargestElement() {
      PAssert.that(p.apply("ints", Create.of(5, -1, 3)).apply("i", Max.integersGlobally())).containsInAnyOrder(5);
      PAssert.that(p.apply("longs", Create.of(5L, 2L)).apply("l", Max.longsGlobally())).containsInAnyOrder(5L);
      PAssert.that(p.apply("doubles", Create.of(0.5, -2.5)).apply("d", Max.doublesGlobally())).containsInAnyOrder(0.5);
      PAssert.that(p.apply("strings", Create.of("b", "a", "c")).apply("s", Max.globally())).containsInAnyOrder("c");
      p.run();
    }

    @Test
    void findsTheLargestValueOfEachKey() {
      PAssert.that(p.apply("ints", Create.of(KV.of("a", 4), KV.of("a", 2), KV.of("b", 7))).apply("i", Max.integersPerKey()))
          .containsInAnyOrder(KV.of("a", 4), KV.of("b", 7));
      PAssert.that(p.apply("words", Create.of(KV.of("k", "pear"), KV.of("k", "fig"))).apply("w", Max.perKey(new ByLength())))
          .containsInAnyOrder(KV.of("k", "pear"));
      p.run();
    }
  }
}
