package dev.weir.runtime.grouping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.Combine.CombineFn;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.values.WindowingStrategy;
import org.junit.jupiter.api.Test;

class GroupAlsoByWindowSpecTest {
  private static GroupAlsoByWindowSpec<String, Integer, Integer, Integer> specOf(CombineFn<Integer, Integer, Integer> fn) {
    return GroupAlsoByWindowSpec.of("SumPerKey", StringUtf8Coder.of(), PaneContents.combining(fn, VarIntCoder.of()),
        WindowingStrategy.of(new GlobalWindows()));
  }

  @Test
  void withOwnContentsGivesEachPartitionItsOwnCombineFn() {
    GroupAlsoByWindowSpec<String, Integer, Integer, Integer> spec = specOf(new SumFn());

    assertThat(spec.withOwnContents().contents(), not(sameInstance(spec.contents())));
  }

  @Test
  void aCombineFnThatDoesNotSerializeIsNamedWithTheFix() {
    GroupAlsoByWindowSpec<String, Integer, Integer, Integer> spec = specOf(new UnserializableSumFn());

    IllegalStateException e = assertThrows(IllegalStateException.class, spec::withOwnContents);
    assertThat(e.getMessage(), containsString("The CombineFn of 'SumPerKey' could not be copied by serialization"));
    assertThat(e.getMessage(), containsString("Fix: make its fields serializable or transient."));
  }

  private static class SumFn extends CombineFn<Integer, Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer createAccumulator() {
      return 0;
    }

    @Override
    public Integer addInput(Integer accumulator, Integer input) {
      return accumulator + input;
    }

    @Override
    public Integer mergeAccumulators(Iterable<Integer> accumulators) {
      int sum = 0;
      for (int a : accumulators) {
        sum += a;
      }
      return sum;
    }

    @Override
    public Integer extractOutput(Integer accumulator) {
      return accumulator;
    }
  }

  /** Holds a field that Java serialization refuses. */
  private static final class UnserializableSumFn extends SumFn {
    private static final long serialVersionUID = 1L;
    @SuppressWarnings("unused")
    private final Object notSerializable = new Object();
  }
}
