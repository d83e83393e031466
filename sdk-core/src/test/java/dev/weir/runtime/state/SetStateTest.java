package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.state.SetState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetStateTest {
  private final StateSpec<SetState<String>> spec = StateSpecs.set(StringUtf8Coder.of());
  private final SetState<String> set = CellRoundTrip.bind(spec);

  @Test
  void keepsEachValueOnceInTheOrderFirstAdded() {
    set.add("b");
    set.add("a");
    set.add("b");
    assertEquals(List.of("b", "a"), ImmutableList.copyOf(set.read()));
  }

  @Test
  void containsIsReadAsOfTheCall() {
    ReadableState<Boolean> before = set.contains("x");
    set.add("x");
    assertFalse(before.read());
    assertTrue(set.contains("x").read());
  }

  @Test
  void addIfAbsentSaysWhetherItAdded() {
    assertTrue(set.addIfAbsent("x").read());
    assertFalse(set.addIfAbsent("x").read());
    assertEquals(List.of("x"), ImmutableList.copyOf(set.read()));
  }

  @Test
  void removeTakesAValueOut() {
    set.add("x");
    set.add("y");
    set.remove("x");
    set.remove("absent");
    assertEquals(List.of("y"), ImmutableList.copyOf(set.read()));
  }

  @Test
  void comparesValuesByTheirEncodingNotByEquals() {
    StateSpec<SetState<byte[]>> bytesSpec = StateSpecs.set(ByteArrayCoder.of());
    SetState<byte[]> bytes = CellRoundTrip.bind(bytesSpec);
    bytes.add(new byte[] {1, 2});
    assertFalse(bytes.addIfAbsent(new byte[] {1, 2}).read());
    assertTrue(bytes.contains(new byte[] {1, 2}).read());
  }

  @Test
  void isEmptyAndClear() {
    ReadableState<Boolean> empty = set.isEmpty();
    set.add("x");
    assertFalse(empty.read());
    set.clear();
    assertTrue(empty.read());
    assertTrue(CellRoundTrip.savesNothing(set));
  }

  @Test
  void survivesEncoding() {
    set.add("z");
    set.add("a");
    SetState<String> copy = CellRoundTrip.copy(spec, set);
    assertEquals(List.of("z", "a"), ImmutableList.copyOf(copy.read()));
    assertTrue(copy.contains("a").read());
  }
}
