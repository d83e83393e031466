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
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Mean.CountSum;
import dev.weir.sdk.transforms.Mean.CountSumCoder;
import dev.weir.sdk.values.KV;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  /** Mean on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void averagesAllElements() {
      PAssert.that(p.apply(Create.of(1, 2, 3, 4)).apply(Mean.globally())).containsInAnyOrder(2.5);
      p.run();
    }

    @Test
    void averagesNothingToNaN() {
      PAssert.that(p.apply(Create.empty(VarIntCoder.of())).apply(Mean.globally())).containsInAnyOrder(Double.NaN);
      p.run();
    }

    @Test
    void averagesTheValuesOfEachKey() {
      PAssert.that(p.apply(Create.of(KV.of("a", 1L), KV.of("a", 4L), KV.of("b", 3L))).apply(Mean.perKey()))
          .containsInAnyOrder(KV.of("a", 2.5), KV.of("b", 3.0));
      p.run();
    }
  }
}
