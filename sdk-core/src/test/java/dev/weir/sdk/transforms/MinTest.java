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

/** {@link Min}. */
class MinTest {

  @Test
  void findsTheSmallestNumberAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(Min.ofIntegers(), List.of(4, -7, 12, -7, 0), VarIntCoder.of(), equalTo(-7));
    CombineFnTester.testCombineFn(Min.ofLongs(), List.of(4L, 3L, 12L), VarLongCoder.of(), equalTo(3L));
    CombineFnTester.testCombineFn(Min.ofDoubles(), List.of(2.5, -0.5, 1.0), DoubleCoder.of(), equalTo(-0.5));
  }

  @Test
  void theMinimumOfNoNumbersIsTheLargestValue() {
    assertThat(Min.ofIntegers().defaultValue(), equalTo(Integer.MAX_VALUE));
    assertThat(Min.ofLongs().defaultValue(), equalTo(Long.MAX_VALUE));
    assertThat(Min.ofDoubles().defaultValue(), equalTo(Double.POSITIVE_INFINITY));
  }

  @Test
  void findsTheSmallestByNaturalOrder() throws Exception {
    CombineFnTester.testCombineFn(
        Min.<String>naturalOrder(), List.of("pear", "apple", "fig"), StringUtf8Coder.of(), equalTo("apple"));
  }

  @Test
  void naturalOrderOfNothingIsNullOrTheIdentity() {
    assertThat(Min.<String>naturalOrder().defaultValue(), nullValue());
    assertThat(Min.naturalOrder("zzz").defaultValue(), equalTo("zzz"));
  }

  @Test
  void findsTheSmallestByAComparator() throws Exception {
    CombineFnTester.testCombineFn(
        Min.of(new ByLength()), List.of("pear", "fig", "banana"), StringUtf8Coder.of(), equalTo("fig"));
    assertThat(Min.of("none", new ByLength()).defaultValue(), equalTo("none"));
  }

  static final class ByLength implements Comparator<String>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }

  /** Min on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void findsTheSmallestElement() {
      PAssert.that(p.apply("ints", Create.of(5, -1, 3)).apply("i", Min.integersGlobally())).containsInAnyOrder(-1);
      PAssert.that(p.apply("longs", Create.of(5L, 2L)).apply("l", Min.longsGlobally())).containsInAnyOrder(2L);
      PAssert.that(p.apply("doubles", Create.of(0.5, -2.5)).apply("d", Min.doublesGlobally())).containsInAnyOrder(-2.5);
      PAssert.that(p.apply("strings", Create.of("b", "a", "c")).apply("s", Min.globally())).containsInAnyOrder("a");
      p.run();
    }

    @Test
    void findsTheSmallestValueOfEachKey() {
      PAssert.that(p.apply("ints", Create.of(KV.of("a", 4), KV.of("a", 2), KV.of("b", 7))).apply("i", Min.integersPerKey()))
          .containsInAnyOrder(KV.of("a", 2), KV.of("b", 7));
      PAssert.that(p.apply("words", Create.of(KV.of("k", "pear"), KV.of("k", "fig"))).apply("w", Min.perKey(new ByLength())))
          .containsInAnyOrder(KV.of("k", "fig"));
      p.run();
    }

    @Test
    void findsTheSmallestByAComparator() {
      PAssert.that(p.apply(Create.of("pear", "fig", "banana")).apply(Min.globally(new ByLength())))
          .containsInAnyOrder("fig");
      p.run();
    }
  }
}
