package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.BigEndianLongCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.CombiningState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombiningStateTest {
  /** Sums longs in a one-element list, so that accumulators are mutable and mergeable. */
  static final class SumFn extends CombineFn<Long, List<Long>, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<Long> createAccumulator() {
      List<Long> accumulator = new ArrayList<>();
      accumulator.add(0L);
      return accumulator;
    }

    @Override
    public List<Long> addInput(List<Long> accumulator, Long input) {
      accumulator.set(0, accumulator.get(0) + input);
      return accumulator;
    }

    @Override
    public List<Long> mergeAccumulators(Iterable<List<Long>> accumulators) {
      List<Long> merged = createAccumulator();
      for (List<Long> accumulator : accumulators) {
        merged.set(0, merged.get(0) + accumulator.get(0));
      }
      return merged;
    }

    @Override
    public Long extractOutput(List<Long> accumulator) {
      return accumulator.get(0);
    }
  }

  private static final Coder<List<Long>> ACCUMULATOR_CODER = ListCoder.of(VarLongCoder.of());
  private final StateSpec<CombiningState<Long, List<Long>, Long>> spec =
      StateSpecs.combining(ACCUMULATOR_CODER, new SumFn());
  private final CombiningState<Long, List<Long>, Long> sum = CellRoundTrip.bind(spec);

  @Test
  void readsTheCombinationOfEverythingAdded() {
    sum.add(3L);
    sum.add(4L);
    assertEquals(7L, sum.read());
  }

  @Test
  void readsTheDefaultOutputWhenNothingWasAdded() {
    assertEquals(0L, sum.read());
    assertTrue(sum.isEmpty().read());
    assertTrue(CellRoundTrip.savesNothing(sum));
  }

  @Test
  void addAccumMergesAnAccumulatorIn() {
    sum.add(1L);
    sum.addAccum(new ArrayList<>(List.of(10L)));
    assertEquals(11L, sum.read());
    assertEquals(List.of(11L), sum.getAccum());
  }

  @Test
  void mergeAccumulatorsLeavesTheStateAlone() {
    sum.add(1L);
    assertEquals(List.of(5L), sum.mergeAccumulators(List.of(List.of(2L), List.of(3L))));
    assertEquals(1L, sum.read());
  }

  @Test
  void clearStartsAgainFromAFreshAccumulator() {
    sum.add(5L);
    assertFalse(sum.isEmpty().read());
    sum.clear();
    assertEquals(0L, sum.read());
    assertTrue(sum.isEmpty().read());
  }

  @Test
  void survivesEncoding() {
    sum.add(40L);
    sum.add(2L);
    CombiningState<Long, List<Long>, Long> copy = CellRoundTrip.copy(spec, sum);
    assertEquals(42L, copy.read());
    assertFalse(copy.isEmpty().read());
  }

  @Test
  void anAccumulatorCoderOfAnotherShapeStillRoundTrips() {
    StateSpec<CombiningState<Long, List<Long>, Long>> fixedWidth =
        StateSpecs.combining(ListCoder.of(BigEndianLongCoder.of()), new SumFn());
    CombiningState<Long, List<Long>, Long> state = CellRoundTrip.bind(fixedWidth);
    state.add(-9L);
    assertArrayEquals(new Object[] {-9L}, CellRoundTrip.copy(fixedWidth, state).getAccum().toArray());
  }
}
