package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.state.BagState;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class BagStateTest {
  private final StateSpec<BagState<Integer>> spec = StateSpecs.bag(VarIntCoder.of());
  private final BagState<Integer> bag = CellRoundTrip.bind(spec);

  private static List<Integer> list(Iterable<Integer> values) {
    return ImmutableList.copyOf(values);
  }

  @Test
  void readsEverythingAddedInOrderWithRepeats() {
    bag.add(3);
    bag.add(1);
    bag.add(3);
    assertEquals(List.of(3, 1, 3), list(bag.read()));
  }

  @Test
  void aReadIsASnapshotThatLaterAddsDoNotChange() {
    bag.add(1);
    Iterable<Integer> before = bag.read();
    bag.add(2);
    assertEquals(List.of(1), list(before));
  }

  @Test
  void aReadCannotBeModified() {
    bag.add(1);
    assertThrows(UnsupportedOperationException.class, () -> ((List<Integer>) bag.read()).add(2));
  }

  @Test
  void isEmptyIsEvaluatedWhenRead() {
    ReadableState<Boolean> empty = bag.isEmpty();
    assertTrue(empty.read());
    bag.add(1);
    assertFalse(empty.read());
  }

  @Test
  void clearEmptiesTheBag() {
    bag.add(1);
    bag.clear();
    assertEquals(List.of(), list(bag.read()));
    assertTrue(CellRoundTrip.savesNothing(bag));
  }

  @Test
  void survivesEncoding() {
    bag.add(5);
    bag.add(5);
    bag.add(-1);
    assertEquals(List.of(5, 5, -1), list(CellRoundTrip.copy(spec, bag).read()));
  }
}
