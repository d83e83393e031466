package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
