package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Sum}. */
class SumTest {

  @Test
  void sumsIntegersAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(Sum.ofIntegers(), List.of(1, -2, 30, 400), VarIntCoder.of(), equalTo(429));
  }

  @Test
  void sumsLongsAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(
        Sum.ofLongs(), List.of(1L, Long.MAX_VALUE / 2, 5L), VarLongCoder.of(), equalTo(Long.MAX_VALUE / 2 + 6));
  }

  @Test
  void sumsDoublesAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(Sum.ofDoubles(), List.of(0.5, 0.25, 2.0), DoubleCoder.of(), equalTo(2.75));
  }

  @Test
  void theSumOfNothingIsZero() {
    assertThat(Sum.ofIntegers().defaultValue(), equalTo(0));
    assertThat(Sum.ofLongs().defaultValue(), equalTo(0L));
    assertThat(Sum.ofDoubles().defaultValue(), equalTo(0.0));
  }

  /** Sum on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void sumsAllElements() {
      PAssert.that(p.apply("ints", Create.of(1, 2, 3)).apply("sumInts", Sum.integersGlobally())).containsInAnyOrder(6);
      PAssert.that(p.apply("longs", Create.of(1L, 2L)).apply("sumLongs", Sum.longsGlobally())).containsInAnyOrder(3L);
      PAssert.that(p.apply("doubles", Create.of(0.5, 0.25)).apply("sumDoubles", Sum.doublesGlobally()))
          .containsInAnyOrder(0.75);
      p.run();
    }

    @Test
    void sumsNothingToZero() {
      PAssert.that(p.apply(Create.empty(VarIntCoder.of())).apply(Sum.integersGlobally())).containsInAnyOrder(0);
      p.run();
    }

    @Test
    void sumsTheValuesOfEachKey() {
      PAssert.that(p.apply("ints", Create.of(KV.of("a", 1), KV.of("a", 2), KV.of("b", 5))).apply("i", Sum.integersPerKey()))
          .containsInAnyOrder(KV.of("a", 3), KV.of("b", 5));
      PAssert.that(p.apply("longs", Create.of(KV.of("a", 1L), KV.of("a", 2L))).apply("l", Sum.longsPerKey()))
          .containsInAnyOrder(KV.of("a", 3L));
      PAssert.that(p.apply("doubles", Create.of(KV.of("a", 1.5), KV.of("a", 2.0))).apply("d", Sum.doublesPerKey()))
          .containsInAnyOrder(KV.of("a", 3.5));
      p.run();
    }
  }
}
