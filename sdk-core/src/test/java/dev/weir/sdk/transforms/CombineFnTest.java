package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.transforms.Combine.BinaryCombineFn;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.Combine.IterableCombineFn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CombineFn shapes of {@link Combine}, checked without a runner. */
class CombineFnTest {

  @Test
  void binaryCombineFnCombinesAcrossShards() throws Exception {
    BinaryCombineFn<Integer> max = BinaryCombineFn.of(Math::max);
    CombineFnTester.testCombineFn(max, List.of(3, 9, -2, 7, 9, 0), VarIntCoder.of(), equalTo(9));
  }

  @Test
  void binaryCombineFnOfNothingIsNullUnlessItHasAnIdentity() {
    assertThat(BinaryCombineFn.<Integer>of(Integer::sum).defaultValue(), nullValue());
    BinaryCombineFn<Integer> withIdentity = new BinaryCombineFn<Integer>() {
      private static final long serialVersionUID = 1L;

      @Override
      public Integer apply(Integer left, Integer right) {
        return left + right;
      }

      @Override
      public Integer identity() {
        return 0;
      }
    };
    assertThat(withIdentity.defaultValue(), equalTo(0));
  }

  @Test
  void binaryCombineFnAccumulatorEncodesAbsenceAndPresence() throws Exception {
    BinaryCombineFn<String> longest = BinaryCombineFn.of((a, b) -> a.length() >= b.length() ? a : b);
    CombineFnTester.testCombineFn(longest, List.of("x", "xyz", "xy"), StringUtf8Coder.of(), equalTo("xyz"));
    CombineFnTester.testCombineFn(longest, List.of(), StringUtf8Coder.of(), nullValue());
  }

  @Test
  void iterableCombineFnCombinesInBatches() throws Exception {
    IterableCombineFn<Integer> sum = IterableCombineFn.of(CombineFnTest::sum, 3);
    CombineFnTester.testCombineFn(sum, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), VarIntCoder.of(), equalTo(55));
  }

  @Test
  void iterableCombineFnKeepsItsAccumulatorWithinTheBuffer() {
    IterableCombineFn<Integer> sum = IterableCombineFn.of(CombineFnTest::sum, 3);
    List<Integer> accumulator = sum.createAccumulator();
    for (int i = 0; i < 100; i++) {
      accumulator = sum.addInput(accumulator, i);
      assertThat(accumulator.size(), lessThanOrEqualTo(3));
    }
    assertThat(sum.extractOutput(accumulator), equalTo(4950));
  }

  @Test
  void iterableCombineFnRejectsANonPositiveBuffer() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IterableCombineFn.of(CombineFnTest::sum, 0));
    assertThat(e.getMessage(), containsString("bufferSize must be positive"));
  }

  @Test
  void accumulatorCoderIsInferredFromTheAccumulatorType() throws Exception {
    Coder<Long> coder = new CountChars().getAccumulatorCoder(CoderRegistry.createDefault(), StringUtf8Coder.of());
    assertThat(coder, instanceOf(VarLongCoder.class));
    CombineFnTester.testCombineFn(new CountChars(), List.of("ab", "", "cde"), StringUtf8Coder.of(), equalTo(5L));
  }

  @Test
  void outputCoderIsInferredFromTheOutputType() throws Exception {
    assertThat(new CountChars().getDefaultOutputCoder(CoderRegistry.createDefault(), StringUtf8Coder.of()),
        instanceOf(VarLongCoder.class));
  }

  @Test
  void anAccumulatorWithoutACoderFailsNamingTheFnAndTheFix() {
    CannotProvideCoderException e = assertThrows(CannotProvideCoderException.class,
        () -> new OpaqueAccumulatorFn().getAccumulatorCoder(CoderRegistry.createDefault(), VarIntCoder.of()));
    assertThat(e.getMessage(), containsString(OpaqueAccumulatorFn.class.getName()));
    assertThat(e.getMessage(), containsString("override getAccumulatorCoder"));
  }

  @Test
  void theTesterCatchesAMergeThatLosesAccumulators() {
    CombineFn<String, Long, Long> lossy = new CountChars() {
      private static final long serialVersionUID = 1L;

      @Override
      public Long mergeAccumulators(Iterable<Long> accumulators) {
        return accumulators.iterator().next();
      }
    };
    assertThrows(AssertionError.class,
        () -> CombineFnTester.testCombineFn(lossy, List.of("ab", "c"), StringUtf8Coder.of(), equalTo(3L)));
  }

  @Test
  void defaultValueIsTheOutputOfAnEmptyAccumulator() {
    assertThat(new CountChars().defaultValue(), equalTo(0L));
  }

  private static Integer sum(Iterable<Integer> values) {
    int total = 0;
    for (int value : values) {
      total += value;
    }
    return total;
  }

  /** Counts characters; its accumulator type (Long) has a registered coder. */
  static class CountChars extends CombineFn<String, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long addInput(Long accumulator, String input) {
      return accumulator + input.length();
    }

    @Override
    public Long mergeAccumulators(Iterable<Long> accumulators) {
      long total = 0;
      for (long accumulator : accumulators) {
        total += accumulator;
      }
      return total;
    }

    @Override
    public Long extractOutput(Long accumulator) {
      return accumulator;
    }
  }

  /** An accumulator class the registry knows no coder for. */
  static final class Opaque {
    int total;
  }

  static final class OpaqueAccumulatorFn extends CombineFn<Integer, Opaque, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Opaque createAccumulator() {
      return new Opaque();
    }

    @Override
    public Opaque addInput(Opaque accumulator, Integer input) {
      accumulator.total += input;
      return accumulator;
    }

    @Override
    public Opaque mergeAccumulators(Iterable<Opaque> accumulators) {
      Opaque merged = new Opaque();
      for (Opaque accumulator : accumulators) {
        merged.total += accumulator.total;
      }
      return merged;
    }

    @Override
    public Integer extractOutput(Opaque accumulator) {
      return accumulator.total;
    }
  }
}
