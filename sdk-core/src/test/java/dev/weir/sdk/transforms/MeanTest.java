package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderProperties;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.DoubleCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.transforms.Mean.CountSum;
import dev.weir.sdk.transforms.Mean.CountSumCoder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Mean}. */
class MeanTest {

  @Test
  void averagesIntegersAcrossShards() throws Exception {
    CombineFnTester.testCombineFn(Mean.<Integer>of(), List.of(1, 2, 3, 4), VarIntCoder.of(), equalTo(2.5));
  }

  @Test
  void averagesLongsAndDoubles() throws Exception {
    CombineFnTester.testCombineFn(Mean.<Long>of(), List.of(10L, 20L), VarLongCoder.of(), equalTo(15.0));
    CombineFnTester.testCombineFn(Mean.<Double>of(), List.of(0.5, 1.5, 4.0), DoubleCoder.of(), equalTo(2.0));
  }

  @Test
  void theMeanOfNothingIsNaN() {
    assertThat(Mean.<Integer>of().defaultValue(), equalTo(Double.NaN));
  }

  @Test
  void accumulatesInACountSumWithItsOwnCoder() throws Exception {
    Coder<CountSum> coder = Mean.<Integer>of().getAccumulatorCoder(CoderRegistry.createDefault(), VarIntCoder.of());
    assertThat(coder, instanceOf(CountSumCoder.class));
    CoderProperties.coderDecodeEncodeEqual(coder, new CountSum(3, 7.25));
    CoderProperties.coderDecodesBackToBack(coder, new CountSum(0, 0), new CountSum(Long.MAX_VALUE, -1e300));
  }

  @Test
  void countSumCoderIsNotDeterministic() {
    Coder.NonDeterministicException e =
        assertThrows(Coder.NonDeterministicException.class, () -> CountSumCoder.of().verifyDeterministic());
    assertThat(e.getMessage(), containsString("double"));
  }

  @Test
  void outputIsADouble() throws Exception {
    assertThat(Mean.<Integer>of().getDefaultOutputCoder(CoderRegistry.createDefault(), VarIntCoder.of()),
        instanceOf(DoubleCoder.class));
  }
}
